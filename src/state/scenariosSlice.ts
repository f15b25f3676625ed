/**
 * Local scenarios: the session saved in this browser as it happens
 * (`followAutosave`), several kept side by side, reopened on reload.
 * Everything goes through the scenario format and `loadScenario`, so a
 * reopened scenario is replayed, not deserialised: same files, same log,
 * same cluster.
 */
import { SCENARIO_VERSION, type Scenario } from '../session/scenario';
import type { AppState } from './appState';
import type { WorkBaseline } from './learnerWork';
import { ScenarioShelf, type SaveResult, type SavedScenarioInfo } from './scenarioShelf';
import type { GetState, SetState, StoreKit } from './storeKit';

export type AutosaveStatus = 'on' | 'off' | 'full';

export type OpenResult = { ok: true } | { ok: false; error: string };

/** What `keepWorkAside` did: nothing to keep, kept (as scenario `id`), or could not keep (this browser saves nothing, or is full). */
export type KeepResult = { type: 'nothing' } | { type: 'kept'; id: string; name: string } | { type: 'cannot'; reason: 'unavailable' | 'full' };

export interface ScenariosSlice {
  /** The scenarios kept in this browser, most recently saved first. */
  savedScenarios: readonly SavedScenarioInfo[];
  /** The one being worked on (undefined until there is something to save). */
  currentScenarioId: string | undefined;
  /** `on`: every change is saved; `off`: this browser keeps nothing (storage blocked); `full`: the last save did not fit. */
  autosave: AutosaveStatus;
  /** At page load: reopens the scenario open last (replayed), or the files kept by older versions. `restored` says whether there was one. */
  restoreSaved(): Promise<{ ok: true; restored: boolean } | { ok: false; error: string }>;
  /** Saves the current session, then replays scenario `id` and works on it. */
  openScenario(id: string): Promise<OpenResult>;
  /** Saves the current session, then starts an empty one (default cluster, `files`) named `name`. */
  newScenario(name: string, files: Readonly<Record<string, string>>): Promise<OpenResult>;
  renameScenario(id: string, name: string): boolean;
  /** Deletes a kept scenario; deleting the open one starts an empty one in its place. */
  deleteScenario(id: string, emptyName: string, files: Readonly<Record<string, string>>): Promise<void>;
  /** Saves now (commands save at once; edits after a short pause; the page calls this when it is hidden or closed). */
  saveNow(): void;
  /**
   * Before something replaces the session (a lesson's start): the learner's work, if there is
   * any, is saved as the scenario it is and left on the shelf; what follows becomes a new
   * scenario named `nextName`. Changes nothing when the work cannot be saved.
   */
  keepWorkAside(nextName: string): KeepResult;
  /** How much of the session is the learner's: commands they issued, files they changed. */
  learnerWork(): { commands: number; files: number };
}

/** A name for a scenario nobody named yet: when it was begun (local time), the same in every language. */
export function dateName(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whether the session holds anything worth a scenario of its own. */
function hasWork(state: AppState, pristine: Readonly<Record<string, string>>): boolean {
  if (state.commandLog.length > 0) return true;
  const names = Object.keys(state.files);
  return names.length !== Object.keys(pristine).length || names.some((n) => state.files[n] !== pristine[n]);
}

export function createScenariosSlice(set: SetState, get: GetState, kit: () => StoreKit, shelf: ScenarioShelf, pristine: Readonly<Record<string, string>>, wallClock: () => number, baseline: WorkBaseline): ScenariosSlice {
  const refresh = () => set({ savedScenarios: shelf.list() });
  /** The name of the next scenario made (a lesson's), instead of the date. */
  let nextName: string | undefined;

  /** What is saved: the whole history (also while the timeline looks at the past), the open tab and the redo stack. */
  function snapshot(): Scenario | undefined {
    const { past } = get();
    return past ? past.full : get().captureScenario();
  }

  /** Saves the session (`force`: even when it holds nothing beyond the starter files). */
  function save(force = false): SaveResult | undefined {
    if (!shelf.available || get().replaying || get().booting) return undefined;
    const state = get();
    let id = state.currentScenarioId;
    if (id === undefined && !force && !hasWork(state, pristine)) return undefined;
    const scenario = snapshot();
    if (!scenario) return undefined;
    if (id === undefined) {
      id = shelf.create(nextName ?? dateName(wallClock()));
      nextName = undefined;
      set({ currentScenarioId: id });
    }
    const result = shelf.save(id, { scenario, activeFile: state.activeFile, redo: state.redoSteps });
    set({ autosave: result.ok ? 'on' : result.reason === 'full' ? 'full' : 'off', savedScenarios: shelf.list() });
    return result;
  }

  /** Replays a kept scenario and makes it the current one. */
  async function open(id: string, notice: string): Promise<OpenResult> {
    const loaded = shelf.load(id);
    if (!loaded.ok) return loaded;
    const { scenario, activeFile, redo } = loaded.saved;
    set({ replaying: true, past: undefined, fork: undefined });
    try {
      const result = await get().loadScenario(scenario, { notice });
      if (!result.ok) return result;
      if (activeFile) get().openFile(activeFile);
      get().setViewMode(scenario.view ?? 'kubernetes');
      set({ currentScenarioId: id, redoSteps: redo });
      shelf.setCurrent(id);
      return { ok: true };
    } finally {
      set({ replaying: false });
      refresh();
    }
  }

  async function startEmpty(name: string, files: Readonly<Record<string, string>>): Promise<OpenResult> {
    const empty: Scenario = { version: SCENARIO_VERSION, files: Object.entries(files).map(([n, content]) => ({ name: n, content })), cluster: {}, seed: 1, log: [], endAt: 0 };
    const id = shelf.create(name);
    const written = shelf.save(id, { scenario: empty, redo: [] });
    if (!written.ok) {
      shelf.remove(id);
      refresh();
      return { ok: false, error: written.reason === 'full' ? 'this browser’s storage is full' : 'this browser keeps no data for this page' };
    }
    return open(id, `New scenario "${name}": a fresh cluster.`);
  }

  return {
    savedScenarios: shelf.list(),
    currentScenarioId: undefined,
    autosave: shelf.available ? 'on' : 'off',

    async restoreSaved() {
      const id = shelf.currentId();
      if (id === undefined) {
        const legacy = shelf.takeLegacyFiles();
        if (legacy) get().restoreFiles(legacy.files, legacy.order, legacy.active);
        return { ok: true, restored: false };
      }
      const name = shelf.list().find((s) => s.id === id)?.name ?? '';
      const result = await open(id, `Reopened "${name}" from this browser: its commands were replayed.`);
      // A damaged record stays where it is (nothing is saved over it): the session goes on as a new scenario.
      if (!result.ok) set({ currentScenarioId: undefined });
      return result.ok ? { ok: true, restored: true } : result;
    },

    async openScenario(id) {
      if (id === get().currentScenarioId) return { ok: true };
      save();
      return open(id, `Opened "${shelf.list().find((s) => s.id === id)?.name ?? ''}": its commands were replayed.`);
    },

    async newScenario(name, files) {
      save();
      return startEmpty(name, files);
    },

    renameScenario(id, name) {
      const ok = shelf.rename(id, name);
      refresh();
      return ok;
    },

    async deleteScenario(id, emptyName, files) {
      const wasOpen = id === get().currentScenarioId;
      shelf.remove(id);
      refresh();
      if (wasOpen) {
        set({ currentScenarioId: undefined });
        await startEmpty(emptyName, files);
      }
    },

    saveNow() {
      save();
    },

    learnerWork() {
      return baseline.measure(get());
    },

    keepWorkAside(name) {
      if (!baseline.hasWork(get())) return { type: 'nothing' };
      const result = save(true);
      const id = get().currentScenarioId;
      if (!result?.ok || id === undefined) return { type: 'cannot', reason: result && !result.ok && result.reason === 'full' ? 'full' : 'unavailable' };
      const kept = shelf.list().find((s) => s.id === id);
      set({ currentScenarioId: undefined });
      nextName = name;
      return { type: 'kept', id, name: kept?.name ?? '' };
    },
  };
}

/**
 * Saves as things happen: a command (or undo, redo, a fork) at once, file
 * edits after `editDelayMs` of quiet, and the clock every `clockEveryMs`
 * while it runs (so a reload resumes near the same virtual time). A shared
 * link or file that was opened is kept as a scenario of its own, never
 * written over the learner's. Returns a stop function.
 */
export function followAutosave(
  store: { subscribe(listener: (state: AppState, previous: AppState) => void): () => void; getState(): AppState; setState(patch: Partial<AppState>): void },
  options: { editDelayMs?: number; clockEveryMs?: number; wallClock?: () => number } = {},
): () => void {
  const { editDelayMs = 300, clockEveryMs = 5000, wallClock = () => Date.now() } = options;
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    if (editTimer !== undefined) clearTimeout(editTimer);
    editTimer = undefined;
    store.getState().saveNow();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.replaying || state.booting) return;
    if (state.sessionOrigin !== 'local' && state.sessionOrigin !== previous.sessionOrigin) {
      // Opened from a link or a file: a scenario of its own, beside the learner's work.
      store.setState({ currentScenarioId: undefined });
      store.getState().saveNow();
      return;
    }
    const replayed = previous.replaying;
    if (replayed || state.commandLog !== previous.commandLog || state.redoSteps !== previous.redoSteps || state.fork !== previous.fork) return saveNow();
    if (state.files !== previous.files || state.fileOrder !== previous.fileOrder || state.activeFile !== previous.activeFile) {
      if (editTimer === undefined) editTimer = setTimeout(saveNow, editDelayMs);
    }
  });
  let lastClockSave = wallClock();
  const clockTimer = setInterval(() => {
    const s = store.getState();
    if (s.speed === 0 || s.past || wallClock() - lastClockSave < clockEveryMs) return;
    lastClockSave = wallClock();
    if (s.currentScenarioId !== undefined) s.saveNow();
  }, clockEveryMs);
  return () => {
    unsubscribe();
    clearInterval(clockTimer);
    saveNow();
  };
}

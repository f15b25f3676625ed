/**
 * Undo, redo and the timeline, all by deterministic replay of the command
 * log (DESIGN.md principles 2 and 3): Undo replays the log without its last
 * change up to now; the timeline replays it up to the moment dragged to.
 * A command (or un-pausing) while looking at the past forks history there;
 * Undo brings the dropped future back.
 */
import { undoStep, redoStep } from '../session/history';
import type { LogEntry, Scenario } from '../session/scenario';
import type { AppState } from './appState';
import { buildFilmstrip, type Filmstrip } from './filmstrip';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { EventRecord, Speed } from './types';

/** Looking at an earlier moment of the session. */
export interface PastView {
  /** The moment shown (virtual ms since the cluster's start). */
  readonly at: number;
  /** The whole history, as it was when the timeline was first dragged (what "Back to now" returns to). */
  readonly full: Scenario;
  /** The speed before (restored on the way back or when history forks). */
  readonly speed: Speed;
  /** The Events known when the timeline was first dragged (its warning marks). */
  readonly events: readonly EventRecord[];
  /** The moment whose cluster the page runs on now (the drawing previews `at` at once; the cluster follows when the handle rests). */
  readonly loadedAt: number | undefined;
}

/** History forked by acting in the past: what was dropped, for Undo. */
export interface ForkRecord {
  /** Where it forked (virtual ms since start). */
  readonly at: number;
  /** The history before the fork. */
  readonly full: Scenario;
  /** Commands kept (those up to `at`); Undo that would go below restores `full`. */
  readonly commandsKept: number;
  /** Commands the fork dropped. */
  readonly commandsDropped: number;
}

export interface HistorySlice {
  /** What Redo puts back, the most recent undo last. */
  redoSteps: readonly (readonly LogEntry[])[];
  /** Set while the timeline shows an earlier moment. */
  past: PastView | undefined;
  /** The last fork, while Undo can still take it back. */
  fork: ForkRecord | undefined;
  /** A replay (undo, redo, timeline) is running. */
  replaying: boolean;
  /** Why the last undo, redo or timeline move failed, if it did. */
  historyError: string | undefined;
  /** Takes back the last change (and the looks after it): the cluster as it would be now without it. */
  undo(): Promise<void>;
  /** Puts back what the last Undo took. */
  redo(): Promise<void>;
  /** Shows the cluster as it was at `at` (virtual ms since start); pauses the clock. Calls coalesce: the latest wins. */
  viewAt(at: number): void;
  /** Leaves the past: the whole history again, at its end, at the speed from before. */
  backToNow(): Promise<void>;
  /** Loads the cluster of the moment looked at now, without waiting for the handle to rest (a command typed there acts on that moment). */
  loadPastNow(): Promise<void>;
}

const lines = (log: readonly LogEntry[]) => log.filter((e) => 'line' in e).length;

/** Real ms the timeline's handle must rest before the page loads that moment's cluster (the drawing follows at once). */
export const LOAD_AFTER_MS = 400;

export function createHistorySlice(set: SetState, get: GetState, kit: () => StoreKit): HistorySlice {
  /** Replays `scenario` (to `until`) keeping the editor as it is (files, tabs, the open one); says `notice` after the replay's output. */
  async function replay(scenario: Scenario, until: number | undefined, notice?: string): Promise<boolean> {
    const { files, fileOrder, activeFile } = get();
    set({ replaying: true, historyError: undefined });
    try {
      const result = await get().loadScenario(scenario, until === undefined ? {} : { until });
      if (!result.ok) {
        set({ historyError: result.error });
        return false;
      }
      get().restoreFiles(files, fileOrder, activeFile);
      if (notice) {
        const k = kit();
        k.transcript.appendLine(`# ${notice}`);
        k.emit({ type: 'notice', text: notice });
        k.publish();
      }
      return true;
    } finally {
      set({ replaying: false });
    }
  }

  /** The preview of the history being looked at (frames once built). */
  let preview: { full: Scenario; strip?: Filmstrip } | undefined;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;

  /** Draws the preview frame of the moment looked at, if the preview is built. */
  function showPreview(): void {
    const past = get().past;
    const frame = past && preview?.full === past.full ? preview.strip?.frameAt(past.at) : undefined;
    if (frame) set({ snapshot: kit().runtime.restamp(frame) });
  }

  async function buildPreview(full: Scenario): Promise<void> {
    if (preview?.full === full) return;
    preview = { full };
    const built = await buildFilmstrip(
      full,
      (cluster, reader) => kit().runtime.previewSnapshot(cluster, reader),
      () => preview?.full === full,
    );
    // Without a preview the timeline still works, a replay per resting place.
    if (preview?.full === full && built.ok) preview.strip = built.strip;
    showPreview();
  }

  /** Loads the cluster of the moment looked at, until it is the one the handle rests on. */
  let pumping = false;
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let past = get().past; past && past.at !== past.loadedAt; past = get().past) {
        const at = past.at;
        if (!(await replay(past.full, at))) break;
        const now = get().past;
        if (now) set({ past: { ...now, loadedAt: at } });
      }
    } finally {
      pumping = false;
    }
  }

  return {
    redoSteps: [],
    past: undefined,
    fork: undefined,
    replaying: false,
    historyError: undefined,

    async undo() {
      if (get().replaying || get().past) return;
      const now = get().captureScenario();
      if (!now) return;
      const step = undoStep(now.log);
      const fork = get().fork;
      // Undoing back to (or past) the fork point takes the fork itself back: the dropped future returns.
      if (fork && (!step || lines(step.kept) <= fork.commandsKept)) {
        if (await replay({ ...fork.full, endAt: Math.max(fork.full.endAt, now.endAt) }, undefined, `Undo: history before the fork at ${clock(fork.at)} is back (${fork.commandsDropped} later command${fork.commandsDropped === 1 ? '' : 's'}).`)) set({ fork: undefined, redoSteps: [] });
        return;
      }
      if (!step) return;
      const redo = [...get().redoSteps, step.removed];
      if (await replay({ ...now, log: step.kept }, undefined, `Undo: ${step.line} — the cluster as it would be now without it.`)) set({ redoSteps: redo });
    },

    async redo() {
      const steps = get().redoSteps;
      const removed = steps[steps.length - 1];
      if (!removed || get().replaying || get().past) return;
      const now = get().captureScenario();
      if (!now) return;
      const line = removed.find((e): e is Extract<LogEntry, { line: string }> => 'line' in e)?.line ?? '';
      const lastAt = removed[removed.length - 1].at;
      if (await replay({ ...now, log: redoStep(now.log, removed), endAt: Math.max(now.endAt, lastAt) }, undefined, `Redo: ${line}`)) set({ redoSteps: steps.slice(0, -1) });
    },

    viewAt(at) {
      let past = get().past;
      if (!past) {
        if (get().booting || get().replaying) return;
        const full = get().captureScenario();
        if (!full) return;
        past = { at: full.endAt, full, speed: get().speed, events: get().snapshot.events, loadedAt: full.endAt };
        get().setSpeed(0);
      }
      const target = Math.max(0, Math.min(past.full.endAt, Math.round(at)));
      set({ past: { ...past, at: target } });
      showPreview();
      void buildPreview(past.full);
      if (loadTimer !== undefined) clearTimeout(loadTimer);
      loadTimer = setTimeout(() => {
        loadTimer = undefined;
        void pump();
      }, LOAD_AFTER_MS);
    },

    async loadPastNow() {
      if (loadTimer !== undefined) clearTimeout(loadTimer);
      loadTimer = undefined;
      while (pumping) await new Promise((r) => setTimeout(r, 10));
      const past = get().past;
      if (past && past.at !== past.loadedAt) await pump();
    },

    async backToNow() {
      const past = get().past;
      if (!past) return;
      if (loadTimer !== undefined) clearTimeout(loadTimer);
      loadTimer = undefined;
      preview = undefined;
      // The way back replays the whole history; a timeline replay still running finishes first.
      while (pumping) await new Promise((r) => setTimeout(r, 10));
      set({ past: undefined });
      await replay(past.full, undefined);
      get().setSpeed(past.speed);
    },
  };
}

/** `00:01:23` for virtual ms since start (the notices are terminal lines, in the terminal's language: English). */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/**
 * Watches the store for what only the history can tell: a new command
 * clears Redo; a command, or time set running, while looking at the past
 * forks history there; a Reset forgets it all.
 */
export function followHistory(store: { subscribe(listener: (state: AppState, previous: AppState) => void): () => void; setState(patch: Partial<AppState>): void }, kit: () => StoreKit): () => void {
  return store.subscribe((state, previous) => {
    if (state.replaying) return;
    const logChanged = state.commandLog !== previous.commandLog;
    if (logChanged && state.commandLog.length === 0) {
      store.setState({ redoSteps: [], fork: undefined, past: undefined });
      return;
    }
    const newCommand = logChanged && state.commandLog.length > previous.commandLog.length && 'line' in state.commandLog[state.commandLog.length - 1];
    const past = state.past;
    if (past && (newCommand || state.speed > 0)) {
      // The page runs on the cluster of `loadedAt` (the handle may have moved on a moment ago): history forks there.
      const at = past.loadedAt ?? past.full.endAt;
      const kept = past.full.log.filter((e) => e.at <= at);
      const dropped = lines(past.full.log) - lines(kept);
      const fork: ForkRecord = { at, full: past.full, commandsKept: lines(kept), commandsDropped: dropped };
      store.setState({ past: undefined, fork: dropped > 0 ? fork : undefined, redoSteps: [], ...(newCommand && state.speed === 0 ? { speed: past.speed } : {}) });
      if (dropped > 0) {
        const text = `History forked at ${clock(at)}: ${dropped} later command${dropped === 1 ? ' was' : 's were'} dropped (Undo brings ${dropped === 1 ? 'it' : 'them'} back).`;
        // After the command's own output (it is printed as the command runs, right after it is logged).
        queueMicrotask(() => {
          const k = kit();
          k.transcript.appendLine(`# ${text}`);
          k.emit({ type: 'notice', text });
          k.publish();
        });
      }
      return;
    }
    if (newCommand && state.redoSteps.length > 0) store.setState({ redoSteps: [] });
  });
}

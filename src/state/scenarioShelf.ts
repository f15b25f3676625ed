/**
 * The scenarios kept in this browser: an index (names, times, which one is
 * open) and one record per scenario (the scenario in the share format, the
 * editor's tab order and active tab, the redo stack).
 *
 * Storage is localStorage-shaped (`getItem`/`setItem`/`removeItem`), chosen
 * over IndexedDB because its writes are synchronous: a command is on disk
 * before the next frame, so a crash or a closed tab right after it loses
 * nothing, and `pagehide` can still flush the last edit (IndexedDB's
 * transactions are asynchronous and may not commit while the page dies). A
 * typical scenario is a few KB, far below the ~5 MB quota; a write that does
 * not fit is reported, never thrown.
 */
import { parseScenario, type LogEntry, type Scenario } from '../session/scenario';

/** The part of the Web Storage API the shelf uses (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One scenario in the list. */
export interface SavedScenarioInfo {
  readonly id: string;
  readonly name: string;
  /** Real time (ms since the epoch) of creation and of the last save. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Commands in its log. */
  readonly commands: number;
}

/** What is kept for one scenario. */
export interface SavedScenario {
  readonly scenario: Scenario;
  /** The file shown in the editor. */
  readonly activeFile?: string;
  /** What Redo would put back, most recent last. */
  readonly redo: readonly (readonly LogEntry[])[];
}

export type SaveResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable' };

const INDEX_KEY = 'kubeplay.scenarios.v1';
const RECORD_PREFIX = 'kubeplay.scenario.v1.';
/** Where the editor kept its files before scenarios existed: migrated into the first scenario. */
export const LEGACY_FILES_KEY = 'kubeplay.files.v1';
export const NAME_CHARS = 80;

interface Index {
  current: string | undefined;
  scenarios: SavedScenarioInfo[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readInfo(v: unknown): SavedScenarioInfo | undefined {
  if (!isRecord(v)) return undefined;
  const { id, name, createdAt, updatedAt, commands } = v;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number') return undefined;
  return { id, name: name.slice(0, NAME_CHARS), createdAt, updatedAt, commands: typeof commands === 'number' ? commands : 0 };
}

/** A name with no control characters, trimmed and bounded; empty when nothing is left. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, NAME_CHARS);
}

/** The scenarios kept in `storage`. Every method is safe when storage is missing, corrupt or full. */
export class ScenarioShelf {
  constructor(
    private readonly storage: KeyValueStorage | undefined,
    private readonly clock: () => number = () => Date.now(),
    private readonly newId: () => string = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  /** Whether there is anywhere to save at all. */
  get available(): boolean {
    return this.storage !== undefined;
  }

  /** The scenarios, most recently saved first. */
  list(): SavedScenarioInfo[] {
    return [...this.readIndex().scenarios].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** The scenario open last (the one a reload reopens). */
  currentId(): string | undefined {
    const index = this.readIndex();
    return index.scenarios.some((s) => s.id === index.current) ? index.current : undefined;
  }

  setCurrent(id: string): void {
    const index = this.readIndex();
    if (index.scenarios.some((s) => s.id === id)) this.writeIndex({ ...index, current: id });
  }

  /** Reads a kept scenario; a corrupt record gives a message (the record stays, untouched). */
  load(id: string): { ok: true; saved: SavedScenario } | { ok: false; error: string } {
    const raw = this.get(RECORD_PREFIX + id);
    if (raw === undefined) return { ok: false, error: 'this scenario is no longer in this browser' };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, error: 'the saved scenario is damaged (not JSON)' };
    }
    if (!isRecord(value)) return { ok: false, error: 'the saved scenario is damaged' };
    const parsed = parseScenario(value.scenario);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const redo = Array.isArray(value.redo) ? value.redo.filter((step): step is LogEntry[] => Array.isArray(step)) : [];
    const checkedRedo = redo.filter((step) => parseScenario({ version: 1, log: step }).ok);
    const activeFile = typeof value.activeFile === 'string' ? value.activeFile : undefined;
    return { ok: true, saved: { scenario: parsed.scenario, activeFile, redo: checkedRedo } };
  }

  /** Creates an entry (not yet saved) and makes it current; returns its id. */
  create(name: string): string {
    const index = this.readIndex();
    const id = this.newId();
    const at = this.clock();
    const info: SavedScenarioInfo = { id, name: cleanName(name) || 'Untitled', createdAt: at, updatedAt: at, commands: 0 };
    this.writeIndex({ current: id, scenarios: [...index.scenarios, info] });
    return id;
  }

  /** Saves `saved` as scenario `id` (creating its entry if it was deleted meanwhile). */
  save(id: string, saved: SavedScenario, fallbackName = 'Untitled'): SaveResult {
    if (!this.storage) return { ok: false, reason: 'unavailable' };
    const written = this.set(RECORD_PREFIX + id, JSON.stringify(saved));
    if (!written.ok) return written;
    const index = this.readIndex();
    const at = this.clock();
    const commands = saved.scenario.log.filter((e) => 'line' in e).length;
    const old = index.scenarios.find((s) => s.id === id);
    const info: SavedScenarioInfo = old ? { ...old, updatedAt: at, commands } : { id, name: cleanName(fallbackName) || 'Untitled', createdAt: at, updatedAt: at, commands };
    return this.writeIndex({ current: index.current ?? id, scenarios: [...index.scenarios.filter((s) => s.id !== id), info] });
  }

  /** Renames a scenario; returns false when the name is empty or the scenario is gone. */
  rename(id: string, name: string): boolean {
    const clean = cleanName(name);
    const index = this.readIndex();
    if (!clean || !index.scenarios.some((s) => s.id === id)) return false;
    return this.writeIndex({ ...index, scenarios: index.scenarios.map((s) => (s.id === id ? { ...s, name: clean } : s)) }).ok;
  }

  /** Deletes a scenario and its record. */
  remove(id: string): void {
    const index = this.readIndex();
    this.storage?.removeItem(RECORD_PREFIX + id);
    this.writeIndex({ current: index.current === id ? undefined : index.current, scenarios: index.scenarios.filter((s) => s.id !== id) });
  }

  /** Files the editor kept before scenarios existed (read once, then forgotten). */
  takeLegacyFiles(): { files: Record<string, string>; order: string[]; active?: string } | undefined {
    const raw = this.get(LEGACY_FILES_KEY);
    if (raw === undefined) return undefined;
    this.storage?.removeItem(LEGACY_FILES_KEY);
    try {
      const v: unknown = JSON.parse(raw);
      if (!isRecord(v) || !isRecord(v.files) || !Array.isArray(v.order)) return undefined;
      const files: Record<string, string> = {};
      for (const [k, text] of Object.entries(v.files)) if (typeof text === 'string') files[k] = text;
      const order = v.order.filter((n): n is string => typeof n === 'string' && n in files);
      return { files, order, active: typeof v.active === 'string' ? v.active : undefined };
    } catch {
      return undefined;
    }
  }

  private readIndex(): Index {
    const raw = this.get(INDEX_KEY);
    if (raw === undefined) return { current: undefined, scenarios: [] };
    try {
      const v: unknown = JSON.parse(raw);
      if (!isRecord(v) || !Array.isArray(v.scenarios)) return { current: undefined, scenarios: [] };
      const scenarios = v.scenarios.map(readInfo).filter((s): s is SavedScenarioInfo => s !== undefined);
      return { current: typeof v.current === 'string' ? v.current : undefined, scenarios };
    } catch {
      return { current: undefined, scenarios: [] };
    }
  }

  private writeIndex(index: Index): SaveResult {
    return this.set(INDEX_KEY, JSON.stringify(index));
  }

  private get(key: string): string | undefined {
    try {
      return this.storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private set(key: string, value: string): SaveResult {
    if (!this.storage) return { ok: false, reason: 'unavailable' };
    try {
      this.storage.setItem(key, value);
      return { ok: true };
    } catch (e) {
      // QuotaExceededError (full), SecurityError (storage blocked).
      return { ok: false, reason: e instanceof Error && /quota/i.test(`${e.name} ${e.message}`) ? 'full' : 'unavailable' };
    }
  }
}

/** A `KeyValueStorage` in memory (tests; a browser that blocks storage gets none). */
export function memoryStorage(limitChars = Infinity): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      let total = v.length;
      for (const [key, value] of data) if (key !== k) total += value.length;
      if (total > limitChars) {
        const e = new Error('The quota has been exceeded.');
        e.name = 'QuotaExceededError';
        throw e;
      }
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

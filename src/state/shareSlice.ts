/**
 * Share links, scenario files and "Run on a real cluster": the session as
 * text that leaves the page, and untrusted text that comes back in. Every
 * way in goes through the session layer's parser and bounds, then
 * `loadScenario`; a refusal is a message (`shareNotice`), never a throw.
 */
import { decodeScenario, encodeScenario } from '../session/link';
import { parseScenario, type Scenario } from '../session/scenario';
import type { SessionOrigin } from './sessionSlice';
import { SPEEDS } from './types';
import type { GetState, SetState } from './storeKit';

/** Characters above which some chat apps cut a link: the Share dialog offers a file instead. */
export const LONG_LINK_CHARS = 8000;

/** Bytes of a scenario file read at all (the link's inflated limit is 1 MB; a file may be pretty-printed). */
export const SCENARIO_FILE_BYTES = 4_000_000;

/** The extension of scenario files. */
export const SCENARIO_FILE_SUFFIX = '.kubeplay.json';

/** A message about the last link or file opened (or refused). */
export interface ShareNotice {
  readonly tone: 'info' | 'problem';
  /** What happened, as a key of the `share` strings: `opened`, `refused`. */
  readonly kind: 'opened' | 'refused';
  /** For `refused`: why (the session layer's English sentence, shown as text). */
  readonly reason?: string;
  readonly origin: SessionOrigin;
}

export interface SharedText {
  /** The link's fragment (`v1.…`, without `#`). */
  readonly fragment: string;
  /** Commands in it (Ctrl+C and file versions not counted). */
  readonly commands: number;
}

export interface RealClusterExport {
  /** `kind create cluster --config kind.yaml`. */
  readonly kindConfig: string;
  /** The command log for the real kubectl. */
  readonly script: string;
  /** The editor's files. */
  readonly manifests: readonly { readonly name: string; readonly content: string }[];
}

export interface ShareSlice {
  shareNotice: ShareNotice | undefined;
  dismissShareNotice(): void;
  /** Says that something could not be opened (a file too large to read, …); nothing else changes. */
  reportOpenProblem(reason: string, origin: Exclude<SessionOrigin, 'local'>): void;
  /** The session as a link fragment: the current state (`history: false`) or every command. Undefined while the cluster is starting. */
  shareFragment(history: boolean): Promise<SharedText | undefined>;
  /** The session as a scenario file's text (JSON). */
  scenarioFileText(history: boolean): string | undefined;
  /**
   * Opens untrusted text: a link fragment (`v1.…`, with or without `#`) or a
   * scenario file (JSON). On success the page runs the scenario; otherwise
   * nothing changes. Either way `shareNotice` says what happened.
   */
  openSharedText(text: string, origin: Exclude<SessionOrigin, 'local'>): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Manifests, kind config and kubectl script for "Run on a real cluster" (the export code loads on first use). */
  exportRealCluster(): Promise<RealClusterExport | undefined>;
}

function commandsIn(scenario: Scenario): number {
  return scenario.log.filter((e) => 'line' in e).length;
}

/** Reads a scenario file's text: JSON through the same parser as links. */
function parseScenarioFile(text: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (text.length > SCENARIO_FILE_BYTES) return { ok: false, error: `this file cannot be opened: it is larger than ${SCENARIO_FILE_BYTES / 1_000_000} MB` };
  const trimmed = text.trim();
  if (/^#?v\d+\./.test(trimmed)) return { ok: false, error: 'link' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: 'this file cannot be opened: it is not a Kubeplay scenario (not valid JSON)' };
  }
  const parsed = parseScenario(value);
  return parsed.ok ? parsed : { ok: false, error: `this file cannot be opened: ${parsed.error}` };
}

export function createShareSlice(set: SetState, get: GetState): ShareSlice {
  return {
    shareNotice: undefined,

    dismissShareNotice() {
      set({ shareNotice: undefined });
    },

    reportOpenProblem(reason, origin) {
      set({ shareNotice: { tone: 'problem', kind: 'refused', reason, origin } });
    },

    async shareFragment(history) {
      const scenario = get().captureScenario({ history });
      if (!scenario) return undefined;
      return { fragment: await encodeScenario(scenario), commands: commandsIn(scenario) };
    },

    scenarioFileText(history) {
      const scenario = get().captureScenario({ history });
      return scenario ? `${JSON.stringify(scenario, null, 2)}\n` : undefined;
    },

    async openSharedText(text, origin) {
      const refuse = (error: string) => {
        set({ shareNotice: { tone: 'problem', kind: 'refused', reason: error, origin } });
        return { ok: false as const, error };
      };
      let parsed = origin === 'file' ? parseScenarioFile(text) : undefined;
      if (parsed === undefined || (!parsed.ok && parsed.error === 'link')) parsed = await decodeScenario(text.trim());
      if (!parsed.ok) return refuse(parsed.error);
      const loaded = await get().loadScenario(parsed.scenario, { origin, notice: origin === 'link' ? 'Opened a shared link: its commands were replayed.' : 'Opened a scenario file: its commands were replayed.' });
      if (!loaded.ok) return refuse(`this scenario cannot be opened: ${loaded.error}`);
      // The speed it was shared at: a paused moment opens paused (loadScenario leaves the speed to its callers).
      const speed = SPEEDS.find((v) => v === (parsed.scenario.speed ?? 1));
      if (speed !== undefined) get().setSpeed(speed);
      get().setViewMode(parsed.scenario.view ?? 'kubernetes');
      set({ shareNotice: { tone: 'info', kind: 'opened', origin } });
      return { ok: true };
    },

    async exportRealCluster() {
      const scenario = get().captureScenario({ history: true });
      if (!scenario) return undefined;
      const { exportToKind } = await import('../session/export');
      const { config, script } = exportToKind(scenario);
      return { kindConfig: config, script, manifests: scenario.files };
    },
  };
}

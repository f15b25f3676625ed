/**
 * The session as a scenario (DESIGN.md principle 2): `captureScenario` reads
 * the current one out of the store, `loadScenario` replays one into a fresh
 * cluster that the page then runs on. The shared primitive of share links,
 * scenario files, autosave, undo and the timeline.
 */
import { SCENARIO_VERSION, type ClusterShape, type LessonStep, type Scenario } from '../session/scenario';
import type { SessionSlice } from './appState';
import { filesRecord, fromScenarioLog, toScenarioLog } from './scenarioLog';
import type { ClusterOrigin, Running } from './simRuntime';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { LoggedCommand } from './types';
import type { ReplaySlicing } from '../session/replay';

/** Real ms a replay runs before it lets the page draw a frame (and show its progress). */
const REPLAY_SLICE_MS = 12;

/** Output a replay keeps for the terminal (its tail): the transcript shows the last lines anyway. */
const REPLAY_OUTPUT_CHARS = 200_000;

/** The starting shape as a scenario states it: defaults (3 workers of 4 CPU, 8Gi) left out. */
function shapeOf(origin: ClusterOrigin): ClusterShape {
  const shape: ClusterShape = {};
  const c = origin.config;
  if (c && c.workers !== 3) shape.workers = c.workers;
  if (c && c.nodeCpu !== '4') shape.nodeCpu = c.nodeCpu;
  if (c && c.nodeMemory !== '8Gi') shape.nodeMemory = c.nodeMemory;
  shape.startTime = new Date(origin.startTime).toISOString().replace('.000Z', 'Z');
  return shape;
}

/** Where a loaded session came from. */
export type SessionOrigin = 'local' | 'link' | 'file';

export interface LoadScenarioOptions {
  /** Replay only to this virtual time (ms since the cluster's start): the timeline's "as it was then". Later log entries are dropped. */
  until?: number;
  /** Recorded as `sessionOrigin` (default `local`). */
  origin?: SessionOrigin;
  /** The first line of the terminal after loading (a `# ` comment), e.g. where the scenario came from. */
  notice?: string;
}

export type LoadScenarioResult = { ok: true } | { ok: false; error: string };

/** A sink that holds output (the tail) until the replay is known to have worked, then writes through. */
function holdingSink(write: (stream: 'stdout' | 'stderr', text: string) => void) {
  let held: { stream: 'stdout' | 'stderr'; text: string }[] | undefined = [];
  let size = 0;
  const put = (stream: 'stdout' | 'stderr') => (text: string) => {
    if (!held) return write(stream, text);
    held.push({ stream, text });
    size += text.length;
    while (size > REPLAY_OUTPUT_CHARS && held.length > 1) size -= held.shift()!.text.length;
  };
  return {
    sink: { stdout: put('stdout'), stderr: put('stderr') },
    release() {
      const out = held ?? [];
      held = undefined;
      for (const o of out) write(o.stream, o.text);
    },
  };
}

export function createSessionSlice(set: SetState, get: GetState, kit: () => StoreKit): SessionSlice {
  return {
    lessonStep: undefined,
    sessionOrigin: 'local',
    replayProgress: undefined,
    scenarioLoading: undefined,

    setLessonStep(step) {
      set({ lessonStep: step });
    },

    captureScenario(options = {}) {
      const { runtime } = kit();
      const origin = runtime.origin();
      const now = runtime.now();
      if (!origin || now === undefined) return undefined;
      const { files, fileOrder, commandLog, lessonStep } = get();
      const log = toScenarioLog(commandLog, { startTime: origin.startTime, files, history: options.history ?? true });
      const lastAt = log.length ? log[log.length - 1].at : 0;
      const scenario: Scenario = {
        version: SCENARIO_VERSION,
        files: fileOrder.filter((n) => Object.prototype.hasOwnProperty.call(files, n)).map((name) => ({ name, content: files[name] })),
        cluster: shapeOf(origin),
        seed: origin.seed,
        log,
        endAt: Math.max(lastAt, now - origin.startTime),
      };
      if (lessonStep) scenario.lesson = { ...lessonStep };
      if (get().speed !== 1) scenario.speed = get().speed;
      if (get().viewMode !== 'kubernetes') scenario.view = get().viewMode;
      return scenario;
    },

    async loadScenario(scenario, options = {}) {
      let loaded!: () => void;
      const loading = new Promise<void>((resolve) => (loaded = resolve));
      set({ scenarioLoading: loading });
      try {
        return await load(scenario, options);
      } finally {
        // Cleared before the waiting commands run, so they run as usual (on the loaded cluster, or the old one if it failed).
        if (get().scenarioLoading === loading) set({ scenarioLoading: undefined });
        loaded();
      }
    },
  };

  async function load(scenario: Scenario, options: LoadScenarioOptions): Promise<LoadScenarioResult> {
    const k = kit();
    await k.runtime.ready;
    const bootError = k.runtime.bootError();
    if (bootError !== undefined) return { ok: false, error: `the cluster could not start (${bootError})` };
    let replayScenarioSliced: typeof import('../session/replay').replayScenarioSliced;
    try {
      ({ replayScenarioSliced } = await import('../session/replay'));
    } catch (e) {
      return { ok: false, error: `the replay could not load (${e instanceof Error ? e.message : String(e)}); reload the page` };
    }
    const until = options.until;
    const holding = holdingSink((stream, text) => (stream === 'stdout' ? k.sink.stdout(text) : k.sink.stderr(text)));
    // In slices of real time: the page keeps drawing and answering, and says how far the replay is.
    const slicing: ReplaySlicing = {
      wallNow: k.runtime.wallNow,
      sliceMs: REPLAY_SLICE_MS,
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      progress: (done, total) => set({ replayProgress: { done, total } }),
    };
    const result = await replayScenarioSliced(scenario, { sink: holding.sink, until, shouldYield: k.runtime.shouldYield, slicing }).finally(() => set({ replayProgress: undefined }));
    if (!result.ok) return result;
    const { cluster, running, shell } = result.replayed;
    const waiting: Running[] = running.map((r) => ({ execution: r.execution, source: r.source, line: r.line }));
    if (!k.runtime.adopt(cluster, waiting, shell)) return { ok: false, error: 'the cluster is not ready yet' };
    const kept = until === undefined ? scenario.log : scenario.log.filter((e) => e.at <= until);
    const commandLog: LoggedCommand[] = fromScenarioLog(kept, scenario.files, cluster.startTime);
    const files = filesRecord(scenario.files);
    const fileOrder = Object.keys(files);
    const now = cluster.now();
    k.transcript.clear();
    k.emit({ type: 'clear' });
    if (options.notice) {
      k.transcript.appendLine(`# ${options.notice}`);
      k.emit({ type: 'notice', text: options.notice });
    }
    holding.release();
    set({
      files,
      fileOrder,
      activeFile: fileOrder[0],
      fileDiagnostics: {},
      closedFiles: [],
      commandLog,
      history: commandLog.flatMap((c) => ('line' in c && c.source === 'prompt' ? [c.line] : [])).slice(-500),
      lessonStep: scenario.lesson ? { ...scenario.lesson } : undefined,
      sessionOrigin: options.origin ?? 'local',
      selection: undefined,
      selectedPod: undefined,
      selectedNode: undefined,
      inspector: undefined,
      startedAt: cluster.startTime,
      now,
      traffic: { services: [], at: now },
    });
    k.publish(true);
    if (!k.runtime.promptBusy()) k.emit({ type: 'idle' });
    return { ok: true };
  }
}

export type { LessonStep };

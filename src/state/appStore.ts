import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState';
import { createClockSlice } from './clockSlice';
import { animationFrames, MAX_FRAME_MS, startClockLoop, type FrameScheduler, type TaskScheduler } from './clockLoop';
import { createClusterSlice } from './clusterSlice';
import { createFilesSlice } from './filesSlice';
import { createHistorySlice, followHistory } from './historySlice';
import { ScenarioShelf, type KeyValueStorage } from './scenarioShelf';
import { createScenariosSlice, followAutosave } from './scenariosSlice';
import { createLessonSlice, type LessonSources } from './lessonSlice';
import { LessonRunner } from './lessonRunner';
import { WorkBaseline } from './learnerWork';
import { memoryFiles } from '../shell/memoryFiles';
import { SimRuntime } from './simRuntime';
import { SwarmBridge } from './swarmBridge';
import { createSwarmSlice } from './swarmSlice';
import { createPairedSlice } from './pairedSlice';
import type { StoreKit } from './storeKit';
import { createSessionSlice } from './sessionSlice';
import { createShareSlice } from './shareSlice';
import { createTerminalSlice } from './terminalSlice';
import { Transcript } from './transcript';
import type { TerminalEvent, WorldFactory } from './types';
import { WELCOME } from './welcome';

/** How often (real ms) the cluster view's traffic facts are refreshed while requests flow. */
const TRAFFIC_EVERY_MS = 250;
/**
 * Real time whose worth of virtual time the engine advances at once between
 * frames (at 2× speed, 8 virtual ms): the grain at which it checks whether
 * the next frame is due.
 */
const ENGINE_CHUNK_MS = 4;

export interface AppStore extends StoreApi<AppState> {
  /**
   * Starts the clock loop (virtual time follows real time × speed): each
   * animation frame publishes what changed and the page draws it; the engine
   * catches up in a task after the frame, handing back before the next one is
   * due (unless it has fallen more than MAX_FRAME_MS of real time behind).
   * Returns a stop function.
   */
  start(frames?: FrameScheduler, tasks?: TaskScheduler): () => void;
  /** Advances by `realMs` of real time at the current speed, as one frame of the loop does. */
  frame(realMs: number): void;
  /** Settles once the (lazily loaded) engine and shell are ready, or failed to load. */
  readonly ready: Promise<void>;
  /** Stops autosave, saving what is pending (the page calls it when hidden or closed, tests at the end). */
  stopAutosave(): void;
}

export interface AppStoreOptions {
  files: Readonly<Record<string, string>>;
  /** Transcript lines kept (at least 500 by contract). */
  transcriptLines?: number;
  /** Lines the terminal starts with (default: a short welcome). */
  welcome?: readonly string[];
  /** Real time in ms, for slicing long commands between frames (default `performance.now`; tests pass a fake). */
  wallNow?: () => number;
  /** Where scenarios are kept (the browser's localStorage); without it nothing is saved. */
  storage?: KeyValueStorage;
  /** Real time (ms since the epoch) for when scenarios were saved (default `Date.now`). */
  wallClock?: () => number;
  /** Where the lessons come from (loaded when the lesson list first opens); without it the list says there are none. */
  lessons?: LessonSources;
}

/**
 * Builds the app's one store: slices for the clock, the cluster, the terminal
 * and the files, plus the sim bridge behind them. Actions are callable outside
 * React (`store.getState().setSpeed(2)`).
 */
export function createAppStore(factory: WorldFactory, options: AppStoreOptions): AppStore {
  const transcript = new Transcript(Math.max(500, options.transcriptLines ?? 1000));
  for (const line of options.welcome ?? WELCOME) transcript.appendLine(line);
  const listeners = new Set<(event: TerminalEvent) => void>();
  let publishedTranscript = -1;
  let kit: StoreKit | undefined;
  let runner: LessonRunner | undefined;
  const getKit = (): StoreKit => {
    if (!kit) throw new Error('store used before it was built');
    return kit;
  };

  const wallClock = options.wallClock ?? (() => Date.now());
  const shelf = new ScenarioShelf(options.storage, wallClock);
  const swarms = new SwarmBridge(factory.loadSwarm?.bind(factory));
  const baseline = new WorkBaseline(options.files);
  const store = createStore<AppState>()((set, get) => {
    const runtime = new SimRuntime(
      factory,
      memoryFiles(
        () => get().files,
        (name, text) => get().writeFile(name, text),
        // `rm` closes the file's tab: it can be reopened like any closed tab.
        (name) => get().closeFile(name),
        // `mv` renames it in its tab.
        (from, to) => get().renameFile(from, to),
      ),
      options.wallNow,
    );
    const emit = (event: TerminalEvent) => {
      for (const l of listeners) l(event);
    };
    const write = (stream: 'stdout' | 'stderr') => (text: string) => {
      transcript.append(text);
      emit({ type: 'output', stream, text });
    };
    kit = {
      runtime,
      transcript,
      sink: { stdout: write('stdout'), stderr: write('stderr') },
      emit,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      publish(forceSnapshot = false) {
        const patch: Partial<AppState> = {};
        const snapshot = runtime.takeSnapshot(forceSnapshot);
        if (snapshot) patch.snapshot = snapshot;
        // The swarm beside the cluster, at the same virtual time (made when a view shows it).
        const swarm = swarms.take(runtime.liveCluster(), get().viewMode !== 'kubernetes', forceSnapshot);
        if (swarm !== undefined && (swarm ?? undefined) !== get().swarm) patch.swarm = swarm ?? undefined;
        const now = runtime.now();
        // The clock shows whole seconds: publish when the second changes (or the cluster did).
        if (now !== undefined && (snapshot || Math.floor(now / 1000) !== Math.floor(get().now / 1000))) patch.now = now;
        const busy = runtime.promptBusy();
        if (busy !== get().busy) patch.busy = busy;
        const settling = runtime.settling();
        if (settling !== get().settling) patch.settling = settling;
        if (transcript.version !== publishedTranscript) {
          publishedTranscript = transcript.version;
          patch.transcript = transcript.snapshot();
        }
        if (Object.keys(patch).length > 0) set(patch);
      },
    };
    const first = runtime.snapshot();
    runner = new LessonRunner(get, getKit);
    return {
      ...createClockSlice(set, get, getKit, first.now),
      ...createClusterSlice(set, get, getKit, first),
      ...createTerminalSlice(set, get, getKit),
      ...createFilesSlice(set, get, getKit, options.files),
      ...createSessionSlice(set, get, getKit),
      ...createHistorySlice(set, get, getKit),
      ...createScenariosSlice(set, get, getKit, shelf, options.files, wallClock, baseline),
      ...createShareSlice(set, get),
      ...createLessonSlice(set, get, getKit, runner, options.lessons, baseline),
      ...createSwarmSlice(set, get, getKit),
      ...createPairedSlice(set, get, getKit),
    };
  });

  // The cluster view draws its frame while the engine loads; when it arrives, the clock starts at the cluster's time.
  const engineArrived = getKit().runtime.engineReady.then(() => {
    const k = getKit();
    const now = k.runtime.now();
    const bootError = k.runtime.bootError();
    // The clock reads 00:00:00 at the cluster's start time: what a scenario's times count from.
    const startedAt = k.runtime.origin()?.startTime ?? now;
    store.setState(now === undefined || startedAt === undefined ? { booting: false, bootError } : { booting: false, bootError, now, startedAt, traffic: { services: [], at: now } });
    k.publish(true);
  });

  /** Real ms since the traffic facts were last read, and the meter's count then. */
  let trafficAge = 0;
  let trafficSeen = 0;
  /** Reads the traffic facts a few times a second while requests flow (and once more when they stop). */
  function publishTraffic(realMs: number): void {
    const k = getKit();
    trafficAge += realMs;
    if (trafficAge < TRAFFIC_EVERY_MS) return;
    trafficAge = 0;
    // The swarm beside the cluster counts the requests through its routing mesh the same way.
    const swarm = swarms.current(k.runtime.liveCluster());
    const total = k.runtime.trafficTotal() + (swarm?.traffic.total ?? 0);
    const shown = store.getState().traffic;
    const shownSwarm = shown.swarm?.length ?? 0;
    if (total === trafficSeen && shown.services.length === 0 && shownSwarm === 0) return;
    trafficSeen = total;
    const facts = k.runtime.traffic();
    const swarmFacts = swarm ? swarm.traffic.recent(swarm.now()) : [];
    if (facts.services.length === 0 && swarmFacts.length === 0 && shown.services.length === 0 && shownSwarm === 0) return;
    store.setState({ traffic: { ...facts, swarm: swarmFacts } });
  }

  const wallNow = options.wallNow ?? (() => globalThis.performance.now());
  /** Virtual ms the cluster owes to real time (real time × speed), not yet advanced. */
  let owed = 0;
  /** The cluster `owed` is owed by: a world replaced (a replay, a link, Undo, the timeline) starts owing nothing. */
  let owedBy: unknown;

  /** Drops what was owed by a cluster that is no longer the live one. */
  function forgetOwedOfReplaced(): void {
    const live = getKit().runtime.liveCluster();
    if (live === owedBy) return;
    owedBy = live;
    owed = 0;
  }

  /** Real time passed: the cluster owes its worth of virtual time. */
  function owe(realMs: number): void {
    forgetOwedOfReplaced();
    const { speed } = store.getState();
    // A fast-forward owns the clock while it runs: where it stops must not depend on frame timing.
    if (speed > 0 && realMs > 0 && !getKit().runtime.settling()) owed += realMs * speed;
  }

  /**
   * Advances the cluster by what it owes, in chunks, until `deadline` (real
   * ms, `wallNow`); past it, what is left waits for the next call, unless the
   * cluster would lag real time by more than MAX_FRAME_MS. Then lets waiting
   * commands look again.
   */
  function catchUp(deadline: number): void {
    const k = getKit();
    const { speed } = store.getState();
    forgetOwedOfReplaced();
    // Paused: what real time had owed the cluster before the pause is not owed any more (the clock stops where it is).
    if (k.runtime.settling() || speed === 0) owed = 0;
    const chunk = ENGINE_CHUNK_MS * Math.max(speed, 1);
    while (owed > 0) {
      const step = Math.min(owed, chunk);
      owed -= step;
      k.runtime.advance(step);
      const lagMs = speed > 0 ? owed / speed : 0;
      if (owed > 0 && lagMs <= MAX_FRAME_MS && wallNow() >= deadline) break;
    }
    const finished = k.runtime.pollRunning();
    if (finished.length === 0) return;
    k.publish();
    if (finished.some((r) => r.source === 'prompt') && !k.runtime.promptBusy()) k.emit({ type: 'idle' });
  }

  /** What the frame shows: the cluster's changes (cheap when nothing changed: no snapshot is taken unless a watch event arrived, and the store is only written when something differs), traffic, the lesson's checks. */
  function present(realMs: number): void {
    getKit().publish();
    publishTraffic(realMs);
    runner?.frame(realMs);
  }

  /** One frame all at once (what tests drive): the cluster advances by `realMs` × speed, then the frame's state is published. */
  function frame(realMs: number): void {
    owe(realMs);
    catchUp(Number.POSITIVE_INFINITY);
    present(realMs);
  }

  followHistory(store, getKit);
  const stopAutosave = options.storage ? followAutosave(store, { wallClock }) : () => {};
  // A scenario that carries a lesson step (a shared link) opens that lesson at that step.
  store.subscribe((state, previous) => {
    const step = state.lessonStep;
    if (step === previous.lessonStep || !step || (state.lesson?.id === step.id && state.lesson.step === step.step)) return;
    state.openLessonAt(step.id, step.step);
  });

  return Object.assign(store, {
    frame,
    stopAutosave,
    ready: Promise.all([getKit().runtime.ready, engineArrived, swarms.ready]).then(() => undefined),
    start(frames: FrameScheduler = animationFrames, tasks?: TaskScheduler) {
      return startClockLoop(
        {
          frame(realMs) {
            owe(realMs);
            present(realMs);
          },
          between: catchUp,
        },
        frames,
        tasks,
      );
    },
  });
}

import type { Activity, ApiClient, Cluster, ClusterOptions, KubeObject } from '../sim/k8s/index';
import { driveSlice } from '../session/drive';
import type { Execution, FileSource, OutputSink, Shell } from '../shell/types';
import { readClusterObjects } from './clusterObjects';
import { DeferredExecution } from './deferredExecution';
import { EventFeed, eventRecordOf, PREVIEW_EVENTS, toEventRecord } from './eventRecords';
import { inspectObject } from './inspectObject';
import { RunningCommands, type Running } from './runningCommands';
import { ACTIVITY_PER_SNAPSHOT, EMPTY_SNAPSHOT, finished, NOTES_KEPT } from './runtimeTables';
import type { TrafficFacts, ClusterSnapshot, CommandSource, Engine, InspectorData, ObjectRef, ShellFactory, WorldFactory } from './types';

/** The live cluster and the UI's client of it (absent until the engine has loaded). */
interface World {
  readonly engine: Engine;
  readonly cluster: Cluster;
  readonly reader: ApiClient;
}

/** The shape, seed and start time a cluster was created with (a scenario's starting point). */
export interface ClusterOrigin {
  readonly config: Cluster['config'] | undefined;
  readonly seed: number;
  readonly startTime: number;
}

export { isSettleCommand, type Running } from './runningCommands';

/** Real time a long command (fast-forward) may take per frame before the page draws again. */
export const SLICE_MS = 12;

/**
 * The sim bridge: owns the live cluster and shell, knows when the cluster
 * changed (through a watch) and keeps the running commands. The store's
 * actions are its only callers; React never sees it.
 *
 * The engine and the shell load asynchronously (in parallel). Until the
 * engine arrives there is no cluster: snapshots are empty, time does not
 * move, and commands wait, as they wait for the shell.
 */
export class SimRuntime {
  private engine: Engine | undefined;
  private world: World | undefined;
  private makeShell: ShellFactory | undefined;
  private shell: Shell | undefined;
  /** Why the engine could not load, if it could not. */
  private engineError: string | undefined;
  private shellError: string | undefined;
  /** Settles when the engine has loaded and the cluster is built (or the engine failed to load). */
  readonly engineReady: Promise<void>;
  /** Settles when both the engine and the shell have loaded (or failed to). */
  readonly ready: Promise<void>;
  private unwatch: () => void = () => {};
  /** Virtual time when the current world was built (a stand-in start time for clusters that do not say theirs). */
  private bootNow = 0;
  /** Fractions of a millisecond of real time not yet passed on to the cluster. */
  private carryMs = 0;
  private readonly running = new RunningCommands();
  /** The shell a lesson's checks run in (no history, no log), built on first use per cluster. */
  private checkShell: Shell | undefined;
  private changed = true;
  private version = 0;
  /** The last activity entry already handed out in a snapshot. */
  private activitySeq = -1;
  private notes: readonly Activity[] = [];
  private readonly events = new EventFeed();
  private unwatchEvents: () => void = () => {};
  /** Real time (ms, `wallNow`) at which long commands hand control back; reset before each run and poll. */
  private sliceEnd = Infinity;
  /** Whether a long command should hand control back so that the page can draw (the frame's budget is spent). */
  readonly shouldYield = () => this.wallNow() >= this.sliceEnd;

  constructor(
    factory: WorldFactory,
    private readonly files: FileSource,
    /** Real time in ms (`performance.now`; tests pass a fake). */
    readonly wallNow: () => number = () => globalThis.performance.now(),
  ) {
    // Both requested at once: neither waits for the other.
    this.engineReady = factory.loadEngine().then(
      (engine) => {
        this.engine = engine;
        this.build(engine);
      },
      (err: unknown) => {
        this.engineError = err instanceof Error ? err.message : String(err);
      },
    );
    const shellLoaded = factory.loadShell().then(
      (make) => {
        this.makeShell = make;
        if (this.world) this.shell = make(this.world.cluster, this.files, this.shouldYield);
      },
      (err: unknown) => {
        this.shellError = err instanceof Error ? err.message : String(err);
      },
    );
    this.ready = Promise.all([this.engineReady, shellLoaded]).then(() => undefined);
  }

  private build(engine: Engine, cluster: Cluster = engine.createCluster()): World {
    this.unwatch();
    this.unwatchEvents();
    this.checkShell = undefined;
    const reader = cluster.client('kubeplay-ui');
    const world: World = { engine, cluster, reader };
    this.world = world;
    this.bootNow = cluster.now();
    this.shell = this.makeShell?.(cluster, this.files, this.shouldYield);
    this.unwatch = cluster.watchAll(() => {
      this.changed = true;
    });
    this.changed = true;
    this.activitySeq = cluster.activity.total - 1;
    this.notes = [];
    this.events.clear();
    const existing = reader.list('events').map(toEventRecord).sort((a, b) => a.lastAt - b.lastAt);
    for (const e of existing) this.events.upsert(e);
    this.unwatchEvents = cluster.watch('events', (event) => {
      if (event.type !== 'DELETED') this.events.upsert(toEventRecord(event.object as KubeObject));
    });
    return world;
  }

  /** Whether the engine is still loading (no cluster yet). */
  booting(): boolean {
    return this.world === undefined && this.engineError === undefined;
  }

  /** Why the cluster could not start (the engine did not load), if so. */
  bootError(): string | undefined {
    return this.engineError;
  }

  /**
   * Throws the world away and builds a fresh cluster (the page's default
   * shape, or `options`: a lesson's); running commands are cancelled.
   * Returns the new cluster's start time and workers, or undefined (changing
   * nothing) before the engine has loaded.
   */
  reset(options?: ClusterOptions): { now: number; workers: number } | undefined {
    if (!this.engine) return undefined;
    this.running.replace();
    const { cluster } = this.build(this.engine, this.engine.createCluster(options));
    return { now: cluster.now(), workers: cluster.config?.workers ?? 3 };
  }

  /**
   * Makes `cluster` (a replayed scenario's) the live one: the old world and
   * its waiting commands are dropped, `running` (commands the replay left
   * waiting) go on, and so do the variables, working folder and folders `replayedShell` holds. Returns false (changing nothing) before the engine and
   * the shell have loaded.
   */
  adopt(cluster: Cluster, running: readonly Running[], replayedShell?: Shell): boolean {
    if (!this.engine || !this.makeShell) return false;
    this.running.replace(running);
    this.build(this.engine, cluster);
    if (replayedShell?.variables) this.shell?.variables?.copyFrom(replayedShell.variables);
    if (replayedShell?.workspace) this.shell?.workspace?.copyFrom(replayedShell.workspace);
    return true;
  }

  /** What the current cluster was created from (shape, seed, start time); undefined before it exists. */
  origin(): ClusterOrigin | undefined {
    if (!this.world) return undefined;
    const { cluster } = this.world;
    return { config: cluster.config, seed: cluster.seed ?? 1, startTime: cluster.startTime ?? this.bootNow };
  }

  /** The live cluster (the swarm beside it is keyed by it); undefined before it exists. */
  liveCluster(): Cluster | undefined {
    return this.world?.cluster;
  }

  /** Virtual time; undefined before the cluster exists. */
  now(): number | undefined {
    return this.world?.cluster.now();
  }

  /** Moves virtual time forward (`pollRunning` then lets waiting commands look again); nothing moves before the cluster exists. */
  advance(ms: number): void {
    if (!this.world || !(ms > 0)) return;
    // Whole milliseconds (the rest carried to the next frame): the times commands run at stay whole, as a scenario writes them.
    this.carryMs += ms;
    const whole = Math.floor(this.carryMs);
    this.carryMs -= whole;
    if (whole > 0) this.world.cluster.advance(whole);
  }

  /**
   * Runs one command line; output goes to `sink` as it is produced. Before the
   * cluster and shell exist the command waits, and `started` learns the
   * virtual time at which it finally ran.
   */
  run(line: string, source: CommandSource, sink: OutputSink, started?: (at: number) => void): Execution {
    this.sliceEnd = this.wallNow() + SLICE_MS;
    const execution = this.shell ? this.runNow(this.shell, line, source, sink) : this.runLater(line, source, sink, started);
    this.running.add({ execution, source, line });
    return execution;
  }

  private runNow(shell: Shell, line: string, source: CommandSource, sink: OutputSink): Execution {
    try {
      return shell.run(line, sink, { source });
    } catch (err) {
      // The shell promises never to throw; if it does, say so instead of freezing the prompt.
      sink.stderr(`error: internal error in the playground: ${err instanceof Error ? err.message : String(err)}\n`);
      return finished(1);
    }
  }

  /** Before the engine and the shell have loaded: the command waits for them (the clock loop polls it). */
  private runLater(line: string, source: CommandSource, sink: OutputSink, started?: (at: number) => void): Execution {
    return new DeferredExecution(() => {
      if (this.shell && this.world) {
        started?.(this.world.cluster.now());
        return this.runNow(this.shell, line, source, sink);
      }
      if (this.engineError !== undefined) {
        sink.stderr(`error: the cluster could not start (${this.engineError}); reload the page\n`);
        return finished(1);
      }
      if (this.shellError !== undefined) {
        sink.stderr(`error: the terminal could not load (${this.shellError}); reload the page\n`);
        return finished(1);
      }
      return undefined;
    });
  }

  /**
   * A shell over the live cluster for a lesson's checks: what it runs stays
   * out of the terminal, its history and the command log. Undefined until
   * the engine and the shell have loaded.
   */
  probeShell(): Shell | undefined {
    if (!this.world || !this.makeShell) return undefined;
    this.checkShell ??= this.makeShell(this.world.cluster, this.files, () => false);
    return this.checkShell;
  }

  /** Drives the waits of a running command as fast as each frame allows (a lesson's solution: `sleep 6m` takes moments, not minutes). */
  hurry(execution: Execution): void {
    this.running.hurry(execution);
  }

  /** The terminal's working folder, a path in the learner's home folder (`` for home itself). */
  workingFolder(): string {
    return this.shell?.workspace?.cwd ?? '';
  }

  /** The namespace the terminal's kubectl works in without `-n` (its current context's). */
  namespace(): string {
    return this.shell?.namespace?.() ?? 'default';
  }

  /** The terminal's prompt: undefined for `$ `, the working folder's (`~/base $ `), or the prompt of a container's shell open at the prompt (`kubectl exec -it`). */
  prompt(): string | undefined {
    return this.shell?.prompt?.();
  }

  /** Tab completion candidates from the shell. */
  complete(line: string, cursor: number): string[] {
    try {
      return this.shell?.complete(line, cursor) ?? [];
    } catch {
      return [];
    }
  }

  /** Ctrl+C: cancels the commands typed at the prompt that are still waiting. */
  cancelPrompt(): boolean {
    return this.running.cancelPrompt();
  }

  /** Whether a fast-forward (`kubeplay clock settle`) is running. */
  settling(): boolean {
    return this.running.settling();
  }

  /** Stops the running fast-forwards (the button's Stop); returns whether there was one. */
  cancelSettle(): boolean {
    return this.running.cancelSettle();
  }

  /** Whether a command typed at the prompt is still running. */
  promptBusy(): boolean {
    return this.running.promptBusy();
  }

  /** Re-checks waiting commands and the shell's background jobs, this frame's slice spent on the hurried ones; returns the commands that finished. */
  pollRunning(): Running[] {
    this.sliceEnd = this.wallNow() + SLICE_MS;
    const world = this.world;
    const jobs = (this.shell?.jobs?.() ?? []).map((j) => j.execution);
    return this.running.poll(jobs, world && ((exec, others) => driveSlice(world.cluster, exec, this.shouldYield, others)));
  }

  /** Requests counted by the traffic meter so far (changes whenever one is made). */
  trafficTotal(): number {
    return this.world?.cluster.traffic.total ?? 0;
  }

  /** Requests through each Service over the last `windowMs` of virtual time (whole buckets, so a steady rate reads steady). */
  traffic(windowMs = TRAFFIC_WINDOW_MS): TrafficFacts {
    if (!this.world) return { services: [], at: 0 };
    const { cluster } = this.world;
    const now = cluster.now();
    return { services: cluster.traffic.recent(now, windowMs), at: now };
  }

  /** A new snapshot when the cluster changed since the last one (or when forced). */
  takeSnapshot(force = false): ClusterSnapshot | undefined {
    if (!this.changed && !force) return undefined;
    return this.snapshot();
  }

  /** A snapshot of the cluster now: empty (at time 0) while it is starting. */
  snapshot(): ClusterSnapshot {
    this.changed = false;
    if (!this.world) return { ...EMPTY_SNAPSHOT, version: ++this.version };
    const { engine, cluster, reader } = this.world;
    const activity = this.takeActivity(cluster);
    const fresh = activity.filter((a) => a.type === 'note');
    if (fresh.length > 0) this.notes = [...this.notes, ...fresh].slice(-NOTES_KEPT);
    return {
      ...readClusterObjects(engine, cluster, reader),
      activity,
      notes: this.notes,
      events: this.events.list(),
      version: ++this.version,
    };
  }

  /**
   * A frame of the timeline's preview: what the drawing reads from `cluster`
   * (a replay's, not the live one), its latest Events, no activity. Undefined
   * before the engine has loaded.
   */
  previewSnapshot(cluster: Cluster, reader: ApiClient): ClusterSnapshot | undefined {
    if (!this.engine) return undefined;
    const events = reader.list('events').map(eventRecordOf).sort((a, b) => a.lastAt - b.lastAt).slice(-PREVIEW_EVENTS);
    return { ...readClusterObjects(this.engine, cluster, reader), activity: [], notes: [], events, version: ++this.version };
  }

  /** `snapshot` with a new version, to be drawn again (a preview frame shown once more). */
  restamp(snapshot: ClusterSnapshot): ClusterSnapshot {
    return { ...snapshot, version: ++this.version };
  }

  /** What the inspector shows for one object (see `inspectObject`). */
  inspect(ref: ObjectRef): InspectorData {
    if (!this.world) return { ref, exists: false, describe: undefined, events: [], decision: undefined, at: 0 };
    return inspectObject(this.world.cluster, this.world.reader, this.shell, ref);
  }

  /** Activity recorded since the previous call (at most the last ACTIVITY_PER_SNAPSHOT entries). */
  private takeActivity(cluster: Cluster): Activity[] {
    const log = cluster.activity;
    const total = log.total;
    if (total - 1 <= this.activitySeq) return [];
    const after = Math.max(this.activitySeq, total - 1 - ACTIVITY_PER_SNAPSHOT);
    this.activitySeq = total - 1;
    return log.entries(after);
  }
}

/** The window traffic rates are averaged over, in virtual ms. */
export const TRAFFIC_WINDOW_MS = 2000;

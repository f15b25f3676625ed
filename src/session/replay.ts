/**
 * Rebuilds a session from its scenario: a fresh cluster of the recorded
 * shape and seed, then the command log replayed at its virtual times
 * through the same shell the terminal uses. Same scenario, same cluster,
 * byte for byte (DESIGN.md principle 3).
 *
 * `startReplay` gives a replay that can be resumed (`Replayer.advanceTo`):
 * the timeline moves forward through history without starting again, and
 * playback runs recorded commands as their moment comes.
 */
import { createCluster, type Cluster } from '../sim/k8s/index';
import { createShell, echoedCommand, memoryFiles, type Execution, type FileSource, type OutputSink, type Shell } from '../shell/index';
import { checkReplayBounds, ReplayGuard } from './bounds';
import { advanceWhileRunning } from './drive';
import { fileWriteProblem, type LogEntry, type Scenario } from './scenario';

/** A command of the log still waiting (a `rollout status` or `get -w`). */
export interface ReplayRunning {
  execution: Execution;
  source: 'prompt' | 'ui';
  line: string;
}

export interface Replayed {
  cluster: Cluster;
  /** The shell the log ran in, over the scenario's files: the session goes on with it. */
  shell: Shell;
  /** Commands still waiting at `endAt` (a `rollout status` or `get -w` left running), to be polled or cancelled by the host. */
  running: ReplayRunning[];
}

export type ReplayResult = { ok: true; replayed: Replayed } | { ok: false; error: string };

export interface ReplayOptions {
  /** Receives each command's echo (`$ line`) and output, as the terminal shows them. */
  sink?: OutputSink;
  /** Stop at this virtual time (ms since start) instead of `endAt`: the timeline's "as it was then". */
  until?: number;
  /** Passed on as `StartReplayOptions.shouldYield`, for commands left running once the replay is over. */
  shouldYield?: () => boolean;
}

export interface StartReplayOptions {
  /** Receives each command's echo (`$ line`) and output, as the terminal shows them. */
  sink?: OutputSink;
  /**
   * Where `kubectl apply -f` reads once the log has been replayed (default: the scenario's files).
   * The page passes its editor's files. While replaying, commands read the files as they were then.
   */
  files?: FileSource;
  /** Passed to the shell once the log has been replayed: long commands hand control back when it says so (the browser's frame budget). */
  shouldYield?: () => boolean;
}

/** `kubeplay clock settle …`: the fast-forward, which moves the clock itself. */
function isSettle(line: string): boolean {
  return /^kubeplay\s+clock\s+settle(\s|$)/.test(line.trim());
}

/**
 * How the replay paces a fast-forward. It moves the clock itself, timer to
 * timer; in the page it pauses between frames, and the log's next entry
 * happened at such a pause. So while replaying, it hands back as soon as it
 * reaches the next entry's time (`yieldAt`), and nothing else moves the
 * clock meanwhile, as in the page.
 */
interface Pace {
  /** The replayer is running the log (else the host's `shouldYield` and files apply). */
  replaying: boolean;
  yieldAt: number;
}

const silent: OutputSink = { stdout: () => {}, stderr: () => {} };

/**
 * A replay in progress: the cluster and shell, the log's next entry, and the
 * commands still waiting. Time only moves forward: `advanceTo` runs the
 * clock and the commands whose moment has come, in order.
 */
export class Replayer {
  private next = 0;
  private waiting: ReplayRunning[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly cluster: Cluster,
    readonly shell: Shell,
    private readonly sink: OutputSink,
    private readonly pace: Pace = { replaying: false, yieldAt: Infinity },
    /** The files as replay has them at the current entry (`file` entries change them). */
    private readonly contents: Record<string, string> = Object.create(null) as Record<string, string>,
  ) {}

  /** Virtual ms since the cluster started. */
  get at(): number {
    return this.cluster.now() - this.cluster.startTime;
  }

  /** Commands still waiting now. */
  get running(): readonly ReplayRunning[] {
    return this.waiting;
  }

  /** The log entries not yet run (those after `at`), in order. */
  pending(): readonly LogEntry[] {
    return this.scenario.log.slice(this.next);
  }

  /** Log entries run so far. */
  get position(): number {
    return this.next;
  }

  /** When the next entry of the log is due (ms since start), if any is left. */
  nextAt(): number | undefined {
    return this.scenario.log[this.next]?.at;
  }

  /**
   * Runs the clock to `at` (ms since start, never back), running every log
   * entry due at or before it at its own time. With `pauseWhen`, it may stop
   * between two entries (after at least one) when that says so, returning
   * false: calling again with the same `at` goes on exactly as one call
   * would have (nothing else touches the replay's cluster meanwhile).
   * Throws only on an engine bug.
   */
  advanceTo(at: number, pauseWhen?: () => boolean): boolean {
    const start = this.cluster.startTime;
    const log = this.scenario.log;
    this.pace.replaying = true;
    try {
      while (this.next < log.length && log[this.next].at <= at) {
        const entry = log[this.next++];
        this.drive(start + entry.at);
        this.pace.yieldAt = start + Math.min(at, log[this.next]?.at ?? Infinity);
        this.apply(entry);
        if (pauseWhen && this.next < log.length && log[this.next].at <= at && pauseWhen()) return false;
      }
      this.drive(start + at);
      return true;
    } finally {
      this.pace.replaying = false;
    }
  }

  /** Hands the waiting commands over (to the page's runtime, which polls them from now on). */
  takeRunning(): ReplayRunning[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }

  private drive(to: number): void {
    if (to <= this.cluster.now()) {
      this.waiting = this.waiting.filter((r) => !r.execution.done);
      return;
    }
    this.pace.yieldAt = to;
    const settles = this.waiting.filter((r) => isSettle(r.line)).map((r) => r.execution);
    // The shell's background jobs are polled with the commands (they report their own end, and stay the shell's).
    const jobs = (this.shell.jobs?.() ?? []).map((j) => j.execution);
    const still = advanceWhileRunning(this.cluster, [...this.waiting.map((r) => r.execution), ...jobs], to, settles);
    this.waiting = this.waiting.filter((r) => still.includes(r.execution));
  }

  private apply(entry: LogEntry): void {
    if ('file' in entry) {
      if (entry.content === undefined) delete this.contents[entry.file];
      else this.contents[entry.file] = entry.content;
      return;
    }
    if ('cancel' in entry) {
      const stop = this.waiting.filter((r) => (entry.cancel === 'settle' ? isSettle(r.line) : r.source === 'prompt'));
      for (const r of stop) r.execution.cancel();
      this.waiting = this.waiting.filter((r) => !stop.includes(r));
      return;
    }
    this.sink.stdout(`${echoedCommand(entry.line, entry.source === 'ui' ? undefined : this.shell.prompt?.())}\n`);
    const execution = this.shell.run(entry.line, this.sink, { source: entry.source ?? 'prompt' });
    if (!execution.done) this.waiting.push({ execution, source: entry.source ?? 'prompt', line: entry.line });
  }
}

export type StartReplayResult = { ok: true; replayer: Replayer } | { ok: false; error: string };

/** A fresh cluster of the scenario's shape and seed, ready to replay its log; refuses (before running anything) a scenario that exceeds the bounds. */
export function startReplay(scenario: Scenario, options: StartReplayOptions = {}): StartReplayResult {
  const refusal = checkReplayBounds(scenario);
  if (refusal) return { ok: false, error: refusal };
  let cluster: Cluster;
  try {
    cluster = createCluster({ ...scenario.cluster, seed: scenario.seed });
  } catch (e) {
    return { ok: false, error: `cannot create the cluster: ${e instanceof Error ? e.message : String(e)}` };
  }
  const contents = Object.create(null) as Record<string, string>;
  for (const f of scenario.files) contents[f.name] = f.content;
  const pace: Pace = { replaying: false, yieldAt: Infinity };
  const replayFiles = memoryFiles(
    () => contents,
    (name, text) => {
      const problem = fileWriteProblem(contents, name, text);
      if (problem === undefined) Object.defineProperty(contents, name, { value: text, enumerable: true, writable: true, configurable: true });
      return problem;
    },
    (name) => delete contents[name],
    (from, to) => {
      const text = contents[from];
      delete contents[from];
      Object.defineProperty(contents, to, { value: text, enumerable: true, writable: true, configurable: true });
      return undefined;
    },
  );
  const after = options.files ?? replayFiles;
  // While the log replays, its commands see the files as they were then; afterwards, the page's.
  const live = (): FileSource => (pace.replaying ? replayFiles : after);
  const files: FileSource = {
    read: (path) => live().read(path),
    list: (path) => live().list?.(path),
    write: (path, text) => {
      const to = live();
      return to.write ? to.write(path, text) : `${path}: writing files is not simulated here`;
    },
    remove: (path) => {
      const from = live();
      return from.remove ? from.remove(path) : 'Operation not permitted';
    },
    rename: (from, to) => {
      const on = live();
      if (on.rename) return on.rename(from, to);
      // A host that cannot rename gets the copy and the removal `mv` would do.
      if (!on.write || !on.remove) return 'Operation not permitted';
      return on.write(to, on.read(from) ?? '') ?? on.remove(from);
    },
    paths: () => live().paths?.() ?? [],
  };
  const shouldYield = () => (pace.replaying ? cluster.now() >= pace.yieldAt : (options.shouldYield?.() ?? false));
  // The bounds hold for the replayed log only: the learner's own commands afterwards are theirs.
  const guard = new ReplayGuard(scenario);
  const shell = createShell({ cluster, files, shouldYield, interactive: true, guard: (words, stdin) => (pace.replaying ? guard.check(words, stdin) : undefined) });
  return { ok: true, replayer: new Replayer(scenario, cluster, shell, options.sink ?? silent, pace, contents) };
}

/** How a replay shares the thread with a page: slices of real time, a pause between them, and progress. */
export interface ReplaySlicing {
  /** Real time in ms (the page's `performance.now`). */
  wallNow(): number;
  /** Real ms a slice may take before the replay pauses (between two log entries). */
  sliceMs: number;
  /** Hands the thread back (the page paints and handles input) and resolves when the replay may go on. */
  pause(): Promise<void>;
  /** Commands replayed so far of those to replay, reported at each pause. */
  progress?(done: number, total: number): void;
}

/**
 * `replayScenario` in slices of real time, pausing between two log entries
 * so that the page stays responsive and can show progress. The result is the
 * same cluster, byte for byte, as replaying in one go.
 */
export async function replayScenarioSliced(scenario: Scenario, options: ReplayOptions & { slicing: ReplaySlicing }): Promise<ReplayResult> {
  const started = startReplay(scenario, { sink: options.sink, shouldYield: options.shouldYield });
  if (!started.ok) return started;
  const { replayer } = started;
  const { slicing } = options;
  const target = Math.min(options.until ?? scenario.endAt, scenario.endAt);
  const log = scenario.log;
  const isCommand = (e: LogEntry) => 'line' in e;
  const total = log.filter((e) => e.at <= target && isCommand(e)).length;
  let counted = 0;
  let done = 0;
  try {
    for (;;) {
      const sliceEnd = slicing.wallNow() + slicing.sliceMs;
      if (replayer.advanceTo(target, () => slicing.wallNow() >= sliceEnd)) break;
      for (; counted < replayer.position; counted++) if (isCommand(log[counted])) done++;
      slicing.progress?.(done, total);
      await slicing.pause();
    }
  } catch (e) {
    return { ok: false, error: `the replay stopped on an internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, replayed: { cluster: replayer.cluster, shell: replayer.shell, running: replayer.takeRunning() } };
}

/** Replays `scenario` to `until` (default: its `endAt`); refuses (before running anything) one that exceeds the bounds. */
export function replayScenario(scenario: Scenario, options: ReplayOptions = {}): ReplayResult {
  const started = startReplay(scenario, { sink: options.sink, shouldYield: options.shouldYield });
  if (!started.ok) return started;
  const { replayer } = started;
  try {
    replayer.advanceTo(Math.min(options.until ?? scenario.endAt, scenario.endAt));
  } catch (e) {
    return { ok: false, error: `the replay stopped on an internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, replayed: { cluster: replayer.cluster, shell: replayer.shell, running: replayer.takeRunning() } };
}

import { FILTERS, type FilterRun } from './filters/index';
import { finished } from './execution';
import { PLAIN_IO, streamWriter, type StageIo } from './redirect';
import type { Execution, OutputSink, ShellEnvironment } from './types';

/** Runs one command with its standard input (undefined: the terminal) and where its output goes. */
export type RunCommand = (words: readonly string[], stdin: string | undefined, sink: OutputSink) => Execution;

/** Where a stage's two streams go (`StageIo` applied), and whether a redirection gave it its own input. */
interface Routes {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Its input when a redirection gives one (`<<EOF`, `< file`): what the stage before writes is then dropped. */
  ownInput: string | undefined;
}

type Stage = Routes &
  ({ kind: 'filter'; run?: FilterRun; code?: number; ended: boolean } | { kind: 'command'; words: readonly string[]; input: string; exec?: Execution; ended: boolean; failed?: boolean });

/**
 * A pipeline `A | B | C`: each stage's standard output is the next one's
 * standard input; standard error goes to the terminal; the status is the last
 * stage's. Filters (grep, head, …) start at once and stream; other commands
 * (kubectl, echo, …) start when their input is complete (`kubectl apply -f -`
 * reads all of it first anyway). A stage that stops reading (head has its
 * lines) makes the next write upstream fail, as SIGPIPE ends the writer; a
 * waiting writer (`kubectl get -w`) therefore ends at its next line, as on a
 * real terminal. Ctrl+C stops every stage (status 130).
 */
export class Pipeline implements Execution {
  private readonly stages: Stage[];
  private cancelled = false;

  constructor(
    env: ShellEnvironment,
    words: readonly (readonly string[])[],
    /** Each stage's redirections applied (an error: the stage fails with it and does not run). */
    io: readonly (StageIo | { error: string })[],
    private readonly sink: OutputSink,
    private readonly runCommand: RunCommand,
  ) {
    this.stages = words.map((w, i): Stage => {
      const r = io[i] ?? PLAIN_IO;
      const stageIo = 'error' in r ? PLAIN_IO : r;
      const down = (t: string) => this.deliver(i + 1, t);
      const err = (t: string) => sink.stderr(t);
      const routes: Routes = { out: streamWriter(stageIo.stdout, down, err), err: streamWriter(stageIo.stderr, down, err), ownInput: stageIo.stdin };
      if ('error' in r) {
        sink.stderr(`${r.error}\n`);
        return { ...routes, kind: 'command', words: w, input: '', ended: false, failed: true };
      }
      const spec = FILTERS.find((f) => f.name === w[0]);
      if (!spec) return { ...routes, kind: 'command', words: w, input: stageIo.stdin ?? '', ended: false };
      const started = spec.start(w.slice(1), { err: routes.err, files: env.files, piped: i > 0 || routes.ownInput !== undefined });
      return 'code' in started ? { ...routes, kind: 'filter', code: started.code, ended: true } : { ...routes, kind: 'filter', run: started, ended: false };
    });
    // A stage with its own input starts with it, whatever comes down the pipe.
    this.stages.forEach((s, i) => {
      if (s.ownInput === undefined || s.kind !== 'filter' || s.ended || !s.run) return;
      s.out(s.run.write(s.ownInput));
      if (!s.run.closed) this.endInput(i);
    });
    if (this.stages[0].kind === 'command') this.startCommand(0);
    else this.endInput(0);
  }

  get done(): boolean {
    return this.stages.every((s) => s.ended);
  }

  get exitCode(): number | undefined {
    if (!this.done) return undefined;
    if (this.cancelled) return 130;
    const last = this.stages[this.stages.length - 1];
    return last.kind === 'filter' ? last.code : last.exec?.exitCode;
  }

  get deadline(): number | undefined {
    let latest: number | undefined;
    for (const s of this.stages) {
      if (s.kind !== 'command' || !s.exec || s.exec.done) continue;
      if (s.exec.deadline === undefined) return undefined;
      latest = Math.max(latest ?? -Infinity, s.exec.deadline);
    }
    return latest;
  }

  get wakeAt(): number | undefined {
    let soonest: number | undefined;
    for (const s of this.stages) {
      const w = s.kind === 'command' && s.exec && !s.exec.done ? s.exec.wakeAt : undefined;
      if (w !== undefined) soonest = Math.min(soonest ?? Infinity, w);
    }
    return soonest;
  }

  poll(): boolean {
    for (let i = 0; i < this.stages.length; i++) {
      const s = this.stages[i];
      if (s.kind === 'command' && s.exec && !s.ended && s.exec.poll()) this.commandEnded(i);
    }
    return this.done;
  }

  cancel(): void {
    this.cancelled = true;
    for (const s of this.stages) {
      if (s.kind === 'command' && s.exec && !s.exec.done) s.exec.cancel();
      s.ended = true;
    }
  }

  /** Output of stage `i - 1` reaching stage `i` (the terminal after the last). */
  private deliver(i: number, text: string): void {
    if (text === '') return;
    if (i === this.stages.length) {
      this.sink.stdout(text);
      return;
    }
    const s = this.stages[i];
    if (s.ownInput !== undefined) return;
    if (s.kind === 'command') {
      if (!s.exec) s.input += text;
      return;
    }
    if (s.ended || !s.run || s.run.closed) {
      this.brokenPipe(i - 1);
      return;
    }
    s.out(s.run.write(text));
    if (s.run.closed) this.endInput(i);
  }

  /** Stage `i` wrote to a reader that is gone: it ends (SIGPIPE). */
  private brokenPipe(i: number): void {
    const s = this.stages[i];
    if (s.ended) return;
    if (s.kind === 'command') s.exec?.cancel();
    else s.code = 141;
    s.ended = true;
    this.endInput(i + 1);
  }

  /** Stage `i`'s input has ended (or it stopped reading): a filter finishes, a command starts. */
  private endInput(i: number): void {
    if (i === this.stages.length) return;
    const s = this.stages[i];
    if (s.kind === 'command') {
      if (!s.exec) this.startCommand(i);
      return;
    }
    if (s.ended) {
      this.endInput(i + 1);
      return;
    }
    s.ended = true;
    const r = s.run!.end();
    s.code = r.code;
    s.out(r.out);
    this.endInput(i + 1);
  }

  private startCommand(i: number): void {
    const s = this.stages[i] as Extract<Stage, { kind: 'command' }>;
    s.exec = s.failed ? finished(1) : this.runCommand(s.words, i > 0 || s.ownInput !== undefined ? s.input : undefined, { stdout: s.out, stderr: s.err, closed: () => s.ended });
    s.input = '';
    // Its reader went away while it was still writing its first output (`get -w | head -1`).
    if (s.ended && !s.exec.done) s.exec.cancel();
    if (s.exec.done) this.commandEnded(i);
  }

  private commandEnded(i: number): void {
    const s = this.stages[i];
    if (s.ended) return;
    s.ended = true;
    this.endInput(i + 1);
  }
}

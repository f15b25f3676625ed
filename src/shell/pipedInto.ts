import { LineStream } from './lineStream';
import type { Execution } from './types';

/**
 * `WRITER | COMPOUND` (`kubectl get pods -o name | while read p; do …;
 * done`): the writer's output goes into the stream the compound reads, both
 * run side by side, and the status is the compound's, as a pipeline's is its
 * last stage's. When the compound ends first, the writer is stopped (it would
 * get SIGPIPE at its next write). Ctrl+C stops both.
 */
export class PipedInto implements Execution {
  private readonly reader: Execution;

  constructor(
    private readonly writer: Execution,
    private readonly stream: LineStream,
    start: (input: LineStream) => Execution,
  ) {
    if (writer.done) stream.end();
    this.reader = start(stream);
    this.settle();
  }

  /** Builds the stream, starts `writer` writing into it (given the stream's writer sink) and then the compound. */
  static run(writer: (write: (text: string) => void, closed: () => boolean) => Execution, start: (input: LineStream) => Execution): PipedInto {
    const stream = new LineStream();
    let self: PipedInto | undefined;
    const exec = writer(
      (t) => stream.write(t),
      () => self?.reader.done === true,
    );
    self = new PipedInto(exec, stream, start);
    return self;
  }

  get done(): boolean {
    return this.writer.done && this.reader.done;
  }

  get exitCode(): number | undefined {
    return this.done ? this.reader.exitCode : undefined;
  }

  get deadline(): number | undefined {
    const live = [this.writer, this.reader].filter((e) => !e.done);
    if (live.some((e) => e.deadline === undefined)) return undefined;
    return live.length === 0 ? undefined : Math.max(...live.map((e) => e.deadline!));
  }

  get wakeAt(): number | undefined {
    const times = [this.writer, this.reader].filter((e) => !e.done).map((e) => e.wakeAt).filter((t): t is number => t !== undefined);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  poll(): boolean {
    if (!this.writer.done) this.writer.poll();
    if (this.writer.done) this.stream.end();
    if (!this.reader.done) this.reader.poll();
    this.settle();
    return this.done;
  }

  cancel(): void {
    if (!this.writer.done) this.writer.cancel();
    this.stream.end();
    if (!this.reader.done) this.reader.cancel();
  }

  /** The compound has ended: a writer still running is stopped. */
  private settle(): void {
    if (this.reader.done && !this.writer.done) this.writer.cancel();
  }
}

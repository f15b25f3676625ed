import type { Yield } from './sh/types';

/**
 * A program started in a container by an exec (`kubectl exec POD -- CMD`,
 * a line typed into `kubectl exec -it POD -- sh`), run over virtual time:
 * its sleeps take the time they say, so `sleep 5` ends five seconds later,
 * a loop prints as it goes and `tail -f` follows a file. Each `advance`
 * runs it through a moment and hands back what it wrote meanwhile.
 */
export class ExecRun {
  /** Its status once it has ended. */
  code: number | undefined = undefined;
  private output = '';
  /** The virtual time the program has reached (what its `date` says). */
  private at: number;
  /** When its current pause ends. */
  private resumeAt: number;
  private readonly program: Generator<Yield, number>;

  /** `start` gets the program's clock and where its lines go. */
  constructor(start: (clock: () => number, write: (line: string, partial?: boolean) => void) => Generator<Yield, number>, now: number) {
    this.at = now;
    this.resumeAt = now;
    this.program = start(
      () => this.at,
      (line, partial) => (this.output += partial ? line : `${line}\n`),
    );
  }

  /** Runs the program through virtual time `now`: what it wrote meanwhile. */
  advance(now: number): string {
    while (this.code === undefined && this.resumeAt <= now) {
      this.at = this.resumeAt;
      const r = this.program.next();
      if (r.done) {
        this.code = r.value;
        break;
      }
      // Every pause takes a millisecond at least, as for the container's own process: time moves on.
      this.resumeAt = this.at + Math.max(1, r.value.sleep);
    }
    return this.take();
  }

  /** When it next has something to do (undefined once it has ended). */
  get wakeAt(): number | undefined {
    return this.code === undefined ? this.resumeAt : undefined;
  }

  /** Ends it now with `code` (its stream was closed, or its container stopped): what it had written and not handed out. */
  stop(code: number): string {
    if (this.code === undefined) {
      this.code = code;
      this.program.return(code);
    }
    return this.take();
  }

  /** What it wrote and has not handed out yet. */
  private take(): string {
    const out = this.output;
    this.output = '';
    return out;
  }
}

import type { Yield } from './sh/types';

/**
 * Zero-length pauses in a row after which a program is made to wait a
 * millisecond: a loop that yields without sleeping must still let virtual
 * time, and so the page, move on.
 */
const MAX_ZERO_SLEEPS = 1_000;

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
  private zeroSleeps = 0;
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
      let pause = Math.max(0, r.value.sleep);
      if (pause === 0 && ++this.zeroSleeps >= MAX_ZERO_SLEEPS) pause = 1;
      if (pause > 0) this.zeroSleeps = 0;
      this.resumeAt = this.at + pause;
    }
    const out = this.output;
    this.output = '';
    return out;
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
    const out = this.output;
    this.output = '';
    return out;
  }
}

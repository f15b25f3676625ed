import { Interp, parseOrSay } from './interpret';
import { ShellExit, type ShellHost, type ShellOptions, type Yield } from './types';

/**
 * An interactive shell (`kubectl exec -it POD -- sh`): one shell whose
 * variables and working directory last from one typed line to the next.
 * `run` is a generator per line whose return value is the status; after an
 * `exit`, `exited` holds the shell's status.
 */
export class ShellSession {
  private readonly sh: Interp;
  exited: number | undefined = undefined;

  constructor(host: ShellHost, options: ShellOptions) {
    this.sh = new Interp(host, options);
  }

  get cwd(): string {
    return this.sh.getCwd();
  }

  *run(line: string, host: ShellHost): Generator<Yield, number> {
    const parsed = parseOrSay(line, this.sh.isBash, host);
    if (parsed === undefined) return 2;
    this.sh.rehost(host);
    const io = this.sh.logIo();
    try {
      return yield* this.sh.list(parsed, io);
    } catch (e) {
      if (!(e instanceof ShellExit)) throw e;
      this.exited = e.code;
      return e.code;
    } finally {
      io.end();
    }
  }
}

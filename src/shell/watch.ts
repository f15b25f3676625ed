import { finished } from './execution';
import type { Execution, OutputSink } from './types';

/** What `watch` needs of its shell: running its command as a line, and the virtual clock. */
export interface WatchHost {
  runLine(line: string, sink: OutputSink): Execution;
  now(): number;
}

/** The width watch pads its title to (the terminal's, which the shell does not know: a classic 80). */
const WIDTH = 80;
/** The machine watch says it runs on: the learner's, beside the cluster. */
const HOSTNAME = 'kubeplay';

/**
 * As watch draws with curses: on the terminal's alternate screen, cleared
 * for each round, and the screen before it back when watch ends (the
 * scrollback is left as it was).
 */
export const WATCH_SCREEN = { enter: '\x1b[?1049h', redraw: '\x1b[H\x1b[2J', leave: '\x1b[?1049l' } as const;

const USAGE = `
Usage:
 watch [options] command

Options:
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -g, --chgexit          exit when output from command changes
  -n, --interval <secs>  seconds to wait between updates
  -t, --no-title         turn off header
`;

/** Where the command starts in `watch [-n SECS] [-t] … COMMAND…` (`words[0]` is `watch`): what undo and Tab look at. */
export function watchedFrom(words: readonly string[]): number {
  let i = 1;
  while (i < words.length && words[i].startsWith('-') && words[i] !== '-') i += words[i] === '-n' || words[i] === '--interval' ? 2 : 1;
  return i;
}

/** ctime's form of a virtual time, as watch's title shows it (`Sat Mar  1 09:00:00 2025`). */
function ctime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** watch's title: what runs every how long on the left, the machine and the time on the right. */
export function watchTitle(intervalS: number, command: string, now: number): string {
  const left = `Every ${intervalS.toFixed(1)}s: ${command}`;
  const right = `${HOSTNAME}: ${ctime(now)}`;
  if (left.length + 1 + right.length <= WIDTH) return `${left}${' '.repeat(WIDTH - left.length - right.length)}${right}`;
  // Too long for the width: the command is cut, the machine and the time stay.
  return `${left.slice(0, Math.max(0, WIDTH - right.length - 4))}... ${right}`;
}

/**
 * `watch [-n SECS] [-t] [-d] [-g] COMMAND…` (procps-ng): runs the command
 * every SECS seconds of virtual time (2 by default, 0.1 at least), each time
 * redrawing the screen with its title and the command's output (with -d,
 * the characters that changed since the last round in reverse video), until
 * Ctrl+C (or, with -g, until the output changes); then the terminal shows
 * what it showed before. The words are joined and
 * run as one line, as watch hands them to `sh -c`
 * (`watch 'kubectl get pods | grep web'`).
 */
export function runWatch(args: readonly string[], sink: OutputSink, host: WatchHost): Execution {
  let interval = 2;
  let title = true;
  let exitOnChange = false;
  let differences: Differences = 'off';
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    const value = a === '-n' || a === '--interval' ? args[++i] : a.startsWith('--interval=') ? a.slice(11) : /^-n./.test(a) ? a.slice(2) : undefined;
    if (value !== undefined || a === '-n' || a === '--interval') {
      const s = Number(value);
      if (value === undefined || value === '' || !Number.isFinite(s)) {
        sink.stderr(`watch: failed to parse argument: '${value ?? ''}'\n`);
        return finished(1);
      }
      interval = Math.max(0.1, s);
    } else if (/^-[dgt]+$/.test(a)) {
      if (a.includes('t')) title = false;
      if (a.includes('g')) exitOnChange = true;
      if (a.includes('d')) differences = 'last';
    } else if (a === '--no-title') title = false;
    else if (a === '--chgexit') exitOnChange = true;
    else if (a === '--differences' || a.startsWith('--differences=')) differences = a === '--differences' ? 'last' : 'permanent';
    else if (/^-[gt]*d./.test(a)) {
      // -d with an argument (`-d=permanent`, `-dpermanent`, as getopt reads `d::`): changes since the first round.
      differences = 'permanent';
      if (/^-[gt]*t/.test(a)) title = false;
      if (/^-[gt]*g/.test(a)) exitOnChange = true;
    }
    else {
      sink.stderr(`watch: invalid option -- '${a.replace(/^-+/, '')}'${USAGE}`);
      return finished(1);
    }
  }
  const command = args.slice(i).join(' ');
  if (command === '') {
    sink.stderr(USAGE.slice(1));
    return finished(1);
  }
  return new WatchRun(command, interval, { title, exitOnChange, differences }, sink, host);
}

/** `-d`: the characters that differ from the last round's; `-d=permanent`: those that ever changed since the first. */
type Differences = 'off' | 'last' | 'permanent';

/** Standout on and off (curses' A_STANDOUT, reverse video on a terminal). */
const STANDOUT = '\x1b[7m';
const STANDOUT_END = '\x1b[27m';

/**
 * `next` with the characters marked that are not what `prev` had at the
 * same row and column, or (given `ever`) that have changed in any round so
 * far; `ever` learns this round's changes. What a shorter line no longer
 * covers is not marked (watch clears the rest of the line).
 */
export function highlightChanges(prev: string, next: string, ever?: Set<string>): string {
  const old = prev.split('\n');
  return next
    .split('\n')
    .map((line, r) => {
      let out = '';
      let on = false;
      for (let c = 0; c < line.length; c++) {
        let changed = line[c] !== (old[r] ?? '')[c];
        if (ever !== undefined) {
          if (changed) ever.add(`${r}:${c}`);
          changed = ever.has(`${r}:${c}`);
        }
        if (changed !== on) out += changed ? STANDOUT : STANDOUT_END;
        on = changed;
        out += line[c];
      }
      return on ? `${out}${STANDOUT_END}` : out;
    })
    .join('\n');
}

class WatchRun implements Execution {
  private current: Execution | undefined;
  private output = '';
  private last: string | undefined;
  private nextAt = 0;
  private code: number | undefined;
  /** With -d=permanent: the cells that have changed so far. */
  private readonly ever = new Set<string>();

  constructor(
    private readonly command: string,
    private readonly interval: number,
    private readonly options: { title: boolean; exitOnChange: boolean; differences: Differences },
    private readonly sink: OutputSink,
    private readonly host: WatchHost,
  ) {
    this.round();
  }

  get done(): boolean {
    return this.code !== undefined;
  }

  get exitCode(): number | undefined {
    return this.code;
  }

  get deadline(): number | undefined {
    return undefined;
  }

  get wakeAt(): number | undefined {
    if (this.done) return undefined;
    return this.current !== undefined ? (this.current.wakeAt ?? this.current.deadline) : this.nextAt;
  }

  poll(): boolean {
    if (this.done) return true;
    if (this.current !== undefined) {
      if (this.current.poll()) this.shown();
    } else if (this.host.now() >= this.nextAt) this.round();
    return this.done;
  }

  cancel(): void {
    if (this.done) return;
    this.current?.cancel();
    this.current = undefined;
    this.end(130);
  }

  private end(code: number): void {
    this.code = code;
    this.sink.stdout(WATCH_SCREEN.leave);
  }

  /** Runs the command once; its output is shown when it has finished. */
  private round(): void {
    this.output = '';
    const into = (t: string) => (this.output += t);
    this.current = this.host.runLine(this.command, { stdout: into, stderr: into });
    if (this.current.done) this.shown();
  }

  /** The screen redrawn with the round's output; the next round after the interval. */
  private shown(): void {
    this.current = undefined;
    const now = this.host.now();
    const { title, exitOnChange, differences } = this.options;
    const head = title ? `${watchTitle(this.interval, this.command, now)}\n\n` : '';
    const body = differences === 'off' || this.last === undefined ? this.output : highlightChanges(this.last, this.output, differences === 'permanent' ? this.ever : undefined);
    this.sink.stdout(`${this.last === undefined ? WATCH_SCREEN.enter : ''}${WATCH_SCREEN.redraw}${head}${body}`);
    if (exitOnChange && this.last !== undefined && this.output !== this.last) {
      this.end(0);
      return;
    }
    this.last = this.output;
    this.nextAt = now + Math.round(this.interval * 1000);
  }
}

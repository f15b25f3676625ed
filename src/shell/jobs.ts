import { afterwards } from './execution';
import type { Execution, OutputSink } from './types';

/**
 * Background jobs (`COMMAND &`), as bash keeps them: a job number and a
 * process id for each, `+` marking the current job (the newest) and `-` the
 * one before it. An interactive shell (the page's terminal) says `[1] 1001`
 * when a job starts and `[1]+  Done                    COMMAND` when it
 * ends (at once, as `set -b` has bash do, instead of at the next prompt); a
 * script's shell (the CLI) says neither. The host polls the jobs' executions
 * (`live`) as it polls the command in the foreground, so their output
 * appears as time passes.
 */
export interface Job {
  readonly id: number;
  readonly pid: number;
  /** The command as typed, without its `&`. */
  readonly command: string;
  /** Polling it also reports the job's end. */
  readonly execution: Execution;
  /** The signal `kill` ended it with (`TERM`, `KILL`, …). */
  readonly signal?: string;
}

/** bash's width of a job's state (`LONGEST_SIGNAL_DESC`): `Done` and the others are padded to it. */
const STATE_WIDTH = 24;

/** What bash calls a job a signal ended, by signal. */
export const SIGNAL_STATES: Readonly<Record<string, string>> = { HUP: 'Hangup', INT: 'Interrupt', KILL: 'Killed', TERM: 'Terminated' };

interface Entry extends Job {
  execution: Execution;
  sink: OutputSink;
  signal?: string;
  /** Taken into the foreground (`fg`): its end is not reported. */
  foreground?: boolean;
}

export class Jobs {
  private entries: Entry[] = [];
  private pid = 999;
  /** `$!`: the process id of the newest background job. */
  lastPid: number | undefined;

  constructor(private readonly interactive: boolean) {}

  /** A command line ran: its processes took ids (so a job's id is not always the last one plus one). */
  ranLine(): void {
    this.pid++;
  }

  /** Starts `command` (already running as `start`'s execution) as a job whose output goes to `sink`. */
  start(command: string, start: (sink: OutputSink) => Execution, sink: OutputSink): void {
    const id = this.entries.reduce((m, e) => Math.max(m, e.id), 0) + 1;
    const pid = ++this.pid;
    this.lastPid = pid;
    // bash writes its job reports to stderr; here they go with the output, which the terminal does not tint as an error.
    if (this.interactive) sink.stdout(`[${id}] ${pid}\n`);
    const exec = start(sink);
    const entry: Entry = { id, pid, command, sink, execution: exec };
    this.entries.push(entry);
    if (exec.done) this.ended(entry, exec.exitCode ?? 0);
    else entry.execution = afterwards(exec, (code) => this.ended(entry, code));
  }

  /** The jobs still running, oldest first. */
  live(): readonly Job[] {
    return this.entries.filter((e) => !e.execution.done);
  }

  /** The job a job spec names (`%1`, `%%`, `%+`, `%-`, `%kube` by its command's start), or why none. */
  find(spec: string): Job | string {
    const jobs = this.entries;
    const s = spec.replace(/^%/, '');
    let found: Entry | undefined;
    if (s === '' || s === '%' || s === '+') found = jobs[jobs.length - 1];
    else if (s === '-') found = jobs[jobs.length - 2] ?? jobs[jobs.length - 1];
    else if (/^\d+$/.test(s)) found = jobs.find((e) => e.id === Number(s));
    else {
      const matches = jobs.filter((e) => e.command.startsWith(s));
      if (matches.length > 1) return `${s}: ambiguous job spec`;
      found = matches[0];
    }
    return found ?? `${spec === '' || s === '%' || s === '+' ? 'current' : spec}: no such job`;
  }

  /** The job whose process id is `pid`. */
  byPid(pid: number): Job | undefined {
    return this.entries.find((e) => e.pid === pid);
  }

  /** Ends `job` with signal `sig` (`TERM`, `KILL`, …): reported as `Terminated`, `Killed`, …. */
  signal(job: Job, sig: string): void {
    const entry = job as Entry;
    entry.signal = sig;
    entry.execution.cancel();
  }

  /** `fg`: the job leaves the table; the foreground command is its execution, whose end is not reported. */
  foreground(job: Job): Execution {
    const entry = job as Entry;
    entry.foreground = true;
    this.entries = this.entries.filter((e) => e !== entry);
    return entry.execution;
  }

  /** `jobs`: each job with its line (`[1]+  Running                 kubectl get pods -w &`); `long`: with its process id. */
  lines(long: boolean): { job: Job; line: string }[] {
    const n = this.entries.length;
    return this.entries.map((e, i) => {
      const state = e.execution.done ? this.state(e) : 'Running';
      return { job: e, line: `[${e.id}]${mark(i, n)} ${long ? String(e.pid).padStart(5) : ''} ${state.padEnd(STATE_WIDTH)}${e.command}${e.execution.done ? '' : ' &'}` };
    });
  }

  private state(e: Entry): string {
    if (e.signal !== undefined) return SIGNAL_STATES[e.signal] ?? e.signal;
    const code = e.execution.exitCode ?? 0;
    return code === 0 ? 'Done' : `Exit ${code}`;
  }

  private ended(entry: Entry, code: number): void {
    if (entry.foreground) return;
    const i = this.entries.indexOf(entry);
    if (i < 0) return;
    // A signal sent by `kill` wins over the status the cancelled command reports.
    if (entry.signal === undefined && code === 130) entry.signal = 'INT';
    if (this.interactive) entry.sink.stdout(`[${entry.id}]${mark(i, this.entries.length)}  ${this.state(entry).padEnd(STATE_WIDTH)}${entry.command}\n`);
    this.entries.splice(i, 1);
  }
}

/** The job's mark: `+` the current (newest) job, `-` the previous one. */
function mark(i: number, n: number): string {
  return i === n - 1 ? '+' : i === n - 2 ? '-' : ' ';
}

import { finished, WaitingExecution } from './execution';
import type { Job, Jobs } from './jobs';
import type { Execution, OutputSink } from './types';

/**
 * bash's job-control builtins over the shell's background jobs: `jobs`,
 * `kill`, `wait`, `fg` and `bg`, with bash's words for their errors.
 */
export const JOB_BUILTINS = new Set(['jobs', 'kill', 'wait', 'fg', 'bg']);

/** Signal numbers of the signals `kill` sends here (a process here stops for any of them). */
const SIGNALS: Readonly<Record<string, number>> = { HUP: 1, INT: 2, KILL: 9, TERM: 15 };

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

export function runJobBuiltin(jobs: Jobs, cmd: string, args: readonly string[], sink: OutputSink): Execution {
  if (cmd === 'jobs') return listJobs(jobs, args, sink);
  if (cmd === 'kill') return kill(jobs, args, sink);
  if (cmd === 'wait') return wait(jobs, args, sink);
  const job = jobs.find(args[0] ?? '%+');
  if (typeof job === 'string') return fail(sink, `bash: ${cmd}: ${job}\n`, 1);
  if (cmd === 'bg') return fail(sink, `bash: bg: job ${job.id} already in background\n`, 0);
  // `fg`: bash prints the job's command, then waits for it as for a command typed.
  sink.stdout(`${job.command}\n`);
  return jobs.foreground(job);
}

function fail(sink: OutputSink, message: string, code: number): Execution {
  sink.stderr(message);
  return finished(code);
}

function listJobs(jobs: Jobs, args: readonly string[], sink: OutputSink): Execution {
  const flags = args.filter((a) => a.startsWith('-') && a !== '-');
  const bad = flags.flatMap((f) => f.slice(1).split('')).find((c) => !'lp'.includes(c));
  if (bad !== undefined) return fail(sink, `bash: jobs: -${bad}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`, 2);
  const pids = flags.some((f) => f.includes('p'));
  const specs = args.filter((a) => !flags.includes(a));
  for (const spec of specs) {
    const job = jobs.find(spec);
    if (typeof job === 'string') return fail(sink, `bash: jobs: ${job}\n`, 1);
  }
  const listed = jobs.lines(flags.some((f) => f.includes('l')));
  const picked = specs.length === 0 ? listed : specs.map((s) => listed.find((l) => l.job === jobs.find(s))!);
  for (const { job, line } of picked) sink.stdout(pids ? `${job.pid}\n` : `${line}\n`);
  return finished(0);
}

/** The signal a `kill` option names (`-9`, `-KILL`, `-SIGKILL`, `-s TERM`, `-n 15`): its name, or the error. */
function signalNamed(spec: string): string | { error: string } {
  const s = spec.toUpperCase().replace(/^SIG/, '');
  if (/^\d+$/.test(s)) {
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === Number(s));
    return name ?? (s === '0' ? '0' : { error: `bash: kill: ${spec}: not simulated (kill sends TERM, KILL, INT or HUP here)\n` });
  }
  if (SIGNALS[s] !== undefined) return s;
  return { error: `bash: kill: ${spec}: invalid signal specification\n` };
}

function kill(jobs: Jobs, args: readonly string[], sink: OutputSink): Execution {
  let sig = 'TERM';
  let i = 0;
  if (args[0] === '-l' || args[0] === '-L') {
    sink.stdout(` 1) SIGHUP\t 2) SIGINT\t 9) SIGKILL\t15) SIGTERM\n`);
    return finished(0);
  }
  if (args[0] === '-s' || args[0] === '-n') {
    if (args[1] === undefined) return fail(sink, `bash: kill: ${args[0]}: option requires an argument\n${KILL_USAGE}`, 2);
    const named = signalNamed(args[1]);
    if (typeof named !== 'string') return fail(sink, named.error, 1);
    sig = named;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
    const named = signalNamed(args[0].slice(1));
    if (typeof named !== 'string') return fail(sink, named.error, 1);
    sig = named;
    i = 1;
  }
  if (args[i] === '--') i++;
  const targets = args.slice(i);
  if (targets.length === 0) return fail(sink, KILL_USAGE, 2);
  let code = 0;
  for (const t of targets) {
    const job = t.startsWith('%') ? jobs.find(t) : /^\d+$/.test(t) ? (jobs.byPid(Number(t)) ?? `(${t}) - No such process`) : `${t}: arguments must be process or job IDs`;
    if (typeof job === 'string') {
      sink.stderr(`bash: kill: ${job}\n`);
      code = 1;
    } else if (sig !== '0') jobs.signal(job, sig);
  }
  return finished(code);
}

/** `wait [%N | PID]…`: until the jobs named (every job when none is) have ended; the last one's status. */
function wait(jobs: Jobs, args: readonly string[], sink: OutputSink): Execution {
  const waited: Job[] = [];
  for (const a of args) {
    const job = a.startsWith('%') ? jobs.find(a) : /^\d+$/.test(a) ? (jobs.byPid(Number(a)) ?? `pid ${a} is not a child of this shell`) : `\`${a}': not a pid or valid job spec`;
    if (typeof job === 'string') return fail(sink, `bash: wait: ${job}\n`, 127);
    waited.push(job);
  }
  const all = waited.length === 0;
  const list = all ? [...jobs.live()] : waited;
  const exec = new WaitingExecution({
    check: () => {
      if (list.some((j) => !j.execution.done)) return undefined;
      const last = list[list.length - 1];
      return all || last === undefined ? 0 : jobStatus(last);
    },
    wakeAt: () => list.reduce<number | undefined>((at, j) => (j.execution.wakeAt !== undefined && (at === undefined || j.execution.wakeAt < at) ? j.execution.wakeAt : at), undefined),
  });
  exec.poll();
  return exec;
}

/** A finished job's status as `wait` returns it: a signal's is 128 plus its number. */
function jobStatus(job: Job): number {
  const sig = job.signal;
  return sig !== undefined ? 128 + (SIGNALS[sig] ?? 15) : (job.execution.exitCode ?? 0);
}

import type { Io } from './interpret';
import type { ShellApi, ShellHost } from './types';

/**
 * `kill` and `pkill` inside a container. The one process they can reach
 * is the container's main process, PID 1 (the commands an exec runs are
 * not listed). The kernel gives PID 1 only the signals it installed a
 * handler for — even SIGKILL sent from inside the container is dropped —
 * so a server (nginx, the JVM, redis) shuts down on SIGTERM, SIGINT or
 * SIGQUIT and the kubelet restarts the container, while a shell or `sleep`
 * as PID 1 ignores them all.
 */

const SIGNALS: Readonly<Record<string, number>> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, STOP: 19 };

/** A signal named as kill takes it (`9`, `KILL`, `SIGKILL`, any case), or undefined. */
function signalNumber(name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name) <= 64 ? Number(name) : undefined;
  return SIGNALS[name.toUpperCase().replace(/^SIG/, '')];
}

/** Options `-9`, `-KILL`, `-s KILL`, then the operands; or the invalid signal named. */
function parseSignal(args: readonly string[]): { signal: number; rest: string[] } | { bad: string } {
  let signal = 15;
  let i = 0;
  if (args[0] === '-s' && args[1] !== undefined) {
    const n = signalNumber(args[1]);
    if (n === undefined) return { bad: args[1] };
    signal = n;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0] !== '--' && args[0].length > 1) {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) return { bad: args[0].slice(1) };
    signal = n;
    i = 1;
  }
  if (args[i] === '--') i++;
  return { signal, rest: args.slice(i) };
}

/** `kill [-SIGNAL] PID…`: PID 1 is the container's main process; no other is there to signal. */
export function kill(sh: ShellApi, args: string[], io: Io): number {
  const p = parseSignal(args);
  const busybox = sh.hostRef.noBash === true;
  const who = sh.bash ? 'bash: kill' : busybox ? 'sh' : 'sh: 1: kill';
  if ('bad' in p) {
    io.err(busybox ? `sh: bad signal name '${p.bad}'\n` : sh.bash ? `bash: kill: ${p.bad}: invalid signal specification\n` : `sh: 1: kill: invalid signal number or name: ${p.bad}\n`);
    return 1;
  }
  if (p.rest.length === 0) {
    io.err(sh.bash ? 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n' : busybox ? 'kill: usage: kill [-s SIG] PID...\n' : 'sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n');
    return sh.bash ? 2 : 1;
  }
  let code = 0;
  for (const pid of p.rest) {
    if (pid === '1') sh.hostRef.signalMain?.(p.signal);
    else {
      io.err(sh.bash ? `${who}: (${pid}) - No such process\n` : busybox ? `sh: can't kill pid ${pid}: No such process\n` : `${who}: No such process\n`);
      code = 1;
    }
  }
  return code;
}

/** `pkill [-SIGNAL] NAME` (procps, busybox): signals the main process when its name matches; status 1 when nothing matched. */
export function pkill(args: string[], io: Io, host: Pick<ShellHost, 'signalMain' | 'mainProcessName'>): number {
  const p = parseSignal(args);
  if ('bad' in p) {
    io.err(`pkill: unknown signal name "${p.bad}"\n`);
    return 2;
  }
  const pattern = p.rest[0];
  if (pattern === undefined) {
    io.err('pkill: no matching criteria specified\nTry `pkill --help\' for more information.\n');
    return 2;
  }
  const name = host.mainProcessName?.() ?? '';
  let matches: boolean;
  try {
    matches = new RegExp(pattern).test(name);
  } catch {
    io.err(`pkill: invalid pattern: ${pattern}\n`);
    return 2;
  }
  if (!matches) return 1;
  host.signalMain?.(p.signal);
  return 0;
}

import { completeInContainer, containerCommands } from './sh/completion';
import { ExecRun } from './execRun';
import type { ContainerProcess } from './process';
import type { ContainerShell } from './processTypes';
import { ShellSession } from './sh/interactive';
import { runArgv } from './sh/interpret';

/**
 * Commands run inside a container's process from outside: `kubectl exec`
 * (over virtual time), an interactive shell (`kubectl exec -it`), and an
 * exec probe (run to its end at once).
 */

/**
 * An interactive shell in the container (`kubectl exec -it POD -- sh`):
 * each typed line runs in the same shell (its variables and working
 * directory last), with the container's environment.
 */
export function shellSession(proc: ContainerProcess, bash: boolean): ContainerShell {
  const session = new ShellSession(proc.shellHost(), { env: new Map(proc.env), bash });
  return {
    process: proc,
    get cwd() {
      return session.cwd;
    },
    get exited() {
      return session.exited;
    },
    run: (line, now) => new ExecRun((clock, write) => session.run(line, proc.shellHost(clock, write)), now),
    complete: (line, cursor) => completeInContainer(line, cursor, { files: proc.files, cwd: session.cwd, commands: containerCommands(proc.spec.profile) }),
  };
}

/** Starts a command inside the container at `now` (`kubectl exec`), to run over virtual time. */
export function execIn(proc: ContainerProcess, argv: string[], now: number, stdin?: string): ExecRun {
  return new ExecRun((clock, write) => runArgv(argv, proc.shellHost(clock, write), { env: new Map(proc.env), stdin }), now);
}

/** Runs a command inside the container at `now` to its end (its sleeps pass at once, up to `timeoutMs`): its status and output. */
export function runToEnd(proc: ContainerProcess, argv: string[], now: number, timeoutMs: number): { code: number; output: string; timedOut: boolean } {
  let output = '';
  const gen = runArgv(argv, proc.shellHost(now, (t, partial) => (output += partial ? t : `${t}\n`)), { env: new Map(proc.env) });
  let slept = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { code: r.value, output, timedOut: false };
    slept += r.value.sleep;
    if (slept > timeoutMs) return { code: -1, output, timedOut: true };
  }
}

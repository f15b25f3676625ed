import type { Cluster } from '../sim/k8s/index';
import { createShell, type Execution, type FileSource } from '../shell/index';

/** How long the CLI lets a command wait when it has no timeout of its own (virtual time). */
export const MAX_WAIT_MS = 60 * 60_000;

/** The longest single jump of virtual time while a command waits. */
const MAX_STEP_MS = 100;

export interface ScriptOptions {
  cluster: Cluster;
  files: FileSource;
  /** Receives the transcript as it is produced. */
  write(text: string): void;
}

/** The command lines of a script: blank lines and `#` comment lines skipped. */
export function scriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Drives virtual time until `exec` is done: steps of at most 100 ms, or
 * straight to the next thing due (a cluster timer, the command's own retry
 * or timeout) when nothing can change before it.
 */
export function driveUntilDone(cluster: Cluster, exec: Execution, write: (text: string) => void): void {
  const start = cluster.now();
  while (!exec.done) {
    const now = cluster.now();
    const candidates = [cluster.nextWakeAt(), exec.wakeAt, exec.deadline].filter((t): t is number => t !== undefined);
    const due = candidates.length ? Math.min(...candidates) : undefined;
    if (due === undefined) {
      exec.cancel();
      write('play: nothing more can happen in the cluster and the command has no timeout; stopped waiting (as Ctrl+C would)\n');
      return;
    }
    if (exec.deadline === undefined && now - start >= MAX_WAIT_MS) {
      exec.cancel();
      write(`play: still waiting after ${MAX_WAIT_MS / 60_000}m of virtual time; stopped waiting (as Ctrl+C would)\n`);
      return;
    }
    // Nothing can change before `due`, so jumping there is exact; small steps keep it robust when things are due soon.
    cluster.advanceTo(Math.max(now + 1, due > now + MAX_STEP_MS ? due : Math.min(due, now + MAX_STEP_MS)));
    exec.poll();
  }
}

/** Runs a script: prints `$ <command>` then the command's output, for each command. */
export function runScript(text: string, options: ScriptOptions): void {
  const shell = createShell({ cluster: options.cluster, files: options.files });
  for (const line of scriptLines(text)) {
    options.write(`$ ${line}\n`);
    const exec = shell.run(line, { stdout: options.write, stderr: options.write });
    try {
      driveUntilDone(options.cluster, exec, options.write);
    } catch (e) {
      // An engine fault while time moved: report it like the shell reports its own, and go on.
      exec.cancel();
      options.write(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}

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
export function driveUntilDone(cluster: Cluster, exec: Execution, write: (text: string) => void, background: readonly Execution[] = []): void {
  const start = cluster.now();
  while (!exec.done) {
    const now = cluster.now();
    const others = background.filter((b) => !b.done);
    const candidates = [cluster.nextWakeAt(), exec.wakeAt, exec.deadline, ...others.flatMap((b) => [b.wakeAt, b.deadline])].filter((t): t is number => t !== undefined);
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
    for (const b of others) b.poll();
    exec.poll();
  }
}

/** A line ending in ` &`: the command, run in the background. */
function backgroundCommand(line: string): string | undefined {
  const m = /^(.*\S)\s+&$/.exec(line);
  return m ? m[1] : undefined;
}

/**
 * Runs a script: prints `$ <command>` then the command's output, for each
 * command. A line ending in ` &` runs in the background, as in a shell
 * script: the next lines start at once and its output appears as it is
 * produced (a `kubectl get -w` seeing what later commands change); at the end
 * of the script each background command runs to its own timeout, or is
 * stopped as Ctrl+C would stop it.
 */
export function runScript(text: string, options: ScriptOptions): void {
  const shell = createShell({ cluster: options.cluster, files: options.files });
  const background: { exec: Execution; command: string }[] = [];
  const drive = (exec: Execution) => {
    try {
      driveUntilDone(options.cluster, exec, options.write, background.map((b) => b.exec));
    } catch (e) {
      // An engine fault while time moved: report it like the shell reports its own, and go on.
      exec.cancel();
      options.write(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  for (const line of scriptLines(text)) {
    options.write(`$ ${line}\n`);
    const bg = backgroundCommand(line);
    const exec = shell.run(bg ?? line, { stdout: options.write, stderr: options.write });
    if (bg !== undefined) background.push({ exec, command: bg });
    else drive(exec);
  }
  for (const b of background) {
    if (b.exec.done) continue;
    if (b.exec.deadline !== undefined) drive(b.exec);
    else {
      b.exec.cancel();
      options.write(`play: the script ended; stopped the background command "${b.command}" (as Ctrl+C would)\n`);
    }
  }
}

import type { Cluster } from '../sim/k8s/index';
import { createShell, echoedCommand, scriptCommands, type Execution, type FileSource } from '../shell/index';
import { driveUntilDone } from '../session/drive';

export interface ScriptOptions {
  cluster: Cluster;
  files: FileSource;
  /** Receives the transcript as it is produced. */
  write(text: string): void;
}

/** The commands of a script: blank lines and `#` comment lines skipped, a here-document or a continued line with its lines. */
export function scriptLines(text: string): string[] {
  return scriptCommands(text);
}

/**
 * Runs a script: prints `$ <command>` then the command's output, for each
 * command. A line ending in `&` runs in the background, as in a shell
 * script (the shell's jobs, which a script's shell does not announce): the
 * next lines start at once and its output appears as it is produced (a
 * `kubectl get -w` seeing what later commands change); at the end of the
 * script each background command runs to its own timeout, or is stopped as
 * Ctrl+C would stop it.
 */
export function runScript(text: string, options: ScriptOptions): void {
  const shell = createShell({ cluster: options.cluster, files: options.files });
  const jobs = () => shell.jobs?.() ?? [];
  const drive = (exec: Execution) => {
    try {
      driveUntilDone(options.cluster, exec, options.write, jobs().map((j) => j.execution));
    } catch (e) {
      // An engine fault while time moved: report it like the shell reports its own, and go on.
      exec.cancel();
      options.write(`internal error (please report): ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  for (const line of scriptLines(text)) {
    options.write(`${echoedCommand(line, shell.prompt?.())}\n`);
    drive(shell.run(line, { stdout: options.write, stderr: options.write }));
  }
  for (const job of jobs()) {
    if (job.execution.done) continue;
    if (job.execution.deadline !== undefined) drive(job.execution);
    else {
      job.execution.cancel();
      options.write(`play: the script ended; stopped the background command "${job.command}" (as Ctrl+C would)\n`);
    }
  }
}

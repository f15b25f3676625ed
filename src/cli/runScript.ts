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
    options.write(`${echoedCommand(line, shell.prompt?.())}\n`);
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

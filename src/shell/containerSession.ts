import type { Cluster, ExecStream, ShellHandle } from '../sim/k8s/index';
import { WaitingExecution } from './execution';
import type { Execution, OutputSink } from './types';

export { isInteractiveSession, isInteractiveShell } from '../sim/k8s/index';

/**
 * The prompt of a shell open in a container, as its image's shell writes
 * it: bash's `root@POD:DIR# ` (`~` for root's home), busybox's `DIR # `,
 * and a plain `# ` for a POSIX sh such as Debian's dash (nginx's `sh`); a
 * program's own prompt for another session (redis-cli's `127.0.0.1:6379> `).
 */
export function containerPrompt(handle: ShellHandle): string {
  if (handle.prompt !== undefined) return handle.prompt;
  const cwd = handle.shell.cwd;
  if (handle.bash) return `root@${handle.hostname}:${cwd === '/root' ? '~' : cwd}# `;
  if (handle.busybox) return `${cwd} # `;
  return '# ';
}

/**
 * An execution that runs a container's stream: its output as it comes, and
 * `ended`'s status for how it ended (kubectl's `command terminated with exit
 * code N`). Ctrl+C ends the stream (status 130).
 */
export function streamed(stream: ExecStream, out: (text: string) => void, ended: (code: number, closed: boolean) => number): Execution {
  const exec = new WaitingExecution({
    check: () => {
      const p = stream.poll();
      if (p.output) out(p.output);
      return p.code === undefined ? undefined : ended(p.code, p.closed === true);
    },
    wakeAt: () => stream.wakeAt,
    dispose: () => stream.cancel(),
  });
  exec.poll();
  return exec;
}

/**
 * One line typed into a container's shell, running as virtual time passes
 * (`sleep 5` takes five seconds, `tail -f` follows until Ctrl+C). The
 * session ends when the shell exits or its container stops under the line:
 * `onEnd` gets the status and gives the one the line ends with. When the container is found stopped before the
 * line, the line was never the container's (`ok: false`), and the caller
 * runs it on the terminal's own shell.
 */
export function runContainerLine(cluster: Cluster, handle: ShellHandle, line: string, sink: OutputSink, onEnd: (code: number) => number): Execution | { ok: false } {
  const r = cluster.runInShell(handle, line);
  if (!r.ok) {
    sink.stderr(`command terminated with exit code ${r.code}\n`);
    return { ok: false };
  }
  return streamed(
    r.stream,
    (text) => sink.stdout(text),
    (code, closed) => {
      const exited = closed ? code : handle.shell.exited;
      return exited === undefined ? code : onEnd(exited);
    },
  );
}

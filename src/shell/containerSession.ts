import type { Cluster, ShellHandle } from '../sim/k8s/index';
import { finished } from './execution';
import type { Execution, OutputSink } from './types';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash']);

/** Whether a container command (`kubectl exec … -- ARGV`) is an interactive shell: `sh`, `bash`, `sh -i`, `bash -il`. */
export function isInteractiveShell(argv: readonly string[]): boolean {
  return SHELLS.has(argv[0] ?? '') && argv.slice(1).every((a) => /^-[il]+$/.test(a));
}

/**
 * The prompt of a shell open in a container, as its image's shell writes
 * it: bash's `root@POD:DIR# ` (`~` for root's home), busybox's `DIR # `,
 * and a plain `# ` for a POSIX sh such as Debian's dash (nginx's `sh`).
 */
export function containerPrompt(handle: ShellHandle): string {
  const cwd = handle.shell.cwd;
  if (handle.bash) return `root@${handle.hostname}:${cwd === '/root' ? '~' : cwd}# `;
  if (handle.busybox) return `${cwd} # `;
  return '# ';
}

/**
 * One line typed into a container's shell: its output, and whether the
 * session goes on. It ends when the shell exits (kubectl then reports a
 * non-zero status as `command terminated with exit code N`), or when the
 * container is found stopped: the line then was never the container's
 * (`ok: false`), and the caller runs it on the terminal's own shell.
 */
export function runContainerLine(cluster: Cluster, handle: ShellHandle, line: string, sink: OutputSink): { execution: Execution; open: boolean } | { ok: false } {
  const r = cluster.runInShell(handle, line);
  if (!r.ok) {
    sink.stderr(`command terminated with exit code ${r.code}\n`);
    return { ok: false };
  }
  if (r.output) sink.stdout(r.output);
  if (r.exited === undefined) return { execution: finished(r.code), open: true };
  if (r.exited !== 0) sink.stderr(`command terminated with exit code ${r.exited}\n`);
  return { execution: finished(r.exited), open: false };
}

import { createShell } from '../index';
import type { Execution, FileSource, Shell } from '../types';
import { createFakeCluster, type FakeCluster } from './fakeCluster';

/** What one command printed. */
export interface Transcript {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  execution: Execution;
}

/** In-memory files for `-f` (a path ending in `/` lists a directory); `> file` writes into them. */
export function memoryFiles(files: Record<string, string>): FileSource {
  return {
    read: (p) => files[p.replace(/^\.\//, '')],
    write: (p, text) => {
      files[p.replace(/^\.\//, '')] = text;
      return undefined;
    },
    list: (p) => {
      const dir = p.replace(/^\.\//, '').replace(/\/?$/, '/');
      const inside = Object.keys(files).filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/'));
      return inside.length ? inside : undefined;
    },
  };
}

/** A shell over a fake cluster, with helpers to run a line and let virtual time pass. */
export function shellHarness(files: Record<string, string> = {}): { shell: Shell; cluster: FakeCluster; run(line: string, waitMs?: number): Transcript } {
  const cluster = createFakeCluster();
  const shell = createShell({ cluster, files: memoryFiles(files) });
  return { shell, cluster, run: lineRunner(shell, cluster) };
}

/** `run(line, waitMs)`: runs a command and lets virtual time pass (100 ms a step) while it waits, up to `waitMs`. */
export function lineRunner(shell: Shell, cluster: { now(): number; advanceTo(t: number): void }): (line: string, waitMs?: number) => Transcript {
  return (line, waitMs = 0) => {
    let stdout = '';
    let stderr = '';
    const execution = shell.run(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    const end = cluster.now() + waitMs;
    while (!execution.done && cluster.now() < end) {
      cluster.advanceTo(Math.min(end, cluster.now() + 100));
      execution.poll();
    }
    return {
      get stdout() {
        return stdout;
      },
      get stderr() {
        return stderr;
      },
      get exitCode() {
        return execution.exitCode;
      },
      execution,
    };
  };
}

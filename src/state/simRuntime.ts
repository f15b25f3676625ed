import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, Cluster } from '../sim/k8s/index';
import type { Execution, FileSource, OutputSink, Shell } from '../shell/types';
import type { ClusterSnapshot, CommandSource, WorldFactory } from './types';

interface Running {
  readonly execution: Execution;
  readonly source: CommandSource;
}

/**
 * The sim bridge: owns the live cluster and shell, knows when the cluster
 * changed (through a watch) and keeps the running commands. The store's
 * actions are its only callers; React never sees it.
 */
export class SimRuntime {
  private cluster!: Cluster;
  private shell!: Shell;
  private reader!: ApiClient;
  private unwatch: () => void = () => {};
  private running: Running[] = [];
  private changed = true;
  private version = 0;

  constructor(
    private readonly factory: WorldFactory,
    private readonly files: FileSource,
  ) {
    this.build();
  }

  private build(): void {
    this.unwatch();
    this.cluster = this.factory.createCluster();
    this.shell = this.factory.createShell(this.cluster, this.files);
    this.reader = this.cluster.client('kubeplay-ui');
    this.unwatch = this.cluster.watchAll(() => {
      this.changed = true;
    });
    this.changed = true;
  }

  /** Throws the world away and builds a fresh default cluster; running commands are cancelled. */
  reset(): void {
    for (const r of this.running) r.execution.cancel();
    this.running = [];
    this.build();
  }

  now(): number {
    return this.cluster.now();
  }

  /** Moves virtual time forward (`pollRunning` then lets waiting commands look again). */
  advance(ms: number): void {
    if (ms > 0) this.cluster.advance(ms);
  }

  /** Runs one command line; output goes to `sink` as it is produced. */
  run(line: string, source: CommandSource, sink: OutputSink): Execution {
    let execution: Execution;
    try {
      execution = this.shell.run(line, sink);
    } catch (err) {
      // The shell promises never to throw; if it does, say so instead of freezing the prompt.
      sink.stderr(`error: internal error in the playground: ${err instanceof Error ? err.message : String(err)}\n`);
      return finished(1);
    }
    if (!execution.done) this.running.push({ execution, source });
    return execution;
  }

  /** Tab completion candidates from the shell. */
  complete(line: string, cursor: number): string[] {
    try {
      return this.shell.complete(line, cursor);
    } catch {
      return [];
    }
  }

  /** Ctrl+C: cancels the commands typed at the prompt that are still waiting. */
  cancelPrompt(): boolean {
    const typed = this.running.filter((r) => r.source === 'prompt');
    for (const r of typed) r.execution.cancel();
    this.running = this.running.filter((r) => r.source !== 'prompt');
    return typed.length > 0;
  }

  /** Whether a command typed at the prompt is still running. */
  promptBusy(): boolean {
    return this.running.some((r) => r.source === 'prompt');
  }

  /** Re-checks waiting commands; returns those that finished. */
  pollRunning(): Running[] {
    if (this.running.length === 0) return [];
    const finishedNow: Running[] = [];
    this.running = this.running.filter((r) => {
      const done = r.execution.done || r.execution.poll();
      if (done) finishedNow.push(r);
      return !done;
    });
    return finishedNow;
  }

  /** A new snapshot when the cluster changed since the last one (or when forced). */
  takeSnapshot(force = false): ClusterSnapshot | undefined {
    if (!this.changed && !force) return undefined;
    this.changed = false;
    const now = this.cluster.now();
    const nodes = this.reader.list('nodes') as unknown as Node[];
    const pods = this.reader.list('pods') as unknown as Pod[];
    const podStatus: Record<string, string> = {};
    for (const pod of pods) {
      const meta = pod.metadata;
      if (meta?.name) podStatus[`${meta.namespace ?? ''}/${meta.name}`] = this.factory.podStatusText(pod, now);
    }
    return { now, nodes, pods, podStatus, version: ++this.version };
  }
}

function finished(exitCode: number): Execution {
  return { done: true, exitCode, deadline: undefined, poll: () => true, cancel: () => {} };
}

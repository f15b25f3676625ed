/**
 * Rebuilds a session from its scenario: a fresh cluster of the recorded
 * shape and seed, then the command log replayed at its virtual times
 * through the same shell the terminal uses. Same scenario, same cluster,
 * byte for byte (DESIGN.md principle 3).
 */
import { createCluster, type Cluster } from '../sim/k8s/index';
import { createShell, memoryFiles, type Execution, type OutputSink, type Shell } from '../shell/index';
import { checkReplayBounds } from './bounds';
import { advanceWhileRunning } from './drive';
import type { Scenario } from './scenario';

export interface Replayed {
  cluster: Cluster;
  /** The shell the log ran in, over the scenario's files: the session goes on with it. */
  shell: Shell;
  /** Commands still waiting at `endAt` (a `rollout status` or `get -w` left running), to be polled or cancelled by the host. */
  running: { execution: Execution; source: 'prompt' | 'ui'; line: string }[];
}

export type ReplayResult = { ok: true; replayed: Replayed } | { ok: false; error: string };

export interface ReplayOptions {
  /** Receives each command's echo (`$ line`) and output, as the terminal shows them. */
  sink?: OutputSink;
  /** Stop at this virtual time (ms since start) instead of `endAt`: the timeline's "as it was then". */
  until?: number;
}

const silent: OutputSink = { stdout: () => {}, stderr: () => {} };

/** Replays `scenario`; refuses (before running anything) one that exceeds the bounds. */
export function replayScenario(scenario: Scenario, options: ReplayOptions = {}): ReplayResult {
  const refusal = checkReplayBounds(scenario);
  if (refusal) return { ok: false, error: refusal };
  const sink = options.sink ?? silent;
  let cluster: Cluster;
  try {
    cluster = createCluster({ ...scenario.cluster, seed: scenario.seed });
  } catch (e) {
    return { ok: false, error: `cannot create the cluster: ${e instanceof Error ? e.message : String(e)}` };
  }
  const contents: Record<string, string> = {};
  for (const f of scenario.files) contents[f.name] = f.content;
  const shell = createShell({ cluster, files: memoryFiles(() => contents) });
  const start = cluster.startTime;
  const end = start + Math.min(options.until ?? scenario.endAt, scenario.endAt);
  let running: Replayed['running'] = [];
  const drive = (to: number) => {
    const waiting = advanceWhileRunning(cluster, running.map((r) => r.execution), to);
    running = running.filter((r) => waiting.includes(r.execution));
  };
  try {
    for (const entry of scenario.log) {
      if (start + entry.at > end) break;
      drive(start + entry.at);
      if ('cancel' in entry) {
        const stop = running.filter((r) => (entry.cancel === 'settle' ? /^kubeplay\s+clock\s+settle(\s|$)/.test(r.line) : r.source === 'prompt'));
        for (const r of stop) r.execution.cancel();
        running = running.filter((r) => !stop.includes(r));
        continue;
      }
      sink.stdout(`$ ${entry.line}\n`);
      const execution = shell.run(entry.line, sink);
      if (!execution.done) running.push({ execution, source: entry.source ?? 'prompt', line: entry.line });
    }
    drive(end);
  } catch (e) {
    return { ok: false, error: `the replay stopped on an internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, replayed: { cluster, shell, running } };
}

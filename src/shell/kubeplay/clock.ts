import { goDuration, parseDuration } from '../../lib/duration';
import { Settler, SETTLE_MAX_MS, type Changing, type Cluster, type SettleResult } from '../../sim/k8s/index';
import { WaitingExecution, finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

/**
 * One step of `kubeplay clock step`: one virtual second. The clock shows
 * whole seconds, and so do kubectl's ages and event times; the engine's own
 * timers are mostly heartbeats (Lease renewals every 10 s) or milliseconds
 * apart, so "to the next timer" would step either nowhere visible or by
 * unpredictable amounts.
 */
export const CLOCK_STEP_MS = 1000;
/** The longest single step (longer waits are what `sleep` and `clock settle` are for). */
const MAX_STEP_MS = 60 * 60_000;

/** `DURATION` as `sleep` reads it: `5` (seconds), `90s`, `1m30s`. */
function durationArg(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  return parseDuration(text);
}

/** The playground's clock: virtual time since the cluster started, `H:MM:SS` as the top bar shows it. */
function clockText(cluster: Cluster, ms: number): string {
  const total = Math.max(0, Math.floor((ms - cluster.startTime) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/**
 * `kubeplay clock step [DURATION]`: moves virtual time forward by one step
 * (1 s, or DURATION) right now, whatever the speed — the way to watch a
 * paused cluster move one second at a time.
 */
export function runClockStep(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  if (args.length > 1 || args[0]?.startsWith('-')) {
    sink.stderr('kubeplay: usage: kubeplay clock step [DURATION]   (default 1s; e.g. 10s, 2m)\n');
    return finished(1);
  }
  const ms = args.length ? durationArg(args[0]) : CLOCK_STEP_MS;
  if (ms === undefined || ms <= 0 || ms > MAX_STEP_MS) {
    sink.stderr(`kubeplay: invalid step "${args[0]}": a duration from 1ms to 1h, such as 1s, 10s or 2m\n`);
    return finished(1);
  }
  env.cluster.advance(ms);
  sink.stdout(`virtual time ${clockText(env.cluster, env.cluster.now())} (+${goDuration(ms)})\n`);
  return finished(0);
}

function settleUsage(sink: OutputSink, problem: string): Execution {
  sink.stderr(`kubeplay: ${problem}\nusage: kubeplay clock settle [--max DURATION]   (default 10m)\n`);
  return finished(1);
}

/**
 * `kubeplay clock settle [--max DURATION]`: runs the cluster as fast as it
 * goes until nothing a learner can see changes any more (heartbeats aside)
 * — for 30 s when nothing is waiting to act later, else for 5m10s (see
 * `Settler`) — or until DURATION of virtual time (10m) has passed.
 * The work is done in slices when the host asks to draw in between
 * (`env.shouldYield`), so the page stays responsive; Ctrl+C stops it.
 */
export function runClockSettle(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  let maxMs = SETTLE_MAX_MS;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--max' || a.startsWith('--max=')) {
      const text = a === '--max' ? args[++i] : a.slice(6);
      const ms = text === undefined ? undefined : durationArg(text);
      if (ms === undefined || ms <= 0 || ms > 24 * 60 * 60_000) return settleUsage(sink, `invalid --max "${text ?? ''}": a duration up to 24h, such as 10m or 1h`);
      maxMs = ms;
    } else return settleUsage(sink, `unexpected argument "${a}"`);
  }
  const cluster = env.cluster;
  const settler = new Settler(cluster, { maxMs });
  const exec = new WaitingExecution({
    check: () => {
      const r = settler.run(env.shouldYield);
      if (!r) return undefined;
      report(cluster, r, sink);
      return r.type === 'settled' ? 0 : 1;
    },
    dispose: () => settler.dispose(),
    // Poll again at once: the work is ours, not the clock's.
    wakeAt: () => cluster.now(),
  });
  exec.poll();
  return exec;
}

function report(cluster: Cluster, r: SettleResult, sink: OutputSink): void {
  const secs = (ms: number) => goDuration(Math.round(ms / 1000) * 1000);
  if (r.type === 'settled') {
    const tail = `Virtual time is now ${clockText(cluster, r.endedAt)} (+${secs(r.endedAt - r.startedAt)}).`;
    if (r.changes === 0) sink.stdout(`Already settled: nothing visible changed in ${secs(r.endedAt - r.startedAt)}. ${tail}\n`);
    else sink.stdout(`Settled ${secs(r.settledAt - r.startedAt)} in (at ${clockText(cluster, r.settledAt)}): nothing visible changed for ${secs(r.endedAt - r.settledAt)} after that. ${tail}\n`);
    return;
  }
  sink.stdout(`Still changing after ${secs(r.endedAt - r.startedAt)}, the cap; stopped at ${clockText(cluster, r.endedAt)}.\n`);
  const named = describeChanging(cluster, r.changing);
  if (named.length) sink.stdout(`Most active lately:\n${named.map((l) => `  ${l}\n`).join('')}`);
  sink.stdout('Something keeps changing (a crash loop, a retry, a CronJob…): look with kubectl get pods,events, or run it again to go on.\n');
}

/** `pod/crashy (14 changes)`: the objects that changed most in the last window, Events only when nothing else did. */
function describeChanging(cluster: Cluster, changing: readonly Changing[]): string[] {
  const objects = changing.filter((c) => c.resource !== 'events');
  const list = (objects.length ? objects : changing).slice(0, 3);
  return list.map((c) => {
    const info = cluster.resources.byName(c.resource);
    const kind = info ? `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ''}` : c.resource;
    const slash = c.key.indexOf('/');
    const [ns, name] = slash < 0 ? [undefined, c.key] : [c.key.slice(0, slash), c.key.slice(slash + 1)];
    return `${kind}/${name}${ns && ns !== 'default' ? ` -n ${ns}` : ''} (${c.count} change${c.count === 1 ? '' : 's'})`;
  });
}

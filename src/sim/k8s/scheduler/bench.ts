/**
 * Micro-bench of the scheduler (not part of the app): 150,000 pods of one
 * ReplicaSet onto 5,000 nodes, (1) through the kernel alone (framework +
 * cache + decision log), (2) through the controller path (queue, informer
 * handlers, scheduleOne, and the kubelet's three status writes per pod) with
 * a fake API that echoes the binding back.
 * Run: npx tsx src/sim/k8s/scheduler/bench.ts [pods] [nodes] [runs]
 */
import { createRng } from '../../../lib/rng';
import type { VirtualClock } from '../../engine/clock';
import type { WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import type { K8sContext } from '../controllers/context';
import { cycleCostMs } from './cycleCost';
import { DecisionLog } from './decisionLog';
import { SchedulingFramework } from './framework';
import { PodInfo, type PodObject } from './podInfo';
import { SchedulerCore } from './schedulerCore';
import { scheduleOne } from './scheduleOne';
import { cacheWith, node } from './testFixtures';

const proc = (globalThis as unknown as { process: { cpuUsage(): { user: number; system: number } } }).process;
/** Process CPU time in ms (wall time is unreliable on a shared machine). */
const perf = { now: () => { const u = proc.cpuUsage(); return (u.user + u.system) / 1000; } };
const out = (globalThis as unknown as { console: { log(s: string): void } }).console;
const args = (globalThis as unknown as { process?: { argv: string[] } }).process?.argv.slice(2) ?? [];
const PODS = Number(args[0] ?? 150_000);
const NODES = Number(args[1] ?? 5_000);
const RUNS = Number(args[2] ?? 3);
/** How many pods later a pod's status writes arrive. */
const STATUS_LAG = 2_000;

const labels = { app: 'web', 'pod-template-hash': '7d4b9c7f6d' };
const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7d4b9c7f6d', namespace: 'default' }, spec: { selector: { matchLabels: labels } } };

function makePod(i: number): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-7d4b9c7f6d-${i}`, namespace: 'default', uid: `u${i}`, labels },
    spec: { schedulerName: 'default-scheduler', containers: [{ name: 'nginx', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
    status: { phase: 'Pending' },
  };
}

const nodes = () => Array.from({ length: NODES }, (_, i) => node(`worker-${i + 1}`, { cpu: '8', memory: '32Gi', images: [{ names: ['docker.io/library/nginx:1.25'], sizeBytes: 70_000_000 }] }));

function kernel(): { ms: number; virtualMs: number } {
  const cache = cacheWith(nodes());
  cache.upsertObject('replicasets.apps', rs, false);
  const fw = new SchedulingFramework();
  const log = new DecisionLog(fw.scorers);
  const rng = createRng(1);
  let start = 0;
  let virtual = 0;
  const t0 = perf.now();
  for (let i = 0; i < PODS; i++) {
    const p = makePod(i);
    const info = new PodInfo(p);
    const o = fw.schedulePod(info, cache, rng, start, log.nextBuffers());
    start = o.nextStartIndex;
    log.record(`default/${p.metadata.name}`, p.metadata.uid!, virtual, o);
    virtual += cycleCostMs(o.evaluated);
    if (!o.node) throw new Error(`unschedulable: ${o.message}`);
    cache.addPod(info, o.node.name);
  }
  return { ms: perf.now() - t0, virtualMs: virtual };
}

function controllerPath(): { ms: number } {
  const core = new SchedulerCore();
  let now = 0;
  const clock = { now: () => now, timestamp: () => '2025-03-01T09:00:00Z' } as unknown as VirtualClock;
  const store = { has: () => false, list: () => [], get: () => undefined };
  const pods = new Map<string, PodObject>();
  const emit = (e: WatchEvent) => core.onEvent(e);
  const ctx = {
    clock,
    rng: createRng(1),
    store,
    api: {
      bind(ns: string, name: string, host: string) {
        const key = `${ns}/${name}`;
        const old = pods.get(key)!;
        const next = { ...old, spec: { ...old.spec!, nodeName: host } };
        pods.set(key, next);
        emit({ type: 'MODIFIED', resource: 'pods', key, object: next, old });
        return { ok: true, object: next };
      },
      updateStatus: () => ({ ok: true }),
    },
    event: () => undefined,
    note: () => undefined,
  } as unknown as K8sContext;
  core.init(store as never, clock);
  for (const n of nodes()) emit({ type: 'ADDED', resource: 'nodes', key: n.metadata.name, object: n });
  emit({ type: 'ADDED', resource: 'replicasets.apps', key: 'default/web', object: rs });
  // The kubelet's three status writes per pod (Pending twice, then Running) reach the informer some pods later.
  const status = (key: string, phase: string) => {
    const old = pods.get(key)!;
    const next = { ...old, status: { ...old.status, phase } };
    pods.set(key, next);
    emit({ type: 'MODIFIED', resource: 'pods', key, object: next, old });
  };
  const keys: string[] = [];
  const t0 = perf.now();
  for (let i = 0; i < PODS; i++) {
    const p = makePod(i);
    const key = `default/${p.metadata.name}`;
    keys.push(key);
    pods.set(key, p);
    emit({ type: 'ADDED', resource: 'pods', key, object: p });
    // As the reconcile loop does once per wake-up.
    core.applyClusterEvents();
    const q = core.queue.pop()!;
    now += scheduleOne(core, ctx, q);
    if (i >= STATUS_LAG) for (const phase of ['Pending', 'Pending', 'Running']) status(keys[i - STATUS_LAG], phase);
  }
  return { ms: perf.now() - t0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const k: number[] = [];
const c: number[] = [];
let virtualMs = 0;
for (let r = 0; r < RUNS; r++) {
  const res = kernel();
  k.push(res.ms);
  virtualMs = res.virtualMs;
  c.push(controllerPath().ms);
}
out.log(`${PODS} pods on ${NODES} nodes, ${RUNS} runs (CPU time)`);
const line = (label: string, xs: number[]) =>
  `${label} median ${median(xs).toFixed(0)} ms (${((median(xs) * 1000) / PODS).toFixed(1)} µs/pod), best ${Math.min(...xs).toFixed(0)} ms; runs ${xs.map((x) => x.toFixed(0)).join(', ')}`;
out.log(line('kernel:         ', k));
out.log(line('controller path:', c));
out.log(`virtual time for all cycles: ${(virtualMs / 1000).toFixed(0)} s (${(PODS / (virtualMs / 1000)).toFixed(0)} pods/s)`);

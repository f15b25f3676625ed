/**
 * One engine bench run, with nothing of its host in it: the same code runs
 * in Node (`npm run bench`) and in headless Chromium (`npm run bench:browser`),
 * where the page runs the engine. The host passes how to sample memory.
 */
import { createCluster, type KubeObject } from '../sim/k8s/index';

/** What one run measures: wall times from the host's `performance.now()`, the virtual time it took. */
export interface EngineRun {
  nodes: number;
  pods: number;
  bootMs: number;
  wallMs: number;
  virtualS: number;
}

/** The bench's Deployment: `replicas` pause containers with small requests, every default spelled out. */
export function benchDeployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bench', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'bench' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'bench' } },
        spec: {
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', imagePullPolicy: 'IfNotPresent', resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
        },
      },
    },
  };
}

/**
 * Boots a cluster of `nodes` workers, applies the Deployment and advances
 * virtual time a second at a time until every pod is Running. `sample` is
 * called before the apply and after each second (the host reads its memory
 * there); `started` just before the apply (the host starts its CPU clock).
 */
export function runToRunning(nodes: number, pods: number, sample: () => void = () => {}, started: () => void = () => {}): EngineRun {
  const t0 = performance.now();
  const cluster = createCluster({ seed: 1, workers: nodes });
  const bootMs = performance.now() - t0;
  let running = 0;
  cluster.watch('pods', (e) => {
    if (e.object.metadata.namespace !== 'default') return;
    const was = e.type !== 'ADDED' && (e.old as { status?: { phase?: string } } | undefined)?.status?.phase === 'Running';
    const is = e.type !== 'DELETED' && (e.object as { status?: { phase?: string } }).status?.phase === 'Running';
    if (was !== is) running += is ? 1 : -1;
  });
  sample();
  const vStart = cluster.now();
  started();
  const t1 = performance.now();
  const res = cluster.client().create(benchDeployment(pods));
  if (!res.ok) throw new Error(res.status.message);
  cluster.runUntilIdle();
  const limit = vStart + 3 * 3600_000;
  while (running < pods) {
    if (cluster.now() > limit) throw new Error(`only ${running}/${pods} pods Running after 3h of virtual time`);
    cluster.advance(1000);
    sample();
  }
  const wallMs = performance.now() - t1;
  return { nodes, pods, bootMs, wallMs, virtualS: (cluster.now() - vStart) / 1000 };
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The medians of a size's runs as the bench tables show them: nodes, pods, boot, apply→Running, µs/pod, then `extra` (CPU…), virtual time, then `tail` (memory). */
export function benchRow<R extends EngineRun>(runs: readonly R[], extra: (pick: (f: (r: R) => number) => number) => string[], tail: (pick: (f: (r: R) => number) => number) => string[]): string[] {
  const pick = (f: (r: R) => number) => median(runs.map(f));
  const wall = pick((r) => r.wallMs);
  const { nodes, pods } = runs[0];
  return [String(nodes), String(pods), (pick((r) => r.bootMs) / 1000).toFixed(2), (wall / 1000).toFixed(2), ((wall * 1000) / pods).toFixed(1), ...extra(pick), `${pick((r) => r.virtualS).toFixed(0)} s`, ...tail(pick)];
}

/**
 * Prints a table one size at a time: each call prints the rows not printed
 * yet (and the header first). Columns are as wide as the header, the largest
 * size's counts (nodes, pods: the first two columns) and every row so far.
 */
export function tablePrinter(header: readonly string[], sizes: readonly (readonly [number, number])[], print: (line: string) => void = console.log): (rows: readonly (readonly string[])[]) => void {
  let printed = 0;
  return (rows) => {
    const counts = (i: number) => Math.max(...sizes.map((s) => String(s[i]).length));
    const widths = header.map((h, i) => Math.max(h.length, i < 2 ? counts(i) : 0, ...rows.map((r) => r[i].length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i])).join('   ');
    if (printed === 0) print(line(header));
    for (const r of rows.slice(printed)) print(line(r));
    printed = rows.length;
  };
}

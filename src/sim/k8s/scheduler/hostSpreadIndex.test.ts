import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../lib/rng';
import { SchedulingFramework, type ScheduleOutcome } from './framework';
import type { NodeObject } from './nodeInfo';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins/index';
import { PodInfo } from './podInfo';
import { cacheWith, node, pod, scoresOf, totalsOf } from './testFixtures';

/** A generator that records every draw (bound and result). */
function recording(seed: number): { rng: Pick<Rng, 'int'>; draws: number[] } {
  const r = createRng(seed);
  const draws: number[] = [];
  return {
    draws,
    rng: {
      int: (max: number) => {
        const v = r.int(max);
        draws.push(max, v);
        return v;
      },
    },
  };
}

const rsOf = (app: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: app, namespace: 'default' }, spec: { selector: { matchLabels: { app } } } });

function detail(o: ScheduleOutcome, fw: SchedulingFramework) {
  if (!o.scored) return undefined;
  return { totals: totalsOf(o), scores: SCORE_PLUGINS.map(({ plugin }) => scoresOf(o, plugin.name, fw)) };
}

/**
 * One cycle of `p` through both frameworks with the same seed: both
 * outcomes, after checking they agree on the node, the draws and every
 * score the decision log shows (the fast path's detail read before the
 * reference cycle reuses anything).
 */
function bothPaths(fast: SchedulingFramework, reference: SchedulingFramework, p: ReturnType<typeof pod>, cache: ReturnType<typeof cacheWith>, seed: number, start: number) {
  const x = recording(seed);
  const y = recording(seed);
  const a = fast.schedulePod(new PodInfo(p), cache, x.rng, start);
  const da = detail(a, fast);
  const b = reference.schedulePod(new PodInfo(p), cache, y.rng, start);
  expect([a.kind, a.node?.name, a.chosenIndex, a.evaluated, a.feasible, a.message]).toEqual([b.kind, b.node?.name, b.chosenIndex, b.evaluated, b.feasible, b.message]);
  expect(x.draws).toEqual(y.draws);
  expect(da).toEqual(detail(b, reference));
  return a;
}

describe('hostname-spread index', () => {
  it('places pods exactly as the plugin-by-plugin path while nodes fill, change and come and go', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const world = createRng(99);
    let indexed = 0;
    let withRejected = 0;
    for (let round = 0; round < 6; round++) {
      // Over 100 nodes, so that a cycle scores a window of the list (and the windows wrap).
      const count = 90 + world.int(250);
      const spec = (i: number, o: { cpu?: string; labels?: Record<string, string> } = {}): NodeObject =>
        node(`n${i}`, { cpu: o.cpu ?? String(2 + world.int(6)), memory: `${4 + world.int(12)}Gi`, pods: 10 + world.int(60), labels: o.labels });
      const nodes = Array.from({ length: count }, (_, i) => spec(i));
      const cache = cacheWith(nodes);
      cache.upsertObject('replicasets.apps', rsOf('web'), false);
      cache.upsertObject('replicasets.apps', rsOf('db'), false);
      const placed: { key: string; node: string }[] = [];
      let start = world.int(count);
      let added = count;
      const bare: number[] = [];
      for (let i = 0; i < 160; i++) {
        // Mostly one workload in a row (the index's case), sometimes the other or other requests.
        const app = world.int(6) === 0 ? 'db' : 'web';
        const cpu = world.int(8) === 0 ? '250m' : '100m';
        const p = pod(`s${round}-${i}`, { labels: { app }, ...(world.int(15) === 0 ? {} : { cpu, memory: '128Mi' }) });
        const a = bothPaths(fast, reference, p, cache, world.int(1e9), start);
        if (a.buffers.countSpread >= 0) {
          indexed++;
          if (!a.buffers.allFeasible) withRejected++;
        }
        start = a.nextStartIndex;
        if (a.node) {
          const info = new PodInfo({ ...p, spec: { ...p.spec!, nodeName: a.node.name } });
          cache.addPod(info, a.node.name);
          placed.push({ key: info.key, node: a.node.name });
        }
        // Between cycles: pods leave, nodes get relabelled, resized, added, removed.
        const change = world.int(12);
        const target = world.int(added);
        if (change === 0 && placed.length > 0) cache.removePod(placed.splice(world.int(placed.length), 1)[0].key);
        else if (change === 1 && !bare.includes(target)) cache.upsertNode(spec(target, { labels: { extra: String(i) } }));
        else if (change === 2 && !bare.includes(target)) cache.upsertNode(spec(target, { cpu: '16' }));
        else if (change === 3) cache.upsertNode(spec(added++));
        else if (change === 4 && !bare.includes(target) && !placed.some((q) => q.node === `n${target}`)) cache.removeNode(`n${target}`);
        else if (change === 5 && bare.length === 0) {
          // A node without the hostname label: the node-by-node pass takes over while it is in the window.
          const b = spec(target);
          delete b.metadata.labels!['kubernetes.io/hostname'];
          if (cache.node(b.metadata.name)) cache.upsertNode(b);
          bare.push(target);
        } else if (change === 7 && !bare.includes(target)) {
          // Cordoned or tainted nodes are rejected inside the window: the index skips them.
          const n = spec(target);
          if (world.int(2) === 0) n.spec = { unschedulable: true };
          else n.spec = { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] };
          cache.upsertNode(n);
        } else if (change === 6 && bare.length > 0) {
          const t = bare.pop()!;
          if (cache.node(`n${t}`)) cache.upsertNode(spec(t));
        }
      }
    }
    // Most cycles went through the index, a good share of them with nodes rejected inside the window.
    expect(indexed).toBeGreaterThan(500);
    expect(withRejected).toBeGreaterThan(100);
  });

  it('reads node by node a block whose nodes have many different counts', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const world = createRng(5);
    // 0–9 matching pods per node: blocks of 16 nodes hold more distinct counts than they keep entries for.
    const nodes = Array.from({ length: 260 }, (_, i) => node(`n${i}`, { cpu: '8', memory: '32Gi' }));
    const pods = nodes.flatMap((n, i) => Array.from({ length: (i * 7) % 10 }, (_, j) => pod(`e${i}-${j}`, { nodeName: n.metadata.name, labels: { app: 'web' }, cpu: '100m', memory: '128Mi' })));
    const cache = cacheWith(nodes, pods);
    cache.upsertObject('replicasets.apps', rsOf('web'), false);
    let start = 0;
    for (let i = 0; i < 60; i++) {
      const p = pod(`m${i}`, { labels: { app: 'web' }, cpu: '100m', memory: '128Mi' });
      const a = bothPaths(fast, reference, p, cache, world.int(1e9), start);
      expect(a.buffers.countSpread).toBeGreaterThanOrEqual(0);
      start = a.nextStartIndex;
      cache.addPod(new PodInfo({ ...p, spec: { ...p.spec!, nodeName: a.node!.name } }), a.node!.name);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../lib/rng';
import { SchedulingFramework } from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins/index';
import { PodInfo } from './podInfo';
import { cacheWith, evaluatedOf, node, pod, scoresOf, statusesOf, totalsOf } from './testFixtures';

/** A random cluster: node sizes, zones, taints, cordons, images, existing pods of two ReplicaSets. */
function randomWorld(rng: Rng) {
  const zones = rng.int(3);
  // World-level switches, so that both the fused and the general paths get exercised.
  const softTaints = rng.int(4) === 0;
  const images = rng.int(3);
  const nodes = Array.from({ length: 5 + rng.int(150) }, (_, i) => {
    const labels: Record<string, string> = {};
    if (zones > 0 && rng.int(5) > 0) labels['topology.kubernetes.io/zone'] = `z${rng.int(zones)}`;
    const taints = rng.int(12) === 0 ? [{ key: 'dedicated', effect: softTaints && rng.int(2) ? 'PreferNoSchedule' : 'NoSchedule' }] : undefined;
    return node(`n${i}`, {
      cpu: String(1 + rng.int(8)),
      memory: `${1 + rng.int(16)}Gi`,
      pods: 3 + rng.int(20),
      ephemeral: rng.int(2) ? `${1 + rng.int(8)}Gi` : undefined,
      labels,
      taints,
      unschedulable: rng.int(20) === 0,
      images: images === 2 || (images === 1 && rng.int(3) === 0) ? [{ names: ['big:1'], sizeBytes: 400 * 1024 * 1024 }] : [],
    });
  });
  const pods = [];
  for (let i = 0; i < rng.int(300); i++) {
    const app = rng.int(2) ? 'web' : 'db';
    pods.push(pod(`e${i}`, { nodeName: `n${rng.int(nodes.length)}`, cpu: `${rng.int(500)}m`, memory: `${rng.int(512)}Mi`, labels: { app } }));
  }
  const cache = cacheWith(nodes, pods);
  if (rng.int(4) > 0) cache.upsertObject('replicasets.apps', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } }, false);
  return cache;
}

describe('default-profile fused kernel', () => {
  it('decides exactly as the plugin-by-plugin path', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const world = createRng(2024);
    for (let round = 0; round < 400; round++) {
      const cache = randomWorld(world);
      const seed = world.int(1e9);
      const start = world.int(1000);
      const image = world.int(3) === 0 ? 'big:1' : 'nginx:1.25';
      const requests: Record<string, string> = { cpu: `${world.int(900)}m`, memory: `${world.int(900)}Mi` };
      if (world.int(8) === 0) requests['ephemeral-storage'] = `${world.int(4)}Gi`;
      // Tolerating the taint: tainted nodes fail the quick check yet pass TaintToleration.
      const tolerations = world.int(3) === 0 ? [{ key: 'dedicated', operator: 'Exists' }] : undefined;
      const p = pod(`p${round}`, { labels: { app: 'web' }, spec: { tolerations }, containers: [{ name: 'c', image, resources: world.int(3) ? { requests } : {} }] });
      const a = fast.schedulePod(new PodInfo(p), cache, createRng(seed), start);
      const b = reference.schedulePod(new PodInfo(p), cache, createRng(seed), start);
      expect([a.kind, a.evaluated, a.feasible, a.nextStartIndex, a.node?.name, a.message]).toEqual([b.kind, b.evaluated, b.feasible, b.nextStartIndex, b.node?.name, b.message]);
      expect(evaluatedOf(a)).toEqual(evaluatedOf(b));
      expect(statusesOf(a)).toEqual(statusesOf(b));
      if (a.scored) {
        for (const { plugin } of SCORE_PLUGINS) expect(scoresOf(a, plugin.name)).toEqual(scoresOf(b, plugin.name));
        expect(totalsOf(a)).toEqual(totalsOf(b));
      }
    }
  });

  it('reuses per-node scores only while the node is unchanged (pods placed one after another)', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const world = createRng(7);
    for (let round = 0; round < 20; round++) {
      const cache = randomWorld(world);
      let start = 0;
      for (let i = 0; i < 40; i++) {
        // Mostly one workload's requests, sometimes another's: the memo must follow both.
        const cpu = world.int(4) === 0 ? '250m' : '100m';
        const p = pod(`r${round}-${i}`, { labels: { app: 'web' }, cpu, memory: '64Mi' });
        const seed = world.int(1e9);
        const a = fast.schedulePod(new PodInfo(p), cache, createRng(seed), start);
        const b = reference.schedulePod(new PodInfo(p), cache, createRng(seed), start);
        expect([a.node?.name, a.message]).toEqual([b.node?.name, b.message]);
        if (a.scored) expect(totalsOf(a)).toEqual(totalsOf(b));
        start = a.nextStartIndex;
        if (a.node) cache.addPod(new PodInfo({ ...p, spec: { ...p.spec!, nodeName: a.node.name } }), a.node.name);
      }
    }
  });

  it('vouches for a node without re-checking its room only while the node is unchanged (nodes filling up, cordons, taints, pods leaving)', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const world = createRng(11);
    for (let round = 0; round < 12; round++) {
      const nodes = Array.from({ length: 3 + world.int(30) }, (_, i) => node(`n${i}`, { cpu: String(1 + world.int(3)), memory: `${1 + world.int(4)}Gi`, pods: 2 + world.int(12) }));
      const cache = cacheWith(nodes);
      const placed: { key: string }[] = [];
      let start = 0;
      for (let i = 0; i < 120; i++) {
        const tolerations = world.int(3) === 0 ? [{ key: 'dedicated', operator: 'Exists' as const }] : undefined;
        const cpu = ['100m', '300m', '700m'][world.int(3)];
        const p = pod(`f${round}-${i}`, { labels: { app: 'web' }, cpu, memory: '256Mi', spec: { tolerations } });
        const seed = world.int(1e9);
        const a = fast.schedulePod(new PodInfo(p), cache, createRng(seed), start);
        const b = reference.schedulePod(new PodInfo(p), cache, createRng(seed), start);
        expect([a.kind, a.node?.name, a.message, a.evaluated, a.feasible]).toEqual([b.kind, b.node?.name, b.message, b.evaluated, b.feasible]);
        expect(statusesOf(a)).toEqual(statusesOf(b));
        if (a.scored) expect(totalsOf(a)).toEqual(totalsOf(b));
        start = a.nextStartIndex;
        if (a.node) {
          const info = new PodInfo({ ...p, spec: { ...p.spec!, nodeName: a.node.name } });
          cache.addPod(info, a.node.name);
          placed.push(info);
        }
        // Now and then a node gets cordoned, tainted or freed again, or a pod leaves.
        const change = world.int(10);
        const target = nodes[world.int(nodes.length)];
        if (change === 0) cache.upsertNode({ ...target, spec: { unschedulable: world.int(2) === 0 } });
        else if (change === 1) cache.upsertNode({ ...target, spec: world.int(2) === 0 ? { taints: [{ key: 'dedicated', effect: 'NoSchedule' }] } : {} });
        else if (change === 2 && placed.length > 0) cache.removePod(placed.splice(world.int(placed.length), 1)[0].key);
      }
    }
  });

  it('rebuilds its spread score per pod count when the range of counts changes, even to a narrower one', () => {
    const fast = new SchedulingFramework();
    const reference = new SchedulingFramework([...FILTER_PLUGINS], [...SCORE_PLUGINS]);
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    // Matching pods per node: 0..4 first (the table covers counts 0–4), then 2..3 (same node count, another range).
    const worlds = [[0, 1, 2, 3, 4], [2, 3, 3, 2, 3], [0, 1, 2, 3, 4]];
    worlds.forEach((counts, w) => {
      const nodes = counts.map((_, i) => node(`n${i}`));
      const pods = counts.flatMap((c, i) => Array.from({ length: c }, (_, j) => pod(`w${w}-${i}-${j}`, { nodeName: `n${i}`, labels: { app: 'web' }, cpu: '100m', memory: '64Mi' })));
      const cache = cacheWith(nodes, pods);
      cache.upsertObject('replicasets.apps', rs, false);
      const p = pod(`new-${w}`, { labels: { app: 'web' }, cpu: '100m', memory: '64Mi' });
      const a = fast.schedulePod(new PodInfo(p), cache, createRng(w), 0);
      const b = reference.schedulePod(new PodInfo(p), cache, createRng(w), 0);
      expect(a.scored).toBe(true);
      expect(scoresOf(a, 'PodTopologySpread')).toEqual(scoresOf(b, 'PodTopologySpread'));
      expect(totalsOf(a)).toEqual(totalsOf(b));
      expect(a.node?.name).toBe(b.node?.name);
    });
  });
});

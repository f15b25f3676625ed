import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { DecisionLog } from './decisionLog';
import { SchedulingFramework, selectHost } from './framework';
import { PodInfo } from './podInfo';
import { cacheWith, evaluatedOf, node, pod, scheduleIn } from './testFixtures';

const many = (n: number, opts: Parameters<typeof node>[1] = {}) => Array.from({ length: n }, (_, i) => node(`n${i}`, opts));

describe('sampling (percentageOfNodesToScore)', () => {
  it('checks every node on small clusters', () => {
    expect(scheduleIn(cacheWith(many(99)), pod('p')).evaluated).toBe(99);
  });

  it('stops after numFeasibleNodesToFind feasible nodes and carries the start index round-robin', () => {
    const cache = cacheWith(many(1000));
    const fw = new SchedulingFramework();
    const rng = createRng(1);
    const o1 = fw.schedulePod(new PodInfo(pod('a')), cache, rng, 0);
    expect([o1.evaluated, o1.feasible, o1.nextStartIndex]).toEqual([420, 420, 420]);
    expect(evaluatedOf(o1)[0]).toBe('n0');
    const o2 = fw.schedulePod(new PodInfo(pod('b')), cache, rng, o1.nextStartIndex);
    expect(evaluatedOf(o2)[0]).toBe('n420');
    expect(o2.nextStartIndex).toBe(840);
    const o3 = fw.schedulePod(new PodInfo(pod('c')), cache, rng, o2.nextStartIndex);
    expect(evaluatedOf(o3)[419]).toBe('n259');
    expect(o3.nextStartIndex).toBe(260);
  });

  it('rejected nodes count as processed: the walk goes on until enough fit', () => {
    const nodes = [...many(150, { cpu: '100m' }).slice(0, 50), ...many(150).slice(50)];
    const o = scheduleIn(cacheWith(nodes), pod('p', { cpu: '1' }));
    // 150 nodes → 100 feasible wanted; the first 50 are too small.
    expect([o.evaluated, o.feasible, o.nextStartIndex]).toEqual([150, 100, 0]);
  });

  it('a walk past many rejected nodes keeps every verdict and scores every feasible node', () => {
    // 1000 nodes → 420 feasible wanted; only the last 430 have room, so 990 are checked.
    const nodes = [...many(570, { cpu: '100m' }), ...many(1000).slice(570)];
    const fw = new SchedulingFramework();
    const log = new DecisionLog(fw.scorers, 1);
    const o = fw.schedulePod(new PodInfo(pod('p', { cpu: '1' })), cacheWith(nodes), createRng(1), 0, log.nextBuffers());
    expect([o.evaluated, o.feasible, o.scored]).toEqual([990, 420, true]);
    log.record('default/p', 'u', 0, o);
    const d = log.get('default/p')!;
    expect(d.nodes).toHaveLength(990);
    expect(d.nodes.filter((v) => v.failedPlugin === 'NodeResourcesFit')).toHaveLength(570);
    expect(d.nodes.filter((v) => v.total !== undefined)).toHaveLength(420);
  });

  it('an unschedulable pod checks every node', () => {
    const o = scheduleIn(cacheWith(many(5000, { cpu: '1' })), pod('p', { cpu: '2' }));
    expect([o.evaluated, o.feasible]).toEqual([5000, 0]);
    expect(o.message).toBe('0/5000 nodes are available: 5000 Insufficient cpu. preemption: 0/5000 nodes are available: 5000 No preemption victims found for incoming pod.');
  });
});

describe('selectHost', () => {
  it('picks the highest total', () => {
    expect(selectHost(Float64Array.from([1, 5, 3]), 3, createRng(1))).toBe(1);
  });

  it('breaks ties uniformly with the seeded generator, the same way every run', () => {
    const picks = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 3000 }, () => selectHost(Float64Array.from([7, 9, 9, 9]), 4, rng));
    };
    const a = picks(42);
    expect(a).toEqual(picks(42));
    for (const i of [1, 2, 3]) expect(a.filter((x) => x === i).length).toBeGreaterThan(900);
    expect(a.includes(0)).toBe(false);
  });
});

describe('a scheduling cycle', () => {
  it('with one feasible node skips scoring', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b', { unschedulable: true })]), pod('p'));
    expect([o.kind, o.node?.name, o.scored]).toEqual(['scheduled', 'a', false]);
  });

  it('no nodes at all', () => {
    expect(scheduleIn(cacheWith([]), pod('p')).message).toBe('no nodes available to schedule pods');
  });

  it('spreads identical pods over identical nodes once they are assumed', () => {
    const cache = cacheWith(many(4));
    const fw = new SchedulingFramework();
    const rng = createRng(3);
    let start = 0;
    const placed: string[] = [];
    for (let i = 0; i < 8; i++) {
      const p = pod(`p${i}`, { cpu: '100m', memory: '100Mi' });
      const o = fw.schedulePod(new PodInfo(p), cache, rng, start);
      start = o.nextStartIndex;
      placed.push(o.node!.name);
      cache.addPod(new PodInfo({ ...p, spec: { ...p.spec!, nodeName: o.node!.name } }), o.node!.name);
    }
    for (const n of ['n0', 'n1', 'n2', 'n3']) expect(placed.filter((x) => x === n)).toHaveLength(2);
  });
});

describe('decision log', () => {
  it('keeps per-node verdicts for recent decisions and a summary for older ones', () => {
    const fw = new SchedulingFramework();
    const log = new DecisionLog(fw.scorers, 2);
    const cache = cacheWith([node('a'), node('b', { taints: [{ key: 'x', effect: 'NoSchedule' }] }), node('c', { cpu: '2' })]);
    const rng = createRng(1);
    for (const name of ['p1', 'p2', 'p3']) log.record(`default/${name}`, name, 1000, fw.schedulePod(new PodInfo(pod(name, { cpu: '1' })), cache, rng, 0, log.nextBuffers()));
    const recent = log.get('default/p3')!;
    expect(recent.truncated).toBeUndefined();
    expect(recent.nodes.map((v) => v.node)).toEqual(['a', 'b', 'c']);
    expect(recent.nodes[1]).toEqual({ node: 'b', failedPlugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {x: }'] });
    expect(recent.nodes[0].scores).toMatchObject({ TaintToleration: 100, NodeResourcesFit: 86, NodeResourcesBalancedAllocation: 87 });
    expect(recent.nodes[0].total).toBe(300 + 86 + 87);
    expect(recent.weights).toMatchObject({ TaintToleration: 3, NodeAffinity: 2, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesFit: 1 });
    const old = log.get('default/p1')!;
    expect(old.truncated).toBe(true);
    expect(old.at).toBe(1000);
    expect(old.nodes).toEqual([{ node: 'a', scores: recent.nodes[0].scores, total: 473 }]);
    log.forget('default/p1');
    expect(log.get('default/p1')).toBeUndefined();
  });
});

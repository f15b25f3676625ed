import { describe, expect, it } from 'vitest';
import { SchedulingFramework } from './framework';
import { PodNominator } from './nominator';
import { PodInfo } from './podInfo';
import { selectVictimsOnNode } from './preemption/selectVictims';
import { cacheWith, evaluatedOf, feasibleOf, node, pod, scheduleIn } from './testFixtures';

const withPriority = (name: string, priority: number, cpu = '1') => pod(name, { cpu, spec: { priority } });

/** A framework whose queue has `preemptor` nominated to `nodeName`. */
function nominated(preemptor: ReturnType<typeof pod>, nodeName: string) {
  const fw = new SchedulingFramework();
  const nominator = new PodNominator();
  fw.nominator = nominator;
  const info = new PodInfo(preemptor);
  nominator.set(info.key, nodeName, info);
  return { fw, nominator, info };
}

describe('pods nominated to a node (PodNominator, RunFilterPluginsWithNominatedPods)', () => {
  it('a pod of the same or lower priority is filtered as if the nominated pod already ran there', () => {
    // n1 has 1 CPU free; the preemptor (priority 1000, 1 CPU) waits for it.
    const cache = cacheWith([node('n1', { cpu: '2' }), node('n2', { cpu: '1' })], [pod('running', { cpu: '1', nodeName: 'n1' }), pod('full', { cpu: '1', nodeName: 'n2' })]);
    const { fw } = nominated(withPriority('high', 1000), 'n1');
    const low = scheduleIn(cache, withPriority('low', 0), { framework: fw });
    expect(low.kind).toBe('unschedulable');
    expect(low.message).toMatch(/^0\/2 nodes are available: 2 Insufficient cpu\./);
    // Equal priority: held back too.
    expect(scheduleIn(cache, withPriority('peer', 1000), { framework: fw }).kind).toBe('unschedulable');
    // A more important pod is not held back by it.
    const higher = scheduleIn(cache, withPriority('higher', 2000), { framework: fw });
    expect(higher.kind).toBe('scheduled');
    expect(feasibleOf(higher)).toEqual(['n1']);
    // Without the nomination the low pod fits.
    expect(scheduleIn(cache, withPriority('low2', 0)).kind).toBe('scheduled');
  });

  it('the nominated pod tries its node first and alone (evaluateNominatedNode)', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`));
    const cache = cacheWith(nodes);
    const high = withPriority('high', 1000);
    const { fw } = nominated(high, 'n7');
    const o = scheduleIn(cache, high, { framework: fw, start: 0 });
    expect([o.kind, o.node?.name, o.evaluated, o.feasible, o.scored]).toEqual(['scheduled', 'n7', 1, 1, false]);
    expect(evaluatedOf(o)).toEqual(['n7']);
    // Nominated to a node that cannot take it now: the usual search over every node.
    const { fw: fw2 } = nominated(high, 'gone');
    expect(scheduleIn(cache, high, { framework: fw2 }).evaluated).toBe(10);
  });

  it("counts only pods of the same or higher priority, the pod's own nomination aside", () => {
    const nominator = new PodNominator();
    const add = (p: ReturnType<typeof pod>, n: string) => {
      const info = new PodInfo(p);
      nominator.set(info.key, n, info);
      return info;
    };
    const a = add(withPriority('a', 100, '500m'), 'n1');
    add(withPriority('b', 10, '1'), 'n1');
    add(withPriority('c', 100, '2'), 'n2');
    const loads = nominator.loadsFor(new PodInfo(withPriority('me', 100)))!;
    expect([...loads.entries()].map(([n, l]) => [n, l.pods, l.cpu])).toEqual([
      ['n1', 1, 500],
      ['n2', 1, 2000],
    ]);
    expect(nominator.loadsFor(a)!.has('n1')).toBe(false);
    expect(nominator.lowerPriorityOn('n1', 100).length).toBe(1);
    nominator.delete(a.key);
    expect(nominator.nodeOf(a.key)).toBeUndefined();
  });

  it("preemption's dry run counts the pods nominated to the node: more victims, or none", () => {
    // n1: two low pods of 1 CPU each on 2 CPU; a nominated pod of priority 1000 waits for 1 CPU there.
    const lows = [withPriority('l1', 0), withPriority('l2', 0)].map((p) => ({ ...p, spec: { ...p.spec!, nodeName: 'n1' } }));
    const cache = cacheWith([node('n1', { cpu: '2' })], lows);
    const n1 = cache.nodes[0];
    const preemptor = new PodInfo(withPriority('second', 1000));
    const plain = selectVictimsOnNode(preemptor, n1, []);
    expect('victims' in plain && plain.victims.length).toBe(1);
    const load = { pods: 1, cpu: 1000, memory: 0, ephemeralStorage: 0, scalar: null };
    const withNominated = selectVictimsOnNode(preemptor, n1, [], load);
    expect('victims' in withNominated && withNominated.victims.length).toBe(2);
  });

  it("a nominated pod's host ports count as bound on its node: a pod asking for the same port goes elsewhere", () => {
    const port = (name: string, priority: number) => pod(name, { spec: { priority }, containers: [{ name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    const cache = cacheWith([node('n1'), node('n2')]);
    const { fw } = nominated(port('high', 1000), 'n1');
    const peer = scheduleIn(cache, port('peer', 1000), { framework: fw });
    expect([peer.kind, peer.node?.name]).toEqual(['scheduled', 'n2']);
    expect(feasibleOf(peer)).toEqual(['n2']);
    // Another port, or a more important pod, is not held back.
    const other = pod('other', { spec: { priority: 1000 }, containers: [{ name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80, hostPort: 9090 }] }] });
    expect(feasibleOf(scheduleIn(cache, other, { framework: fw })).sort()).toEqual(['n1', 'n2']);
    expect(feasibleOf(scheduleIn(cache, port('higher', 2000), { framework: fw })).sort()).toEqual(['n1', 'n2']);
    // With every node's port taken by a nominated pod, kube-scheduler's message names the ports.
    const { fw: both, nominator } = nominated(port('high', 1000), 'n1');
    const second = new PodInfo(port('high2', 1000));
    nominator.set(second.key, 'n2', second);
    const blocked = scheduleIn(cache, port('late', 0), { framework: both });
    expect(blocked.message).toMatch(/^0\/2 nodes are available: 2 node\(s\) didn't have free ports for the requested pod ports\./);
  });

  it("preemption's dry run sees the ports of the pods nominated to the node", () => {
    const withPort = (name: string, priority: number, nodeName?: string) =>
      pod(name, { spec: { priority, ...(nodeName ? { nodeName } : {}) }, containers: [{ name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    const cache = cacheWith([node('n1')], [withPriority('low', 0, '1')].map((p) => ({ ...p, spec: { ...p.spec!, nodeName: 'n1' } })));
    const preemptor = new PodInfo(withPort('second', 1000));
    const load = { pods: 1, cpu: 0, memory: 0, ephemeralStorage: 0, scalar: null, nominatedPods: [new PodInfo(withPort('first', 1000))] };
    expect(selectVictimsOnNode(preemptor, cache.nodes[0], [], load)).toMatchObject({ reasons: ["node(s) didn't have free ports for the requested pod ports"] });
  });
});

describe('pods nominated to a node, as InterPodAffinity and PodTopologySpread see them (their AddPod extensions)', () => {
  const HOST = 'kubernetes.io/hostname';
  const term = (app: string) => ({ labelSelector: { matchLabels: { app } }, topologyKey: HOST });
  const labelled = (name: string, app: string, spec: Record<string, unknown> = {}) => pod(name, { labels: { app }, spec: { priority: 1000, ...spec } });

  it('a required anti-affinity keeps the pod off the node a matching pod is nominated to', () => {
    const cache = cacheWith([node('n1'), node('n2')]);
    const { fw } = nominated(labelled('db-0', 'db'), 'n1');
    const web = labelled('web', 'web', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } } });
    const o = scheduleIn(cache, web, { framework: fw });
    expect([o.kind, o.node?.name]).toEqual(['scheduled', 'n2']);
    expect(feasibleOf(o)).toEqual(['n2']);
    // Without the nomination both nodes fit.
    expect(feasibleOf(scheduleIn(cache, web)).sort()).toEqual(['n1', 'n2']);
  });

  it("a nominated pod's own required anti-affinity counts once the plugin runs for the pod (and, as upstream, not when it is skipped)", () => {
    const guard = labelled('guard', 'guard', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] } } });
    // A running pod whose anti-affinity matches the incoming pod makes the plugin run (it keeps the pod off n3).
    const other = pod('other', { labels: { app: 'x' }, nodeName: 'n3', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] } } } });
    const cache = cacheWith([node('n1'), node('n2'), node('n3')], [other]);
    const { fw } = nominated(guard, 'n1');
    const o = scheduleIn(cache, labelled('web', 'web'), { framework: fw });
    expect(feasibleOf(o)).toEqual(['n2']);
    // No running pod's anti-affinity matches it: InterPodAffinity's PreFilter skips the plugin, nominations and all.
    const bare = cacheWith([node('n1'), node('n2')]);
    expect(feasibleOf(scheduleIn(bare, labelled('web', 'web'), { framework: nominated(guard, 'n1').fw })).sort()).toEqual(['n1', 'n2']);
  });

  it('a required affinity met only by a nominated pod does not count: the filter must pass without it too', () => {
    const cache = cacheWith([node('n1'), node('n2')]);
    const { fw } = nominated(labelled('db-0', 'db'), 'n1');
    const web = labelled('web', 'web', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } } });
    const o = scheduleIn(cache, web, { framework: fw });
    expect(o.kind).toBe('unschedulable');
    expect(o.message).toMatch(/^0\/2 nodes are available: 2 node\(s\) didn't match pod affinity rules\./);
  });

  it('a topology spread constraint counts the matching pod nominated to the node', () => {
    const cache = cacheWith([node('n1'), node('n2')]);
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOST, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] };
    const { fw } = nominated(labelled('web-0', 'web', spread), 'n1');
    const o = scheduleIn(cache, labelled('web-1', 'web', spread), { framework: fw });
    expect(feasibleOf(o)).toEqual(['n2']);
    // A nominated pod the selector does not match changes nothing.
    expect(feasibleOf(scheduleIn(cache, labelled('web-2', 'web', spread), { framework: nominated(labelled('db-0', 'db'), 'n1').fw })).sort()).toEqual(['n1', 'n2']);
  });
});

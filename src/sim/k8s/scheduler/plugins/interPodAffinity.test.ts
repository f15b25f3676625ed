import type { Affinity } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cacheWith, evaluatedOf, feasibleOf, node, pod, scheduleIn, scoresOf, statusesOf } from '../testFixtures';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const zoned = (name: string, zone?: string) => node(name, zone ? { labels: { [ZONE]: zone } } : {});
const withAffinity = (name: string, affinity: Affinity, labels: Record<string, string> = {}, nodeName?: string) => pod(name, { labels, nodeName, spec: { affinity } });
const feasible = (o: ReturnType<typeof scheduleIn>) => feasibleOf(o).sort();
const statusOf = (o: ReturnType<typeof scheduleIn>, name: string) => statusesOf(o)[evaluatedOf(o).indexOf(name)];
const term = (labels: Record<string, string>, topologyKey = HOST) => ({ labelSelector: { matchLabels: labels }, topologyKey });

describe('InterPodAffinity filter', () => {
  it('required anti-affinity keeps replicas apart (hostname)', () => {
    const cache = cacheWith([node('a'), node('b')], [pod('w1', { nodeName: 'a', labels: { app: 'web' } })]);
    const o = scheduleIn(cache, withAffinity('w2', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } }, { app: 'web' }));
    expect(feasible(o)).toEqual(['b']);
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'InterPodAffinity', code: 'Unschedulable', reasons: ["node(s) didn't match pod anti-affinity rules"] });
  });

  it("existing pods' required anti-affinity rejects the incoming pod", () => {
    const guard = withAffinity('g', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'noisy' }, ZONE)] } }, {}, 'a');
    const cache = cacheWith([zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')], [guard]);
    const o = scheduleIn(cache, pod('n', { labels: { app: 'noisy' } }));
    expect(feasible(o)).toEqual(['c']);
    expect(statusOf(o, 'a')?.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
  });

  it('required affinity needs a matching pod in the same domain; nodes without the key fail', () => {
    const cache = cacheWith([zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2'), zoned('d')], [pod('db', { nodeName: 'a', labels: { app: 'db' } })]);
    const o = scheduleIn(cache, withAffinity('w', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, ZONE)] } }));
    expect(feasible(o)).toEqual(['a', 'b']);
    expect(statusOf(o, 'c')).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod affinity rules"] });
    expect(statusOf(o, 'd')?.reasons).toEqual(["node(s) didn't match pod affinity rules"]);
  });

  it('the first pod of a self-affine group may go anywhere with the topology key', () => {
    const cache = cacheWith([zoned('a', 'z1'), zoned('b')]);
    const o = scheduleIn(cache, withAffinity('w', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, ZONE)] } }, { app: 'web' }));
    expect(feasible(o)).toEqual(['a']);
  });

  it('terms look only in their namespaces (default: the pod namespace)', () => {
    const cache = cacheWith([node('a'), node('b')], [pod('w1', { nodeName: 'a', labels: { app: 'web' }, namespace: 'other' })]);
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } };
    expect(scheduleIn(cache, withAffinity('w2', anti, { app: 'web' })).feasible).toBe(2);
    const allNs = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term({ app: 'web' }), namespaceSelector: {} }] } };
    expect(feasible(scheduleIn(cache, withAffinity('w3', allNs, { app: 'web' })))).toEqual(['b']);
  });
});

describe('InterPodAffinity score', () => {
  const db = pod('db', { nodeName: 'a', labels: { app: 'db' } });
  it('preferred affinity pulls towards the matching pod', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b'), node('c')], [db]), withAffinity('w', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: term({ app: 'db' }) }] } }));
    expect(scoresOf(o, 'InterPodAffinity')).toEqual({ a: 100, b: 0, c: 0 });
  });

  it('preferred anti-affinity pushes away', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b')], [db]), withAffinity('w', { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: term({ app: 'db' }) }] } }));
    expect(scoresOf(o, 'InterPodAffinity')).toEqual({ a: 0, b: 100 });
  });

  it("an existing pod's required affinity to the incoming pod counts with weight 1", () => {
    const fan = withAffinity('f', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } }, {}, 'b');
    const o = scheduleIn(cacheWith([node('a'), node('b')], [fan]), pod('w', { labels: { app: 'web' } }));
    expect(scoresOf(o, 'InterPodAffinity')).toEqual({ a: 0, b: 100 });
  });

  it('is skipped when nothing relates', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b')], [db]), pod('w'));
    expect(scoresOf(o, 'InterPodAffinity')).toEqual({ a: 0, b: 0 });
  });
});

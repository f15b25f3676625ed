import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { PodInfo } from '../podInfo';
import { cacheWith, feasibleOf, node, pod, scheduleIn, scoresOf, statusesOf } from '../testFixtures';

const web = { app: 'web' };
const on = (name: string, nodeName: string, labels: Record<string, string> = web) => pod(name, { nodeName, labels });
const hostSpread = (maxSkew: number, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey: 'kubernetes.io/hostname',
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchLabels: web },
  ...extra,
});
const feasible = (o: ReturnType<typeof scheduleIn>) => feasibleOf(o);
const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: web } } };

describe('PodTopologySpread filter (DoNotSchedule)', () => {
  it('keeps matching + self − global minimum ≤ maxSkew', () => {
    const cache = cacheWith([node('a'), node('b'), node('c')], [on('1', 'a'), on('2', 'a'), on('3', 'b')]);
    const o = scheduleIn(cache, pod('p', { labels: web, spec: { topologySpreadConstraints: [hostSpread(1)] } }));
    expect(feasible(o)).toEqual(['c']);
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'PodTopologySpread', code: 'Unschedulable', reasons: ["node(s) didn't match pod topology spread constraints"] });
    expect(scheduleIn(cache, pod('q', { labels: web, spec: { topologySpreadConstraints: [hostSpread(2)] } })).feasible).toBe(2);
  });

  it('rejects nodes without the topology key as unresolvable', () => {
    const cache = cacheWith([node('a', { labels: { 'topology.kubernetes.io/zone': 'z1' } }), node('b')]);
    const o = scheduleIn(cache, pod('p', { labels: web, spec: { topologySpreadConstraints: [hostSpread(1, { topologyKey: 'topology.kubernetes.io/zone' })] } }));
    expect(feasible(o)).toEqual(['a']);
    expect(statusesOf(o)[1]).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] });
  });

  it('minDomains above the domain count makes the global minimum 0', () => {
    const cache = cacheWith([node('a'), node('b')], [on('1', 'a'), on('2', 'b')]);
    const o = scheduleIn(cache, pod('p', { labels: web, spec: { topologySpreadConstraints: [hostSpread(1, { minDomains: 3 })] } }));
    expect(o.feasible).toBe(0);
  });

  it('ignores terminating pods and other namespaces', () => {
    const dying = { ...on('1', 'a'), metadata: { ...on('1', 'a').metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    const other = pod('2', { nodeName: 'a', labels: web, namespace: 'other' });
    const cache = cacheWith([node('a'), node('b')], [dying, other]);
    expect(scheduleIn(cache, pod('p', { labels: web, spec: { topologySpreadConstraints: [hostSpread(1)] } })).feasible).toBe(2);
  });

  it('only nodes matching the pod node affinity count (nodeAffinityPolicy Honor)', () => {
    // Node b is excluded by the selector, so its pods do not raise the minimum domain… b has 0, a has 1.
    const cache = cacheWith([node('a', { labels: { pool: 'x' } }), node('b'), node('c', { labels: { pool: 'x' } })], [on('1', 'a'), on('2', 'c')]);
    const o = scheduleIn(cache, pod('p', { labels: web, spec: { nodeSelector: { pool: 'x' }, topologySpreadConstraints: [hostSpread(1)] } }));
    expect(feasible(o)).toEqual(['a', 'c']);
  });
});

describe('PodTopologySpread score', () => {
  it('system defaults spread replicas of a ReplicaSet across hostnames', () => {
    const cache = cacheWith([node('a'), node('b')], [on('1', 'a'), on('2', 'a')]);
    cache.upsertObject('replicasets.apps', rs, false);
    // a: round(2·ln 4 + 2) = 5, b: 2 → normalised 100·(max+min−s)/max.
    expect(scoresOf(scheduleIn(cache, pod('p', { labels: web })), 'PodTopologySpread')).toEqual({ a: 40, b: 100 });
  });

  it('system defaults also weigh zones', () => {
    const z = (zone: string) => ({ labels: { 'topology.kubernetes.io/zone': zone } });
    const cache = cacheWith([node('a', z('z1')), node('b', z('z1')), node('c', z('z2'))], [on('1', 'a'), on('2', 'c')]);
    cache.upsertObject('replicasets.apps', rs, false);
    expect(scoresOf(scheduleIn(cache, pod('p', { labels: web })), 'PodTopologySpread')).toEqual({ a: 77, b: 100, c: 77 });
  });

  it('a Service selecting the pod is enough for the default constraints', () => {
    const cache = cacheWith([node('a'), node('b')], [on('1', 'a')]);
    cache.upsertObject('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: web } }, false);
    const s = scoresOf(scheduleIn(cache, pod('p', { labels: web })), 'PodTopologySpread');
    expect(s.b).toBeGreaterThan(s.a);
  });

  it('is skipped for a pod nothing selects', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b')], [on('1', 'a')]), pod('p', { labels: web }));
    expect(scoresOf(o, 'PodTopologySpread')).toEqual({ a: 0, b: 0 });
  });

  it('soft constraints of the pod itself (ScheduleAnyway) ignore nodes without the key', () => {
    const c: TopologySpreadConstraint = { maxSkew: 1, topologyKey: 'rack', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: web } };
    const cache = cacheWith([node('a', { labels: { rack: 'r1' } }), node('b', { labels: { rack: 'r2' } }), node('c')], [on('1', 'a')]);
    // a: round(1·ln 4 + 0) = 1, b: 0 → max 1, min 0: a 0, b 100; c ignored → 0.
    expect(scoresOf(scheduleIn(cache, pod('p', { labels: web, spec: { topologySpreadConstraints: [c] } })), 'PodTopologySpread')).toEqual({ a: 0, b: 100, c: 0 });
  });

  it('counts follow pods coming and going (incremental counters)', () => {
    const cache = cacheWith([node('a'), node('b')], [on('1', 'a'), on('2', 'a')]);
    cache.upsertObject('replicasets.apps', rs, false);
    expect(scoresOf(scheduleIn(cache, pod('p', { labels: web })), 'PodTopologySpread')).toEqual({ a: 40, b: 100 });
    cache.removePod('default/1');
    cache.removePod('default/2');
    cache.addPod(new PodInfo(on('3', 'b')), 'b');
    expect(scoresOf(scheduleIn(cache, pod('p', { labels: web })), 'PodTopologySpread')).toEqual({ a: 100, b: 66 });
  });
});

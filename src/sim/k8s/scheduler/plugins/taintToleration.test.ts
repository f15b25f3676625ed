import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, scoresOf, statusesOf } from '../testFixtures';

const cp: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  it.each<[string, Taint[], Toleration[] | undefined, string | undefined]>([
    ['untolerated NoSchedule taint with empty value', [cp], undefined, "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
    ['value is printed', [{ key: 'gpu', value: 'true', effect: 'NoExecute' }], undefined, 'node(s) had untolerated taint {gpu: true}'],
    ['tolerated by Exists on the key', [cp], [{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }], undefined],
    ['tolerated by an empty key with Exists (tolerate everything)', [cp], [{ operator: 'Exists' }], undefined],
    ['Equal needs the same value', [{ key: 'k', value: 'a', effect: 'NoSchedule' }], [{ key: 'k', value: 'b' }], 'node(s) had untolerated taint {k: a}'],
    ['Equal with the same value', [{ key: 'k', value: 'a', effect: 'NoSchedule' }], [{ key: 'k', operator: 'Equal', value: 'a' }], undefined],
    ['a toleration for another effect does not count', [cp], [{ key: cp.key, operator: 'Exists', effect: 'NoExecute' }], "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
    ['PreferNoSchedule never filters', [{ key: 'soft', effect: 'PreferNoSchedule' }], undefined, undefined],
    ['the first untolerated taint is reported', [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }], [{ key: 'a', operator: 'Exists' }], 'node(s) had untolerated taint {b: }'],
  ])('%s', (_n, taints, tolerations, reason) => {
    const o = scheduleIn(cacheWith([node('n', { taints })]), pod('p', { spec: tolerations ? { tolerations } : {} }));
    expect(statusesOf(o)[0]?.reasons[0]).toBe(reason);
    if (reason) expect(statusesOf(o)[0]).toMatchObject({ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable' });
  });
});

describe('TaintToleration score', () => {
  const soft = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });
  it('no PreferNoSchedule taints anywhere: 100 everywhere', () => {
    expect(scoresOf(scheduleIn(cacheWith([node('a'), node('b')]), pod('p')), 'TaintToleration')).toEqual({ a: 100, b: 100 });
  });

  it('fewer untolerated PreferNoSchedule taints score higher (100 − n·100/max)', () => {
    const cache = cacheWith([node('a'), node('b', { taints: [soft('x')] }), node('c', { taints: [soft('x'), soft('y')] })]);
    expect(scoresOf(scheduleIn(cache, pod('p')), 'TaintToleration')).toEqual({ a: 100, b: 50, c: 0 });
  });

  it('tolerations without an effect or with PreferNoSchedule count', () => {
    const cache = cacheWith([node('a'), node('b', { taints: [soft('x'), soft('y')] })]);
    const p = pod('p', { spec: { tolerations: [{ key: 'x', operator: 'Exists' }, { key: 'y', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(scoresOf(scheduleIn(cache, p), 'TaintToleration')).toEqual({ a: 100, b: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, statusesOf } from '../testFixtures';

describe('NodeUnschedulable filter', () => {
  it('rejects a cordoned node, unresolvable', () => {
    const o = scheduleIn(cacheWith([node('n', { unschedulable: true })]), pod('p'));
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
  });

  it('lets through pods tolerating node.kubernetes.io/unschedulable:NoSchedule (DaemonSet pods)', () => {
    const tol = { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' };
    expect(scheduleIn(cacheWith([node('n', { unschedulable: true })]), pod('p', { spec: { tolerations: [tol] } })).node?.name).toBe('n');
  });

  it('runs before TaintToleration: a cordoned tainted node reports the cordon', () => {
    const o = scheduleIn(cacheWith([node('n', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] })]), pod('p'));
    expect(statusesOf(o)[0]?.plugin).toBe('NodeUnschedulable');
  });
});

describe('NodeName filter', () => {
  it('a pod naming a node fits only that node', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b')]), pod('p', { spec: { nodeName: 'b' } }));
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'NodeName', reasons: ["node(s) didn't match the requested node name"] });
    expect(o.node?.name).toBe('b');
  });
});

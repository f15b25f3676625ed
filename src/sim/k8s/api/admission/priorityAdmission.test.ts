import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { KubeObject } from '../types';

const pod = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra });
const message = (r: { ok: boolean; status?: { message: string } }) => (r.ok ? 'ok' : r.status!.message);

describe('the Priority admission plugin', () => {
  it('resolves priorityClassName to priority and preemptionPolicy, the built-in system classes included', () => {
    const c = createCluster().client();
    c.create(pc('high', 1000000, { preemptionPolicy: 'Never' }));
    const r = c.create<KubeObject & { spec: Record<string, unknown> }>(pod('a', { priorityClassName: 'high' }));
    expect(r.ok && r.object.spec).toMatchObject({ priority: 1000000, preemptionPolicy: 'Never', priorityClassName: 'high' });
    const sys = c.create<KubeObject & { spec: Record<string, unknown> }>(pod('b', { priorityClassName: 'system-cluster-critical' }));
    expect(sys.ok && sys.object.spec).toMatchObject({ priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('refuses a missing class, and a priority or preemptionPolicy that disagrees with the class', () => {
    const c = createCluster().client();
    expect(message(c.create(pod('a', { priorityClassName: 'nope' })))).toBe('pods "a" is forbidden: no PriorityClass with name nope was found');
    expect(message(c.create(pod('b', { priority: 5 })))).toBe('pods "b" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
    expect(message(c.create(pod('c', { preemptionPolicy: 'Never' })))).toBe('pods "c" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name');
  });

  it('gives class-less pods the globalDefault class; only one class may be the default', () => {
    const c = createCluster().client();
    expect(message(c.create(pc('default-low', 100, { globalDefault: true })))).toBe('ok');
    expect(message(c.create(pc('another', 200, { globalDefault: true })))).toBe('priorityclasses.scheduling.k8s.io "another" is forbidden: PriorityClass default-low is already marked as default. Only one default can exist');
    const r = c.create<KubeObject & { spec: Record<string, unknown> }>(pod('a'));
    expect(r.ok && r.object.spec).toMatchObject({ priority: 100, priorityClassName: 'default-low' });
  });

  it('gives each new pod the default class of that moment, as the classes come and go', () => {
    const c = createCluster().client();
    const spec = (name: string) => {
      const r = c.create<KubeObject & { spec: Record<string, unknown> }>(pod(name));
      return r.ok ? [r.object.spec.priority, r.object.spec.priorityClassName] : r.status.message;
    };
    expect(spec('a')).toEqual([0, undefined]);
    expect(message(c.create(pc('default-low', 100, { globalDefault: true })))).toBe('ok');
    expect(spec('b')).toEqual([100, 'default-low']);
    expect(spec('c')).toEqual([100, 'default-low']);
    expect(message(c.delete('priorityclasses.scheduling.k8s.io', undefined, 'default-low'))).toBe('ok');
    expect(spec('d')).toEqual([0, undefined]);
    expect(message(c.create(pc('default-high', 300, { globalDefault: true })))).toBe('ok');
    expect(spec('e')).toEqual([300, 'default-high']);
  });

  it('serves the two system classes, which cannot be deleted', () => {
    const c = createCluster().client();
    expect(c.list('priorityclasses.scheduling.k8s.io').map((o) => [o.metadata.name, o.value])).toEqual([['system-cluster-critical', 2000000000], ['system-node-critical', 2000001000]]);
    expect(message(c.delete('priorityclasses.scheduling.k8s.io', undefined, 'system-node-critical'))).toBe('priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted');
  });
});

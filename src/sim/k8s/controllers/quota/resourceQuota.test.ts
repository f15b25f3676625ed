import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';

const quota = `
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec:
  hard: {pods: "2", requests.cpu: "1", count/configmaps: "2"}
`;
const pod = (name: string, cpu?: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: c, image: nginx${cpu ? `, resources: {requests: {cpu: ${cpu}}}` : ''}}]
`;
const used = (w: ReturnType<typeof world>) => (w.client.get<KubeObject>('resourcequotas', 'default', 'compute')!.status as { used: Record<string, string> }).used;
const create = (w: ReturnType<typeof world>, yaml: string) => {
  try {
    w.apply(yaml);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('ResourceQuota', () => {
  it('a fresh quota gets status.hard and status.used at once (the namespace\'s kube-root-ca.crt counts as a ConfigMap)', () => {
    const q = world().apply(quota).client.get<KubeObject>('resourcequotas', 'default', 'compute')!;
    expect(q.status).toEqual({ hard: { 'count/configmaps': '2', pods: '2', 'requests.cpu': '1' }, used: { 'count/configmaps': '1', pods: '0', 'requests.cpu': '0' } });
  });

  it('counts pods and their requests, and releases them when the pod goes', () => {
    const w = world().apply(quota).apply(pod('a', '600m'));
    expect(used(w)).toMatchObject({ pods: '1', 'requests.cpu': '600m' });
    w.client.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 });
    w.advance('5s');
    expect(used(w)).toMatchObject({ pods: '0', 'requests.cpu': '0' });
  });

  it('rejects a pod that would exceed the quota with the API server\'s text', () => {
    const w = world().apply(quota).apply(pod('a', '600m'));
    expect(create(w, pod('b', '600m'))).toBe('pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1');
  });

  it('rejects a pod without the tracked requests: failed quota … must specify', () => {
    expect(create(world().apply(quota), pod('a'))).toBe('pods "a" is forbidden: failed quota: compute: must specify requests.cpu');
  });

  it('charges objects admitted at the same instant (the second ConfigMap is over)', () => {
    const w = world().apply(quota);
    const cm = (n: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, namespace: 'default' } });
    expect(w.client.create(cm('one')).ok).toBe(true);
    const second = w.client.create(cm('two'));
    expect(second.ok ? '' : second.status.message).toBe('configmaps "two" is forbidden: exceeded quota: compute, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2');
  });
});

describe('LimitRange', () => {
  const lr = `
apiVersion: v1
kind: LimitRange
metadata: {name: lr}
spec:
  limits:
  - type: Container
    max: {cpu: "1"}
    min: {cpu: 100m}
`;
  it('defaults limits to max and requests to the default limit, as SetDefaults_LimitRangeItem does', () => {
    const w = world().apply(lr).apply(pod('a'));
    expect(w.pods()[0].spec!.containers[0].resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
    expect(w.pods()[0].metadata.annotations!['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu request for container c; cpu limit for container c');
  });

  it('rejects requests under min', () => {
    expect(create(world().apply(lr), pod('a', '50m'))).toBe('pods "a" is forbidden: minimum cpu usage per Container is 100m, but request is 50m');
  });
});

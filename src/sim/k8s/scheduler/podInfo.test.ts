import { describe, expect, it } from 'vitest';
import { PodInfo } from './podInfo';
import { cacheWith, node, pod } from './testFixtures';

const term = { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' };

describe('PodInfo', () => {
  it('derives priority, host ports and inter-pod affinity terms from the spec', () => {
    const p = pod('web', {
      labels: { app: 'web' },
      spec: { priority: 100, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] }, podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term }] } } },
      containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }],
    });
    const info = new PodInfo(p);
    expect([info.key, info.namespace, info.name, info.uid, info.labels]).toEqual(['default/web', 'default', 'web', p.metadata.uid, { app: 'web' }]);
    expect([info.priority, info.hasAffinity, info.hasRequiredAntiAffinity, info.terminating]).toEqual([100, true, true, false]);
    expect(info.hostPorts).toEqual([{ ip: '0.0.0.0', protocol: 'TCP', port: 8080 }]);
    expect(info.requiredAntiAffinityTerms).toHaveLength(1);
    expect(info.requiredAntiAffinityTerms[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(info.preferredAffinityTerms.map((t) => t.weight)).toEqual([5]);
    expect([info.requiredAffinityTerms, info.preferredAntiAffinityTerms]).toEqual([[], []]);
  });

  it('a plain pod has no ports, priority 0 and no affinity', () => {
    const info = new PodInfo(pod('plain', { cpu: '100m' }));
    expect([info.priority, info.hasAffinity, info.hasRequiredAntiAffinity, info.hostPorts, info.requiredAffinityTerms]).toEqual([0, false, false, [], []]);
    expect(info.res.cpu).toBe(100);
  });

  it('a new version reuses the derived data and reads its own labels and termination', () => {
    const p = pod('web', { labels: { app: 'web' }, spec: { priority: 7 } });
    const first = new PodInfo(p);
    const next = new PodInfo({ ...p, metadata: { ...p.metadata, labels: { app: 'api' }, deletionTimestamp: '2024-01-01T00:00:00Z' } }, first);
    expect([next.priority, next.res, next.labels, next.terminating]).toEqual([7, first.res, { app: 'api' }, true]);
  });

  it('the cache knows which node each pod is counted on', () => {
    const cache = cacheWith([node('a'), node('b')]);
    const info = new PodInfo(pod('web', { cpu: '1' }));
    cache.addPod(info, 'a');
    expect(cache.podNode('default/web')?.name).toBe('a');
    expect(cache.cachedPod('default/web')).toBe(info);
    cache.addPod(info, 'b');
    expect([cache.podNode('default/web')?.name, cache.node('a')!.reqCpu, cache.node('b')!.reqCpu]).toEqual(['b', 0, 1000]);
    expect(cache.removePod('default/web')?.name).toBe('b');
    expect([cache.podNode('default/web'), info.cachedNode, cache.podCount]).toEqual([undefined, undefined, 0]);
  });
});

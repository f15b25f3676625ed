import { describe, expect, it } from 'vitest';
import { equalRevision, getPatch, newRevision } from './revisions';
import { getOrdinal, getPersistentVolumeClaimName, newStatefulSetPod, type StatefulSetObj } from './statefulSetUtil';

const set = (image = 'nginx:1.27'): StatefulSetObj => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', annotations: { note: 'x' } },
  spec: {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image }], volumes: [{ name: 'www', emptyDir: {} }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: {} }],
  },
});

describe('getOrdinal', () => {
  it.each([
    ['web-0', 0],
    ['web-12', 12],
    ['web-', -1],
    ['web-01', -1],
    ['web-x', -1],
    ['other-1', -1],
    ['web-1-2', -1],
  ])('%s -> %d', (name, ord) => expect(getOrdinal('web', name)).toBe(ord));
});

describe('newStatefulSetPod', () => {
  it('names the pod <set>-<i> with hostname, subdomain, identity labels and revision', () => {
    const pod = newStatefulSetPod(set(), 2, 'web-abc', true) as unknown as { metadata: { name: string; labels: object }; spec: { hostname: string; subdomain: string; volumes: object[] } };
    expect(pod.metadata.name).toBe('web-2');
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'web-abc' });
    expect(pod.spec).toMatchObject({ hostname: 'web-2', subdomain: 'nginx' });
  });

  it('replaces a template volume of the same name by the claim (or an emptyDir stand-in without claims)', () => {
    expect(getPersistentVolumeClaimName(set(), { metadata: { name: 'www' } }, 1)).toBe('www-web-1');
    const withClaims = newStatefulSetPod(set(), 1, 'r', true) as unknown as { spec: { volumes: object[] } };
    expect(withClaims.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }]);
    const without = newStatefulSetPod(set(), 1, 'r', false) as unknown as { spec: { volumes: object[] } };
    expect(without.spec.volumes).toEqual([{ name: 'www', emptyDir: {} }]);
  });
});

describe('ControllerRevisions', () => {
  it('record the template with $patch replace, named <set>-<hash>, stable per template and collisionCount', () => {
    const a = newRevision(set(), 1, 0);
    expect(getPatch(set()).spec.template.$patch).toBe('replace');
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(a.metadata.labels).toMatchObject({ app: 'nginx', 'controller.kubernetes.io/hash': a.metadata.name.slice(4) });
    expect(a.metadata.annotations).toEqual({ note: 'x' });
    expect(newRevision(set(), 5, 0).metadata.name).toBe(a.metadata.name);
    expect(newRevision(set(), 1, 1).metadata.name).not.toBe(a.metadata.name);
    expect(equalRevision(a, newRevision(set(), 2, 0))).toBe(true);
    expect(equalRevision(a, newRevision(set('nginx:1.26'), 2, 0))).toBe(false);
  });
});

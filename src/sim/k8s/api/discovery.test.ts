import { describe, expect, it } from 'vitest';
import { discoveryDocument, storageHashKey } from './discovery';
import { ResourceRegistry } from './resources';

const registry = new ResourceRegistry();
const doc = (path: string) => {
  const text = discoveryDocument(registry, path);
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown> & { resources: Record<string, unknown>[] });
};
const entry = (path: string, name: string) => JSON.stringify(doc(path)!.resources.find((r) => r.name === name));

describe('discovery documents', () => {
  it('lists the core resources with their subresources as a 1.3x API server does (entries copied from a real /api/v1)', () => {
    const core = doc('/api/v1')!;
    expect(core.kind).toBe('APIResourceList');
    expect(core.apiVersion).toBeUndefined();
    expect(entry('/api/v1', 'pods')).toBe('{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="}');
    expect(entry('/api/v1', 'pods/eviction')).toBe('{"name":"pods/eviction","singularName":"","namespaced":true,"group":"policy","version":"v1","kind":"Eviction","verbs":["create"]}');
    expect(entry('/api/v1', 'pods/log')).toBe('{"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]}');
    expect(entry('/api/v1', 'serviceaccounts/token')).toBe('{"name":"serviceaccounts/token","singularName":"","namespaced":true,"group":"authentication.k8s.io","version":"v1","kind":"TokenRequest","verbs":["create"]}');
    expect(entry('/api/v1', 'namespaces')).toBe('{"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["ns"],"storageVersionHash":"Q3oi5N2YM8M="}');
    const names = core.resources.map((r) => String(r.name));
    expect(names).toEqual([...names].sort());
    expect(names.slice(names.indexOf('pods'), names.indexOf('pods') + 10)).toEqual(['pods', 'pods/attach', 'pods/binding', 'pods/ephemeralcontainers', 'pods/eviction', 'pods/exec', 'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status']);
  });

  it('gives a workload its scale subresource in autoscaling/v1, and a kind without a status none', () => {
    expect(entry('/apis/apps/v1', 'deployments/scale')).toBe('{"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1","kind":"Scale","verbs":["get","patch","update"]}');
    expect(doc('/apis/apps/v1')!.resources.map((r) => r.name)).toEqual(['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']);
  });

  it('has upstream storage version hash for every served resource; HPA at v1 and v2 both hash its storage version, v2', () => {
    for (const info of registry.served) expect([storageHashKey(info), entry(`/${info.group ? `apis/${info.group}` : 'api'}/${info.version}`, info.resource)]).toEqual([storageHashKey(info), expect.stringContaining('"storageVersionHash":"')]);
    expect(entry('/apis/autoscaling/v1', 'horizontalpodautoscalers')).toContain('"storageVersionHash":"qwQve8ut294="');
    expect(entry('/apis/autoscaling/v2', 'horizontalpodautoscalers')).toContain('"storageVersionHash":"qwQve8ut294="');
  });

  it('lists the groups in the aggregator priority order, each version with the preferred one first', () => {
    const list = doc('/apis') as unknown as { kind: string; groups: { name: string; versions: { version: string }[]; preferredVersion: { groupVersion: string } }[] };
    expect(list.kind).toBe('APIGroupList');
    expect(list.groups.map((g) => g.name)).toEqual(['apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io']);
    const autoscaling = list.groups.find((g) => g.name === 'autoscaling')!;
    expect([autoscaling.versions.map((v) => v.version), autoscaling.preferredVersion.groupVersion]).toEqual([['v2', 'v1'], 'autoscaling/v2']);
    expect(discoveryDocument(registry, '/apis/apps')).toBe('{"kind":"APIGroup","apiVersion":"v1","name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}');
  });

  it('is no document for a group or version not served', () => {
    for (const path of ['/apis/nope', '/apis/apps/v2', '/api/v2', '/apis/apps/v1/deployments', '/version']) expect([path, discoveryDocument(registry, path)]).toEqual([path, undefined]);
  });
});

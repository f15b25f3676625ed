import { describe, expect, it } from 'vitest';
import { etcdPrefix } from './etcdKeys';

describe('where kube-apiserver keeps objects in etcd', () => {
  it('uses the resource name under /registry, with the old names a few resources kept', () => {
    expect(etcdPrefix('pods')).toBe('/registry/pods');
    expect(etcdPrefix('deployments.apps')).toBe('/registry/deployments');
    expect(etcdPrefix('leases.coordination.k8s.io')).toBe('/registry/leases');
    expect(etcdPrefix('nodes')).toBe('/registry/minions');
    expect(etcdPrefix('services')).toBe('/registry/services/specs');
    expect(etcdPrefix('endpoints')).toBe('/registry/services/endpoints');
    expect(etcdPrefix('ingresses.networking.k8s.io')).toBe('/registry/ingress');
  });

  it('puts custom resources under their group', () => {
    expect(etcdPrefix('crontabs.stable.example.com')).toBe('/registry/stable.example.com/crontabs');
  });
});

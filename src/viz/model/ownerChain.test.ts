import { describe, expect, it } from 'vitest';
import { ownerChain } from './ownerChain';

const ref = (kind: string, name: string) => [{ apiVersion: 'apps/v1', kind, name, uid: name, controller: true }];

describe('ownerChain', () => {
  const source = {
    replicaSets: [{ metadata: { name: 'web-7d', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': '3' }, ownerReferences: ref('Deployment', 'web') } }],
    deployments: [{ metadata: { name: 'web', namespace: 'default' } }],
  };

  it('climbs from a pod to its ReplicaSet (with its revision) and its Deployment', () => {
    expect(ownerChain({ name: 'web-7d-x', namespace: 'default', ownerReferences: ref('ReplicaSet', 'web-7d') }, source)).toEqual([
      { kind: 'ReplicaSet', name: 'web-7d', namespace: 'default', revision: 3, exists: true },
      { kind: 'Deployment', name: 'web', namespace: 'default', revision: undefined, exists: true },
    ]);
  });

  it('stops at an owner that is gone, and is empty for a bare pod', () => {
    expect(ownerChain({ name: 'x', namespace: 'default', ownerReferences: ref('ReplicaSet', 'old') }, source)).toEqual([{ kind: 'ReplicaSet', name: 'old', namespace: 'default', revision: undefined, exists: false }]);
    expect(ownerChain({ name: 'bare', namespace: 'default' }, source)).toEqual([]);
  });

  it('does not cross namespaces', () => {
    expect(ownerChain({ name: 'x', namespace: 'other', ownerReferences: ref('ReplicaSet', 'web-7d') }, source)[0].exists).toBe(false);
  });
});

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { indexReplicaSets, ownerOf, revisionHue, REVISION_HUES } from './owners';

function rs(name: string, revision: string | undefined, deployment?: string): ReplicaSet {
  return {
    metadata: {
      name,
      namespace: 'default',
      annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : {},
      ownerReferences: deployment ? [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: 'd', controller: true }] : [],
    },
  };
}

describe('ownerOf', () => {
  const index = indexReplicaSets([rs('web-1', '1', 'web'), rs('web-2', '2', 'web'), rs('lone', undefined)]);
  const meta = (kind: string, name: string) => ({ namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: 'u', controller: true }] });

  it('follows a pod to its ReplicaSet, revision and Deployment', () => {
    expect(ownerOf(meta('ReplicaSet', 'web-2'), index)).toEqual({ kind: 'ReplicaSet', name: 'web-2', deployment: 'web', revision: 2, hue: 1 });
  });

  it('keeps a ReplicaSet without a Deployment or revision', () => {
    expect(ownerOf(meta('ReplicaSet', 'lone'), index)).toEqual({ kind: 'ReplicaSet', name: 'lone', deployment: undefined, revision: undefined, hue: undefined });
  });

  it('names other controllers as they are, and nothing for a bare pod', () => {
    expect(ownerOf(meta('StatefulSet', 'db'), index)?.kind).toBe('StatefulSet');
    expect(ownerOf({ name: 'bare' }, index)).toBeUndefined();
  });

  it('ignores owner references that are not the controller', () => {
    expect(ownerOf({ ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u' }] }, index)).toBeUndefined();
  });
});

describe('revisionHue', () => {
  it('gives consecutive revisions different hues and cycles', () => {
    expect(revisionHue(1)).toBe(0);
    expect(revisionHue(2)).toBe(1);
    expect(revisionHue(1 + REVISION_HUES)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import { getPodsToDelete } from './getPodsToDelete';
import type { PodObj } from './podTally';

const rsYaml = (replicas: number) => `
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend, labels: {tier: frontend}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {tier: frontend}}
  template:
    metadata: {labels: {tier: frontend}}
    spec:
      containers: [{name: php-redis, image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5}]
`;

const bare = (name: string, labels: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: ${labels}}
spec:
  containers: [{name: c, image: nginx}]
`;

describe('ReplicaSet controller', () => {
  it('creates pods up to spec.replicas with SuccessfulCreate events and reports status', () => {
    const w = world().apply(rsYaml(3)).advance('30s');
    const rs = w.replicaSets()[0];
    expect(w.pods('tier=frontend')).toHaveLength(3);
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const events = w.events(rs);
    expect(events.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
    expect(events[0].message).toMatch(/^Created pod: frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('replaces a deleted pod (self-healing)', () => {
    const w = world().apply(rsYaml(3)).advance('30s');
    const victim = w.pods('tier=frontend')[0].metadata.name;
    w.client.delete('pods', 'default', victim, { gracePeriodSeconds: 0 });
    w.cluster.runUntilIdle();
    const names = w.pods('tier=frontend').map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    expect(names).not.toContain(victim);
  });

  it('adopts a matching orphan pod instead of creating one, and releases a pod whose labels stop matching', () => {
    const w = world().apply(bare('orphan', '{tier: frontend}')).apply(rsYaml(2)).advance('30s');
    const orphan = w.client.get<PodObj>('pods', 'default', 'orphan')!;
    expect(orphan.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'frontend', controller: true, blockOwnerDeletion: true });
    expect(w.pods('tier=frontend')).toHaveLength(2);
    w.edit<PodObj>('pods', 'default', 'orphan', (p) => ({ ...p, metadata: { ...p.metadata, labels: { tier: 'debug' } } }));
    w.advance('1s');
    expect(w.client.get<PodObj>('pods', 'default', 'orphan')!.metadata.ownerReferences).toBeUndefined();
    expect(w.pods('tier=frontend')).toHaveLength(2);
  });

  it('scales down by deleting the not-ready pods first', () => {
    const w = world().apply(rsYaml(3)).advance('30s');
    w.edit('replicasets.apps', 'default', 'frontend', (rs) => ({ ...rs, spec: { ...(rs.spec as object), replicas: 5 } }));
    // Two new pods exist but are not ready yet.
    const fresh = w.pods('tier=frontend').filter((p) => p.status?.phase !== 'Running').map((p) => p.metadata.name);
    expect(fresh).toHaveLength(2);
    w.edit('replicasets.apps', 'default', 'frontend', (rs) => ({ ...rs, spec: { ...(rs.spec as object), replicas: 3 } }));
    w.advance('10ms');
    const kept = w.pods('tier=frontend').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(kept).toHaveLength(3);
    for (const name of fresh) expect(kept).not.toContain(name);
  });
});

describe('getPodsToDelete ranking', () => {
  const pod = (name: string, extra: { node?: string; phase?: string; ready?: boolean; cost?: string; restarts?: number; created?: string }): PodObj =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, uid: name, creationTimestamp: extra.created ?? '2025-01-01T00:00:00Z', annotations: extra.cost ? { 'controller.kubernetes.io/pod-deletion-cost': extra.cost } : undefined },
      spec: { nodeName: extra.node, containers: [] },
      status: { phase: extra.phase ?? 'Running', conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }], containerStatuses: [{ name: 'c', restartCount: extra.restarts ?? 0 } as never] },
    }) as PodObj;
  const now = Date.parse('2025-01-01T01:00:00Z');

  it('prefers unscheduled, then pending, then not-ready, then lower deletion cost', () => {
    const pods = [pod('running', { node: 'n1' }), pod('cheap', { node: 'n1', cost: '-10' }), pod('notready', { node: 'n1', ready: false }), pod('pending', { node: 'n1', phase: 'Pending', ready: false }), pod('unscheduled', { phase: 'Pending', ready: false })];
    expect(getPodsToDelete(pods, pods, 4, now).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'notready', 'cheap']);
  });

  it('prefers pods doubled up on a node, then more restarts', () => {
    const pods = [pod('alone', { node: 'n1' }), pod('pair-a', { node: 'n2', restarts: 0 }), pod('pair-b', { node: 'n2', restarts: 3 })];
    expect(getPodsToDelete(pods, pods, 2, now).map((p) => p.metadata.name)).toEqual(['pair-b', 'pair-a']);
  });
});

describe('ReplicaSet pods and later updates', () => {
  it('a pod created by a ReplicaSet carries the Pod defaults, so labelling it is a plain metadata update', () => {
    const w = world().apply(rsYaml(1)).advance('10s');
    const p = w.pods('tier=frontend')[0];
    expect((p.spec as { enableServiceLinks?: boolean }).enableServiceLinks).toBe(true);
    const r = w.client.patch('pods', 'default', p.metadata.name, { metadata: { labels: { extra: 'yes' } } }, 'merge');
    expect(r.ok).toBe(true);
  });
});

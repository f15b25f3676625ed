import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';

const dep = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

describe('garbage collector', () => {
  it('background deletion removes the deployment at once, then its ReplicaSets, then its pods', () => {
    const w = world().apply(dep).advance('30s');
    const res = w.client.delete('deployments.apps', 'default', 'web');
    expect(res.ok).toBe(true);
    w.cluster.runUntilIdle();
    expect(w.client.get('deployments.apps', 'default', 'web')).toBeUndefined();
    expect(w.replicaSets()).toHaveLength(0);
    expect(w.pods('app=web').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    w.advance('5s');
    expect(w.pods('app=web')).toHaveLength(0);
  });

  it('foreground deletion keeps the deployment (with its finalizer) until its dependents are gone', () => {
    const w = world().apply(dep).advance('30s');
    w.client.delete('deployments.apps', 'default', 'web', { propagationPolicy: 'Foreground' });
    w.cluster.runUntilIdle();
    const d = w.client.get('deployments.apps', 'default', 'web');
    expect(d?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d?.metadata.deletionTimestamp).toBeDefined();
    w.advance('10s');
    expect(w.client.get('deployments.apps', 'default', 'web')).toBeUndefined();
    expect(w.replicaSets()).toHaveLength(0);
    expect(w.pods('app=web')).toHaveLength(0);
  });

  it('orphan deletion leaves the ReplicaSet and pods running without an owner', () => {
    const w = world().apply(dep).advance('30s');
    w.client.delete('deployments.apps', 'default', 'web', { propagationPolicy: 'Orphan' });
    w.advance('2s');
    expect(w.client.get('deployments.apps', 'default', 'web')).toBeUndefined();
    const rss = w.replicaSets();
    expect(rss).toHaveLength(1);
    expect(rss[0].metadata.ownerReferences).toBeUndefined();
    expect(w.pods('app=web').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it('deletes an object whose owner does not exist', () => {
    const w = world().apply(`
apiVersion: v1
kind: Pod
metadata:
  name: dangling
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: gone, uid: 00000000-0000-4000-8000-000000000000}]
spec: {containers: [{name: c, image: nginx}]}
`);
    expect(w.client.get('pods', 'default', 'dangling')?.metadata.deletionTimestamp ?? 'gone').toBeTruthy();
    w.advance('5s');
    expect(w.client.get('pods', 'default', 'dangling')).toBeUndefined();
  });

  it('foreground deletion leaves a dependent that has another live owner, only dropping the reference to the deleted one', () => {
    const rs = (name: string, app: string, replicas: number) => `
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;
    const w = world().apply(rs('doomed', 'doomed', 2)).apply(rs('stay', 'stay', 0)).advance('10s');
    const stay = w.client.get('replicasets.apps', 'default', 'stay')!;
    const [shared, alone] = w.pods('app=doomed');
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'stay', uid: stay.metadata.uid! };
    expect(w.client.patch('pods', 'default', shared.metadata.name, { metadata: { ownerReferences: [...shared.metadata.ownerReferences!, ref] } }, 'merge').ok).toBe(true);
    w.client.delete('replicasets.apps', 'default', 'doomed', { propagationPolicy: 'Foreground' });
    w.advance('40s');
    expect(w.client.get('replicasets.apps', 'default', 'doomed')).toBeUndefined();
    expect(w.client.get('pods', 'default', alone.metadata.name)).toBeUndefined();
    const kept = w.client.get('pods', 'default', shared.metadata.name)!;
    expect(kept.metadata.deletionTimestamp).toBeUndefined();
    expect(kept.metadata.ownerReferences?.map((r) => r.name)).toEqual(['stay']);
  });
});

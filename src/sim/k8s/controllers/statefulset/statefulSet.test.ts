import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { world } from '../../../testing/harness';
import type { StatefulSetObj } from './statefulSetUtil';

const sts = (spec = '', template = 'containers: [{name: nginx, image: nginx:1.27}]') => `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  selector: {matchLabels: {app: nginx}}
${spec
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      ${template}
`;

type W = ReturnType<typeof world>;
const get = (w: W) => w.client.get<StatefulSetObj>('statefulsets.apps', 'default', 'web')!;
const names = (w: W) => w.pods('app=nginx').map((p) => p.metadata.name).sort();
const image = (w: W, name: string) => w.client.get<KubeObject & { spec: { containers: { image: string }[] } }>('pods', 'default', name)?.spec.containers[0].image;
const setImage = (w: W, img: string) => w.edit<StatefulSetObj>('statefulsets.apps', 'default', 'web', (s) => ({ ...s, spec: { ...s.spec!, template: { ...s.spec!.template, spec: { ...s.spec!.template.spec!, containers: [{ name: 'nginx', image: img }] } } } }));
const setSpec = (w: W, patch: Partial<NonNullable<StatefulSetObj['spec']>>) => w.edit<StatefulSetObj>('statefulsets.apps', 'default', 'web', (s) => ({ ...s, spec: { ...s.spec!, ...patch } }));
const allReady = (n: number) => (w: W) => get(w).status?.readyReplicas === n && get(w).status?.replicas === n;

describe('StatefulSet controller', () => {
  it('creates pods <set>-<i> with stable identity, labels and hostname/subdomain', () => {
    const w = world().apply(sts('replicas: 1')).until(allReady(1));
    const pod = w.client.get<KubeObject & { spec: { hostname: string; subdomain: string } }>('pods', 'default', 'web-0')!;
    const s = get(w);
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(pod.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': s.status?.updateRevision });
    expect(s.status?.updateRevision).toMatch(/^web-[a-z0-9]+$/);
    expect(w.client.get('controllerrevisions.apps', 'default', s.status!.updateRevision!)).toMatchObject({ revision: 1 });
    expect(w.events(s)[0]).toMatchObject({ reason: 'SuccessfulCreate', message: 'create Pod web-0 in StatefulSet web successful' });
  });

  it('OrderedReady creates each pod only after the previous one is Running and Ready', () => {
    const w = world().apply(sts('replicas: 3'));
    expect(names(w)).toEqual(['web-0']);
    w.until((x) => names(x).length === 2);
    expect(w.client.get<KubeObject & { status: { conditions: { type: string; status: string }[] } }>('pods', 'default', 'web-0')!.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    w.until(allReady(3));
    expect(w.events(get(w)).map((e) => e.message)).toEqual(['web-0', 'web-1', 'web-2'].map((p) => `create Pod ${p} in StatefulSet web successful`));
    expect(get(w).status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1, collisionCount: 0 });
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const w = world().apply(sts('replicas: 3')).until(allReady(3));
    setSpec(w, { replicas: 1 });
    const deleted = w.events(get(w)).filter((e) => e.reason === 'SuccessfulDelete');
    expect(deleted.map((e) => e.message)).toEqual(['delete Pod web-2 in StatefulSet web successful']);
    w.until(allReady(1));
    expect(names(w)).toEqual(['web-0']);
  });

  it('halts scaling while a pod is unready (OrderedReady) but not with Parallel', () => {
    const unready = 'containers: [{name: nginx, image: nginx:1.27, readinessProbe: {httpGet: {port: 81, path: /}}}]';
    const w = world().apply(sts('replicas: 3', unready)).advance('60s');
    expect(names(w)).toEqual(['web-0']);
    const p = world().apply(sts('replicas: 3\npodManagementPolicy: Parallel', unready));
    expect(names(p)).toEqual(['web-0', 'web-1', 'web-2']);
    setSpec(p.advance('30s'), { replicas: 0 });
    expect(p.events(get(p)).filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(3);
  });

  it('rolls pods in reverse ordinal order, then currentRevision becomes the update revision', () => {
    const w = world().apply(sts('replicas: 3')).until(allReady(3));
    const rev1 = get(w).status!.currentRevision!;
    setImage(w, 'nginx:1.26');
    expect(get(w).status).toMatchObject({ currentRevision: rev1 });
    expect(get(w).status?.updateRevision).not.toBe(rev1);
    w.until((x) => get(x).status?.currentRevision === get(x).status?.updateRevision && allReady(3)(x));
    const deletes = w.events(get(w)).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletes).toEqual(['web-2', 'web-1', 'web-0'].map((p) => `delete Pod ${p} in StatefulSet web successful`));
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(w, n))).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    // Reverting the template rolls back to the first revision, renumbered, rather than a new one.
    setImage(w, 'nginx:1.27');
    expect(get(w).status?.updateRevision).toBe(rev1);
    expect(w.client.list('controllerrevisions.apps', { namespace: 'default' })).toHaveLength(2);
    expect(w.client.get('controllerrevisions.apps', 'default', rev1)).toMatchObject({ revision: 3 });
  });

  it('with a partition only updates ordinals at or above it; a deleted pod below it comes back at the old revision', () => {
    const w = world().apply(sts('replicas: 3\nupdateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}')).until(allReady(3));
    setImage(w, 'nginx:1.26');
    w.until((x) => image(x, 'web-2') === 'nginx:1.26' && allReady(3)(x)).advance('30s');
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(w, n))).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.26']);
    expect(get(w).status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    w.client.delete('pods', 'default', 'web-0');
    w.until((x) => image(x, 'web-0') !== undefined && allReady(3)(x) && x.pods('app=nginx').every((p) => !p.metadata.deletionTimestamp));
    expect(image(w, 'web-0')).toBe('nginx:1.27');
    setSpec(w, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    w.until((x) => get(x).status?.updatedReplicas === 3 && allReady(3)(x));
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(w, n))).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
  });

  it('OnDelete replaces a pod with the new template only when it is deleted', () => {
    const w = world().apply(sts('replicas: 2\nupdateStrategy: {type: OnDelete}')).until(allReady(2));
    setImage(w, 'nginx:1.26');
    w.advance('60s');
    expect(['web-0', 'web-1'].map((n) => image(w, n))).toEqual(['nginx:1.27', 'nginx:1.27']);
    w.client.delete('pods', 'default', 'web-1');
    w.until((x) => image(x, 'web-1') === 'nginx:1.26' && allReady(2)(x));
    expect(image(w, 'web-0')).toBe('nginx:1.27');
  });

  it('deletes a failed pod and recreates it with the same name', () => {
    const w = world().apply(sts('replicas: 1')).until(allReady(1));
    const pod = w.client.get<KubeObject & { status: object }>('pods', 'default', 'web-0')!;
    // What the kubelet does to a pod it rejects (e.g. a host port conflict): phase Failed.
    w.client.updateStatus({ ...pod, status: { ...pod.status, phase: 'Failed', reason: 'NodePorts' } });
    w.until((x) => {
      const p = x.client.get('pods', 'default', 'web-0');
      return !!p && p.metadata.uid !== pod.metadata.uid;
    }, '2m');
    expect(w.events(get(w)).map((e) => e.message)).toEqual([
      'create Pod web-0 in StatefulSet web successful',
      'StatefulSet default/web is recreating failed Pod web-0',
      'delete Pod web-0 in StatefulSet web successful',
    ]);
    // The second create repeats the first event (count 2).
    expect(w.events(get(w))[0].count).toBe(2);
  });

  it('creates a claim <template>-<set>-<i> before each pod and keeps it across scale-down and up', () => {
    const template = 'containers: [{name: nginx, image: nginx:1.27, volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]}]\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}';
    const w = world().apply(sts('replicas: 2', template)).until(allReady(2));
    const claims = () => w.client.list('persistentvolumeclaims', { namespace: 'default' }).map((c) => c.metadata.name).sort();
    expect(claims()).toEqual(['www-web-0', 'www-web-1']);
    expect(w.events(get(w)).slice(0, 2).map((e) => e.message)).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
    const pod = w.client.get<KubeObject & { spec: { volumes: object[] } }>('pods', 'default', 'web-1')!;
    expect(pod.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    const uid = w.client.get('persistentvolumeclaims', 'default', 'www-web-1')!.metadata.uid;
    setSpec(w, { replicas: 1 });
    w.until(allReady(1));
    expect(claims()).toEqual(['www-web-0', 'www-web-1']);
    setSpec(w, { replicas: 2 });
    w.until(allReady(2));
    expect(w.client.get('persistentvolumeclaims', 'default', 'www-web-1')!.metadata.uid).toBe(uid);
  });

  it('deletes claims with the set or on scale-down when persistentVolumeClaimRetentionPolicy says Delete', () => {
    const template = 'containers: [{name: nginx, image: nginx:1.27, volumeMounts: [{name: www, mountPath: /data}]}]\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}';
    const w = world().apply(sts('replicas: 2\npersistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}', template)).until(allReady(2));
    const claims = () => w.client.list('persistentvolumeclaims', { namespace: 'default' }).map((c) => c.metadata.name).sort();
    setSpec(w, { replicas: 1 });
    w.until(() => claims().length === 1, '2m');
    expect(claims()).toEqual(['www-web-0']);
    w.client.delete('statefulsets.apps', 'default', 'web');
    w.until(() => claims().length === 0, '2m');
  });

  it('with minReadySeconds waits for each pod to be available before the next, and counts availableReplicas', () => {
    const w = world().apply(sts('replicas: 2\nminReadySeconds: 10'));
    w.until((x) => get(x).status?.readyReplicas === 1);
    expect(get(w).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    w.advance('5s');
    expect(names(w)).toEqual(['web-0']);
    w.until((x) => get(x).status?.availableReplicas === 2, '1m');
    expect(names(w)).toEqual(['web-0', 'web-1']);
  });
});

import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';
import { findMatchingVolume, type PVCObj, type PVObj } from './volumeUtil';

const pvYaml = (name: string, size: string, extra = '', cls = 'manual') => `
apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}, labels: {size: "${size}"}}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  storageClassName: "${cls}"
  hostPath: {path: /mnt/${name}}
  ${extra}
`;
const claimYaml = (name: string, size: string, extra = '', cls = 'manual') => `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: "${cls}"
  resources: {requests: {storage: ${size}}}
  ${extra}
`;
const podYaml = (name: string, claim: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: d, mountPath: /data}]}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: ${claim}}}]
`;

type W = ReturnType<typeof world>;
const pv = (w: W, name: string) => w.client.get<PVObj>('persistentvolumes', undefined, name);
const pvc = (w: W, name: string) => w.client.get<PVCObj>('persistentvolumeclaims', 'default', name);

describe('findMatchingVolume', () => {
  const vol = (name: string, size: string, over: Partial<PVObj['spec']> = {}, phase = 'Available'): PVObj =>
    ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', ...over }, status: { phase } }) as PVObj;
  const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default', uid: 'u1' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage: '3Gi' } } } } as PVCObj;

  it.each([
    ['the smallest volume that is big enough', [vol('big', '10Gi'), vol('fit', '5Gi'), vol('small', '1Gi')], 'fit'],
    ['none when every volume is too small', [vol('small', '1Gi')], undefined],
    ['none of another class', [vol('other', '5Gi', { storageClassName: 'fast' })], undefined],
    ['none without the claimed access mode', [vol('rox', '5Gi', { accessModes: ['ReadOnlyMany'] })], undefined],
    ['none that is Released', [vol('old', '5Gi', {}, 'Released')], undefined],
    ['a volume pre-bound to the claim before a better fit', [vol('fit', '5Gi'), vol('mine', '20Gi', { claimRef: { namespace: 'default', name: 'c' } })], 'mine'],
    ['none bound to another claim', [vol('taken', '5Gi', { claimRef: { namespace: 'default', name: 'x', uid: 'u2' } }, 'Bound')], undefined],
  ])('picks %s', (_t, volumes, want) => {
    expect(findMatchingVolume(claim, volumes, undefined, false)?.metadata.name).toBe(want);
  });

  it('honours the claim selector', () => {
    const labelled = { ...vol('gold', '5Gi'), metadata: { name: 'gold', labels: { tier: 'gold' } } } as PVObj;
    const sel = { ...claim, spec: { ...claim.spec, selector: { matchLabels: { tier: 'gold' } } } } as PVCObj;
    expect(findMatchingVolume(sel, [vol('plain', '4Gi'), labelled], undefined, false)?.metadata.name).toBe('gold');
  });
});

describe('persistentvolume-controller', () => {
  it('binds a claim to the smallest matching Available volume, both Bound', () => {
    const w = world().apply(pvYaml('pv-10', '10Gi') + '---' + pvYaml('pv-5', '5Gi') + '---' + claimYaml('c', '3Gi'));
    expect(pvc(w, 'c')!.spec!.volumeName).toBe('pv-5');
    expect(pvc(w, 'c')!.status).toMatchObject({ phase: 'Bound', capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'] });
    expect(pv(w, 'pv-5')!.status!.phase).toBe('Bound');
    expect(pv(w, 'pv-5')!.spec!.claimRef).toMatchObject({ namespace: 'default', name: 'c', uid: pvc(w, 'c')!.metadata.uid });
    expect(pv(w, 'pv-10')!.status!.phase).toBe('Available');
  });

  it('leaves a claim Pending until a matching volume appears', () => {
    const w = world().apply(claimYaml('c', '3Gi'));
    expect(pvc(w, 'c')!.status!.phase).toBe('Pending');
    w.apply(pvYaml('late', '4Gi'));
    expect(pvc(w, 'c')!.spec!.volumeName).toBe('late');
  });

  it('Retain: deleting the claim leaves the volume Released with its claimRef', () => {
    const w = world().apply(pvYaml('keep', '5Gi') + '---' + claimYaml('c', '1Gi'));
    w.client.delete('persistentvolumeclaims', 'default', 'c');
    w.cluster.runUntilIdle();
    expect(pvc(w, 'c')).toBeUndefined();
    expect(pv(w, 'keep')!.status!.phase).toBe('Released');
  });

  it('keeps a claim in use Terminating until its pod is gone (pvc-protection)', () => {
    const w = world().apply(pvYaml('v', '5Gi') + '---' + claimYaml('c', '1Gi') + '---' + podYaml('p', 'c')).advance('20s');
    w.client.delete('persistentvolumeclaims', 'default', 'c');
    w.cluster.runUntilIdle();
    expect(pvc(w, 'c')!.metadata.deletionTimestamp).toBeDefined();
    w.client.delete('pods', 'default', 'p');
    w.advance('60s');
    expect(pvc(w, 'c')).toBeUndefined();
  });
});

describe('the beta storage-class annotation', () => {
  it('a claim naming its class by volume.beta.kubernetes.io/storage-class keeps it: no default class, bound to a volume of that class', () => {
    const beta = `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: old, annotations: {volume.beta.kubernetes.io/storage-class: manual}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;
    const w = world().apply(beta);
    expect(pvc(w, 'old')!.spec!.storageClassName).toBeUndefined();
    expect(pvc(w, 'old')!.status!.phase).toBe('Pending');
    w.apply(pvYaml('m', '2Gi'));
    expect(pvc(w, 'old')!.spec!.volumeName).toBe('m');
  });
});

describe('WaitForFirstConsumer and the local-path provisioner', () => {
  it('waits for a pod, then provisions pvc-<uid> pinned to the pod\'s node; Delete removes it with the claim', () => {
    const w = world().apply(claimYaml('data', '1Gi', '', 'standard'));
    const claim = pvc(w, 'data')!;
    expect(claim.status!.phase).toBe('Pending');
    expect(w.events(claim).map((e) => e.reason)).toEqual(['WaitForFirstConsumer']);
    w.apply(podYaml('p', 'data')).advance('10s');
    const pod = w.pods()[0];
    const name = `pvc-${claim.metadata.uid}`;
    expect(pvc(w, 'data')!.spec!.volumeName).toBe(name);
    expect(pvc(w, 'data')!.metadata.annotations!['volume.kubernetes.io/selected-node']).toBe(pod.spec!.nodeName);
    expect(pv(w, name)!.spec!.nodeAffinity!.required!.nodeSelectorTerms[0].matchExpressions![0].values).toEqual([pod.spec!.nodeName]);
    expect(pv(w, name)!.spec!.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(w.events(pvc(w, 'data')!).map((e) => e.reason)).toEqual(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    expect(pod.status!.phase).toBe('Running');
    w.client.delete('pods', 'default', 'p');
    w.advance('60s');
    w.client.delete('persistentvolumeclaims', 'default', 'data');
    w.cluster.runUntilIdle();
    expect(pv(w, name)).toBeUndefined();
  });

  it('keeps the data written into the claim across pod replacement', () => {
    const w = world().apply(claimYaml('data', '1Gi', '', 'standard') + '---' + podYaml('p', 'data')).advance('20s');
    expect(w.exec('p', 'c', ['sh', '-c', 'echo kept > /data/f'])).toMatchObject({ ok: true, code: 0 });
    w.client.delete('pods', 'default', 'p');
    w.advance('60s').apply(podYaml('p', 'data')).advance('20s');
    expect(w.exec('p', 'c', ['cat', '/data/f'])).toMatchObject({ ok: true, output: 'kept\n' });
  });
});

describe('VolumeBinding', () => {
  it('does not schedule a pod whose Immediate claim is unbound', () => {
    const w = world().apply(claimYaml('c', '1Gi', '', '') + '---' + podYaml('p', 'c')).advance('5s');
    const pod = w.pods()[0];
    expect(pod.spec!.nodeName).toBeUndefined();
    expect(w.events(pod as KubeObject)[0].message).toBe('0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.');
    w.apply(pvYaml('v', '2Gi', '', '')).advance('5s');
    expect(w.pods()[0].spec!.nodeName).toBeDefined();
  });

  it('places a pod whose bound volume has node affinity only on that node', () => {
    const affinity = 'nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-2]}]}]}}';
    const w = world().apply(pvYaml('local', '5Gi', affinity) + '---' + claimYaml('c', '1Gi') + '---' + podYaml('p', 'c')).advance('5s');
    expect(w.pods()[0].spec!.nodeName).toBe('worker-2');
  });
});

describe('StatefulSet claims', () => {
  it('a replaced StatefulSet pod comes back on the node its provisioned volume is pinned to', () => {
    const w = world().apply(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx, volumeMounts: [{name: www, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`).advance('30s');
    const node = w.pods('app=web')[0].spec!.nodeName;
    expect(pvc(w, 'www-web-0')!.status!.phase).toBe('Bound');
    w.client.delete('pods', 'default', 'web-0');
    w.advance('60s');
    expect(w.pods('app=web')[0].spec!.nodeName).toBe(node);
    expect(w.pods('app=web')[0].status!.phase).toBe('Running');
  });
});

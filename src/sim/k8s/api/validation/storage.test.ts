import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import { applyDefaults } from '../defaults/applyDefaults';
import { fieldErrorString } from '../fieldErrors';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { validateCreate, validateUpdate } from './validate';

const registry = new ResourceRegistry();
function prepared(obj: Record<string, unknown>): [KubeObject, NonNullable<ReturnType<ResourceRegistry['forKind']>>] {
  const info = registry.forKind(obj.apiVersion as string, obj.kind as string)!;
  return [applyDefaults(obj as KubeObject, info), info];
}
const errors = (obj: Record<string, unknown>) => validateCreate(...prepared(obj)).map(fieldErrorString);
const pv = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec });
const pvc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec });

describe('PersistentVolume validation and defaults', () => {
  it('requires capacity, access modes and a volume type', () => {
    expect(errors(pv({}))).toEqual(['spec.accessModes: Required value', 'spec.capacity: Required value', 'spec: Required value: must specify a volume type']);
  });

  it('defaults a manual volume to Retain, Filesystem and phase Pending', () => {
    const [o] = prepared(pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } }));
    expect(o.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(o.status).toEqual({ phase: 'Pending' });
  });

  it('rejects an unknown access mode with the supported values', () => {
    expect(errors(pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteSome'], hostPath: { path: '/d' } }))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSome": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ]);
  });
});

describe('PersistentVolumeClaim validation', () => {
  it('requires an access mode and a storage request', () => {
    expect(errors(pvc({}))).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
  });

  it('forbids spec changes other than the storage request, but lets volumeName be filled in once', () => {
    const old = pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' });
    const [o, info] = prepared(old);
    const changed = prepared(pvc({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' }))[0];
    expect(validateUpdate(changed, o, info).map(fieldErrorString)).toEqual(['spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims']);
    const bound = prepared(pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeName: 'pv1' }))[0];
    expect(validateUpdate(bound, o, info)).toEqual([]);
  });
});

describe('StorageClass', () => {
  it('requires a provisioner and forbids changing it', () => {
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' } };
    expect(errors(sc)).toEqual(['provisioner: Required value']);
    const [old, info] = prepared({ ...sc, provisioner: 'a.io/x' });
    const [now] = prepared({ ...sc, provisioner: 'b.io/y' });
    expect(validateUpdate(now, old, info).map(fieldErrorString)).toEqual(['provisioner: Forbidden: updates to provisioner are forbidden.']);
  });

  it('defaults reclaimPolicy Delete and volumeBindingMode Immediate', () => {
    const [o] = prepared({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'a.io/x' });
    expect(o).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('the cluster starts with kind\'s default class standard', () => {
    const sc = world().client.get('storageclasses.storage.k8s.io', undefined, 'standard')!;
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
    expect(sc.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
  });
});

describe('DefaultStorageClass and StorageObjectInUseProtection admission', () => {
  it('gives a claim without storageClassName the default class, and keeps an explicit empty class', () => {
    const w = world().apply(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: a}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: b}
spec: {storageClassName: "", accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
    const a = w.client.get('persistentvolumeclaims', 'default', 'a')!;
    expect((a.spec as { storageClassName?: string }).storageClassName).toBe('standard');
    expect(a.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect((w.client.get('persistentvolumeclaims', 'default', 'b')!.spec as { storageClassName?: string }).storageClassName).toBe('');
  });
});

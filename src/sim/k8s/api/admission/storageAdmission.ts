import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ObjectStore } from '../../../engine/store';
import type { KubeObject } from '../types';

/** The annotation that marks the cluster's default StorageClass. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The pre-1.6 way to name a claim's class; still honoured before `spec.storageClassName`. */
export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

type SC = KubeObject & StorageClass;

/** `GetDefaultClass`: the default StorageClass (the newest when several claim it), or undefined. */
export function defaultStorageClass(store: ObjectStore): SC | undefined {
  if (!store.has('storageclasses.storage.k8s.io')) return undefined;
  let best: SC | undefined;
  for (const sc of store.list<SC>('storageclasses.storage.k8s.io')) {
    if (sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] !== 'true' && sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] !== 'true') continue;
    const t = sc.metadata.creationTimestamp ?? '';
    const bt = best?.metadata.creationTimestamp ?? '';
    if (!best || t > bt || (t === bt && sc.metadata.name < best.metadata.name)) best = sc;
  }
  return best;
}

/**
 * The mutating admission plugins for new PVs and PVCs, in the API server's
 * order: DefaultStorageClass (a claim without `storageClassName` gets the
 * default class) and StorageObjectInUseProtection (the protection finalizers).
 */
export function admitStorage(obj: KubeObject, store: ObjectStore): KubeObject {
  const finalizer = obj.kind === 'PersistentVolume' ? PV_PROTECTION_FINALIZER : PVC_PROTECTION_FINALIZER;
  const finalizers = obj.metadata.finalizers ?? [];
  const metadata = finalizers.includes(finalizer) ? obj.metadata : { ...obj.metadata, finalizers: [...finalizers, finalizer] };
  if (obj.kind !== 'PersistentVolumeClaim') return { ...obj, metadata };
  const spec = (obj as KubeObject & PersistentVolumeClaim).spec ?? {};
  // `GetPersistentVolumeClaimClass`: the beta annotation names a class as well as the field does.
  if (obj.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return { ...obj, metadata };
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return { ...obj, metadata };
  const def = defaultStorageClass(store);
  return { ...obj, metadata, spec: def ? { ...spec, storageClassName: def.metadata.name } : spec };
}

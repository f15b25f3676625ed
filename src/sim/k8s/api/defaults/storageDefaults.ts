/**
 * Defaults of the storage kinds (`SetDefaults_PersistentVolume`,
 * `SetDefaults_PersistentVolumeClaim`, storage/v1 `SetDefaults_StorageClass`).
 * Mutate in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function spec(obj: Obj): Obj {
  if (!isObj(obj.spec)) obj.spec = {};
  return obj.spec as Obj;
}

function pendingPhase(obj: Obj): void {
  const status: Obj = isObj(obj.status) ? obj.status : (obj.status = {});
  if (!status.phase) status.phase = 'Pending';
}

/** A PersistentVolume: reclaim policy Retain, volumeMode Filesystem, phase Pending. */
export function defaultPersistentVolume(obj: Obj): void {
  const s = spec(obj);
  if (!s.persistentVolumeReclaimPolicy) s.persistentVolumeReclaimPolicy = 'Retain';
  if (!s.volumeMode) s.volumeMode = 'Filesystem';
  pendingPhase(obj);
}

/** A PersistentVolumeClaim: volumeMode Filesystem, phase Pending. */
export function defaultPersistentVolumeClaim(obj: Obj): void {
  const s = spec(obj);
  if (!s.volumeMode) s.volumeMode = 'Filesystem';
  pendingPhase(obj);
}

/** A StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(obj: Obj): void {
  if (!obj.reclaimPolicy) obj.reclaimPolicy = 'Delete';
  if (!obj.volumeBindingMode) obj.volumeBindingMode = 'Immediate';
}

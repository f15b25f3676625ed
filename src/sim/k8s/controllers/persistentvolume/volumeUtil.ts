import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { bytesOf } from '../../../../lib/quantity';
import type { ObjectStore } from '../../../engine/store';
import { labelSelectorMatches } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import { RequiredNodeAffinity, type NodeLike } from '../../scheduler/nodeSelectorTerms';

export type PVObj = KubeObject & PersistentVolume;
export type PVCObj = KubeObject & PersistentVolumeClaim;
export type SCObj = KubeObject & StorageClass;

export const PVS = 'persistentvolumes';
export const PVCS = 'persistentvolumeclaims';
export const CLASSES = 'storageclasses.storage.k8s.io';
/** Set by the scheduler on a WaitForFirstConsumer claim: the node its first pod goes to. */
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';

/** `GetPersistentVolumeClaimClass`: the beta annotation first, then the field ('' = no class). */
export function claimClass(claim: PVCObj): string {
  return claim.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? claim.spec?.storageClassName ?? '';
}

/** `GetPersistentVolumeClass`: the beta annotation first, then the field. */
export function volumeClass(pv: PVObj): string {
  return pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pv.spec?.storageClassName ?? '';
}

/** `IsDelayBindingMode`: the claim's class exists and binds WaitForFirstConsumer. */
export function isDelayBinding(claim: PVCObj, store: ObjectStore): boolean {
  const name = claimClass(claim);
  if (!name) return false;
  return store.get<SCObj>(CLASSES, name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** `CheckNodeAffinity`: whether a volume's required node affinity admits the node (none: every node). */
export function volumeFitsNode(pv: PVObj, node: NodeLike): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) return true;
  const pod: Pod = { spec: { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } } } };
  return new RequiredNodeAffinity(pod).match(node);
}

/** Whether the volume is pre-bound (`claimRef`) to this claim. */
export function preBoundTo(pv: PVObj, claim: PVCObj): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  return ref.name === claim.metadata.name && (ref.namespace ?? '') === (claim.metadata.namespace ?? '') && (!ref.uid || ref.uid === claim.metadata.uid);
}

/**
 * `FindMatchingVolume`: a volume pre-bound to the claim, else the smallest
 * Available one with the claim's class, volume mode, access modes, enough
 * capacity and matching labels. With `node`, only volumes reachable from
 * it; delayed-binding claims without a node match pre-bound volumes only
 * (the scheduler picks the rest).
 */
export function findMatchingVolume(claim: PVCObj, volumes: readonly PVObj[], node: NodeLike | undefined, delayBinding: boolean): PVObj | undefined {
  const requested = bytesOf(claim.spec?.resources?.requests?.storage);
  const cls = claimClass(claim);
  const modes = claim.spec?.accessModes ?? [];
  const mode = claim.spec?.volumeMode ?? 'Filesystem';
  let best: PVObj | undefined;
  let bestSize = Infinity;
  for (const pv of volumes) {
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    if (pv.spec?.claimRef) {
      if (preBoundTo(pv, claim) && !pv.metadata.deletionTimestamp && (!node || volumeFitsNode(pv, node))) return pv;
      continue;
    }
    if (pv.metadata.deletionTimestamp || pv.status?.phase !== 'Available') continue;
    if (node ? !volumeFitsNode(pv, node) : delayBinding) continue;
    if (volumeClass(pv) !== cls) continue;
    if (claim.spec?.selector && !labelSelectorMatches(claim.spec.selector, pv.metadata.labels)) continue;
    const pvModes = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    const size = bytesOf(pv.spec?.capacity?.storage);
    if (size < requested) continue;
    if (size < bestSize || (size === bestSize && best && pv.metadata.name < best.metadata.name)) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}

/** The pods of a namespace that mount the claim and have not finished (what pvc-protection waits for). */
export function podsUsingClaim(store: ObjectStore, namespace: string, claim: string): KubeObject[] {
  return store
    .list<KubeObject & Pod>('pods', namespace)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim));
}

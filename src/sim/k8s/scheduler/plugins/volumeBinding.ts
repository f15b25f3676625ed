import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../../engine/store';
import type { ApiClient } from '../../api/client';
import {
  CLASSES, PVCS, PVS, SELECTED_NODE, findMatchingVolume, isDelayBinding, volumeFitsNode, type PVCObj, type PVObj, type SCObj,
} from '../../controllers/persistentvolume/volumeUtil';
import type { CycleState } from '../cycleState';
import type { SchedulerPlugin } from '../plugin';
import { unresolvable } from '../status';

const NAME = 'VolumeBinding';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
const NODE_CONFLICT = unresolvable(NAME, ERR_REASON_NODE_CONFLICT);
const BIND_CONFLICT = unresolvable(NAME, ERR_REASON_BIND_CONFLICT);

/** The claim names a pod mounts (most pods: none, and this is all they cost). */
export function podClaimNames(pod: Pod): string[] | undefined {
  const vols = pod.spec?.volumes;
  if (!vols) return undefined;
  let names: string[] | undefined;
  for (let i = 0; i < vols.length; i++) {
    const c = vols[i].persistentVolumeClaim;
    if (c) (names ??= []).push(c.claimName);
  }
  return names;
}

/** What PreFilter found for this cycle: bound volumes to check per node, and claims still to match. */
interface VolumeState {
  bound: PVObj[];
  unbound: PVCObj[];
  volumes: readonly PVObj[];
  store: ObjectStore;
}

const cycleData = new WeakMap<CycleState, VolumeState>();

/** `canProvision`: the claim's class has a provisioner that can make volumes. */
function canProvision(claim: PVCObj, store: ObjectStore): boolean {
  const sc = store.get<SCObj>(CLASSES, claim.spec?.storageClassName ?? '');
  return !!sc && sc.provisioner !== 'kubernetes.io/no-provisioner';
}

/**
 * VolumeBinding (`plugins/volumebinding`): a pod's claims must exist; claims
 * of Immediate classes must already be bound; bound volumes must be
 * reachable from the node; WaitForFirstConsumer claims need a matching
 * volume on the node or a class that can provision one. Pods without
 * claims skip it.
 */
export const volumeBinding: SchedulerPlugin = {
  name: NAME,
  preFilter(state) {
    const names = podClaimNames(state.pod.pod);
    const store = state.snapshot.volumes;
    if (!names || !store || !store.has(PVCS)) return 'skip';
    const ns = state.pod.namespace;
    const bound: PVObj[] = [];
    const unbound: PVCObj[] = [];
    let immediateUnbound = false;
    for (const name of names) {
      const claim = store.get<PVCObj>(PVCS, `${ns}/${name}`);
      if (!claim) return { status: unresolvable(NAME, `persistentvolumeclaim "${name}" not found`) };
      if (claim.metadata.deletionTimestamp) return { status: unresolvable(NAME, `persistentvolumeclaim "${name}" is being deleted`) };
      const volumeName = claim.spec?.volumeName;
      if (volumeName) {
        const pv = store.get<PVObj>(PVS, volumeName);
        if (!pv) return { status: unresolvable(NAME, `pvc(s) bound to non-existent pv(s)`) };
        if (pv.spec?.nodeAffinity?.required) bound.push(pv);
      } else if (isDelayBinding(claim, store)) unbound.push(claim);
      else immediateUnbound = true;
    }
    if (immediateUnbound) return { status: unresolvable(NAME, ERR_REASON_UNBOUND_IMMEDIATE) };
    if (bound.length === 0 && unbound.length === 0) return 'skip';
    cycleData.set(state, { bound, unbound, volumes: unbound.length ? store.list<PVObj>(PVS) : [], store });
    return undefined;
  },
  filter(state, nodes, idx, count, out) {
    const data = cycleData.get(state);
    if (!data) return 0;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[idx[i]];
      if (data.bound.some((pv) => !volumeFitsNode(pv, node))) {
        out[i] = NODE_CONFLICT;
        rejected++;
        continue;
      }
      if (data.unbound.some((c) => !findMatchingVolume(c, data.volumes, node, true) && !canProvision(c, data.store))) {
        out[i] = BIND_CONFLICT;
        rejected++;
      }
    }
    return rejected;
  },
};

/**
 * PreBind, for WaitForFirstConsumer claims: annotate each unbound claim with
 * the chosen node (`volume.kubernetes.io/selected-node`), which lets the
 * PersistentVolume controller bind it there or the provisioner make a volume
 * on it.
 */
export function preBindVolumes(api: ApiClient, store: ObjectStore, pod: Pod & { metadata?: { namespace?: string } }, host: string): void {
  const names = podClaimNames(pod);
  if (!names || !store.has(PVCS)) return;
  const ns = pod.metadata?.namespace ?? 'default';
  for (const name of names) {
    const claim = store.get<PVCObj>(PVCS, `${ns}/${name}`);
    if (!claim || claim.spec?.volumeName || !isDelayBinding(claim, store)) continue;
    if (claim.metadata.annotations?.[SELECTED_NODE] === host) continue;
    api.update({ ...claim, metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, [SELECTED_NODE]: host } } });
  }
}

import { PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER } from '../../api/admission/storageAdmission';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import {
  BETA_STORAGE_PROVISIONER, BIND_COMPLETED, BOUND_BY_CONTROLLER, CLASSES, PVCS, PVS, SELECTED_NODE, STORAGE_PROVISIONER,
  claimClass, findMatchingVolume, isDelayBinding, podsUsingClaim, type PVCObj, type PVObj, type SCObj,
} from './volumeUtil';

/** `--pvclaimbinder-sync-period`: unbound claims and volumes are looked at again this often. */
export const CLAIM_RESYNC_MS = 15_000;
const WAIT_MESSAGE = 'waiting for first consumer to be created before binding';

const claimKey = (ns: string | undefined, name: string) => `claim:${ns ?? 'default'}/${name}`;

/**
 * The PersistentVolume controller (`persistentvolume-controller`): binds
 * claims to matching volumes (or asks the class's external provisioner for
 * one), keeps both phases (Pending/Bound, Available/Bound/Released/Failed),
 * reclaims released volumes, and plays the pvc-protection and pv-protection
 * controllers (a claim or volume in use is not removed until it is free).
 */
export function createPersistentVolumeController(): K8sController {
  return {
    name: 'persistentvolume-controller',
    watches: [
      {
        resource: PVCS,
        map: (e) => {
          const claim = e.object as PVCObj;
          const keys = [claimKey(claim.metadata.namespace, claim.metadata.name)];
          if (claim.spec?.volumeName) keys.push(`volume:${claim.spec.volumeName}`);
          return keys;
        },
      },
      {
        resource: PVS,
        map: (e) => {
          const pv = e.object as PVObj;
          const keys = [`volume:${pv.metadata.name}`];
          const ref = pv.spec?.claimRef;
          if (ref?.name) keys.push(claimKey(ref.namespace, ref.name));
          // A volume that becomes Available may be what a pending claim waits for.
          if (pv.status?.phase === 'Available' && !ref) keys.push('pending');
          return keys;
        },
      },
      {
        // pvc-protection: a finished or deleted pod may free a claim that is being deleted (cheap test first: most pods mount no claims).
        resource: 'pods',
        map: (e) => {
          const pod = e.object as KubeObject & { spec?: { volumes?: { persistentVolumeClaim?: { claimName: string } }[] }; status?: { phase?: string } };
          if (e.type !== 'DELETED' && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') return undefined;
          const vols = pod.spec?.volumes;
          if (!vols) return undefined;
          const keys: string[] = [];
          for (const v of vols) if (v.persistentVolumeClaim) keys.push(claimKey(pod.metadata.namespace, v.persistentVolumeClaim.claimName));
          return keys;
        },
      },
    ],
    reconcile(key, ctx) {
      if (key === 'pending') {
        for (const c of ctx.store.list<PVCObj>(PVCS)) if (!c.spec?.volumeName) syncClaim(ctx, c);
        return;
      }
      if (key.startsWith('volume:')) {
        const pv = ctx.store.get<PVObj>(PVS, key.slice(7));
        if (pv) syncVolume(ctx, pv);
        return;
      }
      const claim = ctx.store.get<PVCObj>(PVCS, key.slice(6));
      if (claim) syncClaim(ctx, claim);
    },
  };
}

function syncClaim(ctx: K8sContext, claim: PVCObj): void {
  const ns = claim.metadata.namespace ?? 'default';
  if (claim.metadata.deletionTimestamp) {
    // pvc-protection: the finalizer goes once no pod uses the claim.
    if ((claim.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER) && podsUsingClaim(ctx.store, ns, claim.metadata.name).length === 0) {
      ctx.api.update({ ...claim, metadata: { ...claim.metadata, finalizers: claim.metadata.finalizers!.filter((f) => f !== PVC_PROTECTION_FINALIZER) } });
    }
    return;
  }
  if (claim.spec?.volumeName) return syncBoundClaim(ctx, claim);
  const delayed = isDelayBinding(claim, ctx.store);
  const selected = claim.metadata.annotations?.[SELECTED_NODE];
  const node = selected ? ctx.store.get<KubeObject & { metadata: { labels?: Record<string, string> } }>('nodes', selected) : undefined;
  const nodeLike = node ? { name: node.metadata.name, labels: node.metadata.labels ?? {} } : undefined;
  const pv = findMatchingVolume(claim, ctx.store.list<PVObj>(PVS), nodeLike, delayed);
  if (pv) return bind(ctx, pv, claim);
  // Why: a claim that finds nothing looks again on the binder's resync period.
  ctx.wakeAfter(claimKey(ns, claim.metadata.name), CLAIM_RESYNC_MS);
  if (delayed && !selected) {
    ctx.event(claim, 'Normal', 'WaitForFirstConsumer', WAIT_MESSAGE);
    return;
  }
  const className = claimClass(claim);
  if (!className) {
    ctx.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  const sc = ctx.store.get<SCObj>(CLASSES, className);
  if (!sc) {
    ctx.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    return;
  }
  if (sc.provisioner === 'kubernetes.io/no-provisioner') {
    ctx.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  // Why: an external provisioner acts on claims annotated with its name.
  const a = claim.metadata.annotations ?? {};
  if (a[STORAGE_PROVISIONER] !== sc.provisioner) {
    ctx.api.update({ ...claim, metadata: { ...claim.metadata, annotations: { ...a, [BETA_STORAGE_PROVISIONER]: sc.provisioner, [STORAGE_PROVISIONER]: sc.provisioner } } });
  }
  ctx.event(
    claim,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  );
}

function syncBoundClaim(ctx: K8sContext, claim: PVCObj): void {
  const pv = ctx.store.get<PVObj>(PVS, claim.spec!.volumeName!);
  if (!pv) {
    if (claim.status?.phase === 'Bound') {
      ctx.api.updateStatus({ ...claim, status: { ...claim.status, phase: 'Lost' } });
      ctx.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    }
    return;
  }
  const ref = pv.spec?.claimRef;
  if (!ref || (ref.name === claim.metadata.name && ref.namespace === claim.metadata.namespace && (!ref.uid || ref.uid === claim.metadata.uid))) bind(ctx, pv, claim);
}

/** `bind`: volume → claim (claimRef), volume Bound, claim → volume (volumeName), claim Bound with the volume's capacity and modes. */
function bind(ctx: K8sContext, pv: PVObj, claim: PVCObj): void {
  const ref = pv.spec?.claimRef;
  let volume = pv;
  if (!ref || ref.uid !== claim.metadata.uid) {
    const annotations = ref ? pv.metadata.annotations : { ...pv.metadata.annotations, [BOUND_BY_CONTROLLER]: 'yes' };
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
    const res = ctx.api.update<PVObj>({ ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } });
    if (!res.ok) return;
    volume = res.object;
  }
  if (volume.status?.phase !== 'Bound') {
    const res = ctx.api.updateStatus<PVObj>({ ...volume, status: { ...volume.status, phase: 'Bound' } });
    if (!res.ok) return;
  }
  let c = claim;
  if (claim.spec?.volumeName !== pv.metadata.name || claim.metadata.annotations?.[BIND_COMPLETED] !== 'yes') {
    const annotations: Record<string, string> = { ...claim.metadata.annotations, [BIND_COMPLETED]: 'yes' };
    if (!claim.spec?.volumeName) annotations[BOUND_BY_CONTROLLER] = 'yes';
    const res = ctx.api.update<PVCObj>({ ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName: pv.metadata.name } });
    if (!res.ok) return;
    c = res.object;
  }
  const status = { ...c.status, phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity };
  if (c.status?.phase !== 'Bound') ctx.api.updateStatus({ ...c, status });
}

function syncVolume(ctx: K8sContext, pv: PVObj): void {
  const ref = pv.spec?.claimRef;
  const claim = ref?.name ? ctx.store.get<PVCObj>(PVCS, `${ref.namespace ?? 'default'}/${ref.name}`) : undefined;
  const claimGone = !!ref?.uid && (!claim || claim.metadata.uid !== ref.uid);
  if (pv.metadata.deletionTimestamp) {
    // pv-protection: a volume bound to a live claim stays until the claim lets go.
    const inUse = !!ref?.uid && !claimGone;
    if (!inUse && (pv.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) {
      ctx.api.update({ ...pv, metadata: { ...pv.metadata, finalizers: pv.metadata.finalizers!.filter((f) => f !== PV_PROTECTION_FINALIZER) } });
    }
    return;
  }
  const phase = pv.status?.phase;
  if (!ref || !ref.uid) {
    if (phase !== 'Available') ctx.api.updateStatus({ ...pv, status: { ...pv.status, phase: 'Available' } });
    return;
  }
  if (!claimGone) {
    if (claim!.spec?.volumeName === pv.metadata.name && phase !== 'Bound') ctx.api.updateStatus({ ...pv, status: { ...pv.status, phase: 'Bound' } });
    return;
  }
  // The claim is gone: the volume is Released and its reclaim policy decides.
  if (phase !== 'Released' && phase !== 'Failed') {
    const res = ctx.api.updateStatus<PVObj>({ ...pv, status: { ...pv.status, phase: 'Released' } });
    if (!res.ok) return;
  }
  if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete' || phase === 'Failed') return;
  // Dynamically provisioned volumes are deleted by their provisioner.
  if (pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']) return;
  const current = ctx.store.get<PVObj>(PVS, pv.metadata.name)!;
  ctx.api.updateStatus({ ...current, status: { ...current.status, phase: 'Failed', message: `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched` } });
  ctx.event(pv, 'Warning', 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`);
}

import type { KubeObject } from '../../api/types';
import type { K8sController } from '../context';
import { CLASSES, PROVISIONED_BY, PVCS, PVS, SELECTED_NODE, STORAGE_PROVISIONER, type PVCObj, type PVObj, type SCObj } from './volumeUtil';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
const BASE_PATH = '/var/local-path-provisioner';
/** Its events' source: the provisioner's leader identity (`<name>_<pod>_<uuid>`), fixed here as kind's pod is not simulated. */
export const LOCAL_PATH_IDENTITY = `rancher.io/local-path_local-path-provisioner-7dc846544d-8v2dg_0c1f7a52-4d6e-4b8a-9f3c-5e2d1a7b9c04`;

/** The PersistentVolume the provisioner makes for a claim on a node (`pvc-<claim uid>`, pinned to the node). */
export function localPathVolume(claim: PVCObj, sc: SCObj, node: string): KubeObject {
  const ns = claim.metadata.namespace ?? 'default';
  const name = `pvc-${claim.metadata.uid}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'local.path.provisioner/selected-node': node, [PROVISIONED_BY]: LOCAL_PATH_PROVISIONER } },
    spec: {
      accessModes: claim.spec?.accessModes,
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: ns, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
      hostPath: { path: `${BASE_PATH}/${name}_${ns}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
}

/**
 * kind's local-path provisioner (an external provisioner, `rancher.io/local-path`):
 * makes a hostPath volume on the claim's selected node for claims the
 * PersistentVolume controller annotated with its name, and deletes its
 * released volumes whose reclaim policy is Delete (their data goes with them).
 */
export function createLocalPathProvisioner(): K8sController {
  return {
    name: LOCAL_PATH_IDENTITY,
    watches: [
      { resource: PVCS, map: (e) => ((e.object as PVCObj).metadata.annotations?.[STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER ? `claim:${e.key}` : undefined) },
      { resource: PVS, map: (e) => ((e.object as PVObj).metadata.annotations?.[PROVISIONED_BY] === LOCAL_PATH_PROVISIONER && e.type !== 'DELETED' ? `volume:${e.key}` : undefined) },
    ],
    reconcile(key, ctx) {
      if (key.startsWith('volume:')) {
        const pv = ctx.store.get<PVObj>(PVS, key.slice(7));
        // Why: a released volume with policy Delete is cleaned up (helper pod) and removed.
        if (pv && pv.status?.phase === 'Released' && pv.spec?.persistentVolumeReclaimPolicy === 'Delete' && !pv.metadata.deletionTimestamp) ctx.api.delete(PVS, undefined, pv.metadata.name);
        return;
      }
      const claim = ctx.store.get<PVCObj>(PVCS, key.slice(6));
      if (!claim || claim.metadata.deletionTimestamp || claim.spec?.volumeName) return;
      if (claim.metadata.annotations?.[STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return;
      const name = `pvc-${claim.metadata.uid}`;
      if (ctx.store.get(PVS, name)) return;
      const sc = ctx.store.get<SCObj>(CLASSES, claim.spec?.storageClassName ?? '');
      if (!sc) return;
      const ns = claim.metadata.namespace ?? 'default';
      ctx.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${claim.metadata.name}"`);
      const node = claim.metadata.annotations?.[SELECTED_NODE];
      if (!node) {
        ctx.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": configuration error, no node was specified`);
        return;
      }
      const res = ctx.api.create(localPathVolume(claim, sc, node));
      if (!res.ok) return;
      ctx.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
    },
  };
}

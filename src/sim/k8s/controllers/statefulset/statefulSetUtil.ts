import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/types';
import { newControllerRef } from '../controllerRefManager';
import { isPodReady, type PodObj } from '../replicaset/podTally';
import { defaultedPodSpec } from '../workloadPods';

/** stateful_set_utils.go: names, identity and health of StatefulSet pods. */
export type StatefulSetObj = Stored<StatefulSet>;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** `getStartOrdinal`: `spec.ordinals.start`, else 0. */
export function getStartOrdinal(set: StatefulSetObj): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** `getPodName`: `<set>-<ordinal>`. */
export function getPodName(set: StatefulSetObj, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** `getOrdinal`: the ordinal from a pod name `<set>-<i>`, or -1 when the name has another shape. */
export function getOrdinal(setName: string, podName: string): number {
  if (!podName.startsWith(`${setName}-`)) return -1;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : -1;
}

/** `getPersistentVolumeClaimName`: `<claimTemplate>-<set>-<ordinal>`. */
export function getPersistentVolumeClaimName(set: StatefulSetObj, claim: PersistentVolumeClaim, ordinal: number): string {
  return `${claim.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

/** `isCreated`: the API server has given the pod a phase. */
export const isCreated = (pod: PodObj | undefined): pod is PodObj => !!pod?.status?.phase;
export const isFailed = (pod: PodObj) => pod.status?.phase === 'Failed';
export const isSucceeded = (pod: PodObj) => pod.status?.phase === 'Succeeded';
export const isPending = (pod: PodObj) => pod.status?.phase === 'Pending';
export const isTerminating = (pod: PodObj) => !!pod.metadata.deletionTimestamp;
/** `isRunningAndReady`. */
export const isRunningAndReady = (pod: PodObj) => pod.status?.phase === 'Running' && isPodReady(pod);
/** `isHealthy`: running, ready and not terminating. */
export const isHealthy = (pod: PodObj) => isRunningAndReady(pod) && !isTerminating(pod);

/** `isRunningAndAvailable`: ready for at least minReadySeconds (by the Ready condition's transition time). */
export function isRunningAndAvailable(pod: PodObj, minReadySeconds: number, now: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const since = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : now;
  return since + minReadySeconds * 1000 <= now;
}

/** `getPodRevision`. */
export const getPodRevision = (pod: PodObj): string | undefined => pod.metadata.labels?.[REVISION_LABEL];

/** `identityMatches`: name, namespace, pod-name label, hostname and subdomain are the set's. */
export function identityMatches(set: StatefulSetObj, pod: PodObj): boolean {
  const ord = getOrdinal(set.metadata.name, pod.metadata.name);
  return (
    ord >= 0 &&
    pod.metadata.name === getPodName(set, ord) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    pod.metadata.labels?.[POD_INDEX_LABEL] === String(ord)
  );
}

/**
 * The volume a claim template gives a pod: its claim `<tmpl>-<set>-<i>`
 * when PersistentVolumeClaims are served, else an emptyDir stand-in.
 */
function claimVolume(set: StatefulSetObj, claim: PersistentVolumeClaim, ordinal: number, claimsServed: boolean): Volume {
  const name = claim.metadata?.name ?? '';
  // TODO(pvc): without PersistentVolumeClaims the playground cannot keep a
  // pod's data across restarts; the mount is backed by an emptyDir until the
  // kind is served (then `updateStorage` gives the real claim).
  if (!claimsServed) return { name, emptyDir: {} };
  return { name, persistentVolumeClaim: { claimName: getPersistentVolumeClaimName(set, claim, ordinal) } };
}

/**
 * `newStatefulSetPod`: the template's pod named `<set>-<i>` with its
 * identity (labels, hostname, subdomain), storage and revision label.
 */
export function newStatefulSetPod(set: StatefulSetObj, ordinal: number, revision: string, claimsServed: boolean): KubeObject {
  const tpl = set.spec!.template;
  const name = getPodName(set, ordinal);
  const spec = defaultedPodSpec(tpl.spec!);
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length) {
    // `updateStorage`: claim volumes replace template volumes of the same name.
    const own = new Set(templates.map((t) => t.metadata?.name));
    spec.volumes = [...templates.map((t) => claimVolume(set, t, ordinal, claimsServed)), ...(spec.volumes ?? []).filter((v) => !own.has(v.name))];
  }
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const labels = { ...tpl.metadata?.labels, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision };
  const metadata: KubeObject['metadata'] = { name, namespace: set.metadata.namespace, labels, ownerReferences: [newControllerRef(set)] };
  if (tpl.metadata?.annotations) metadata.annotations = { ...tpl.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** The claim `<tmpl>-<set>-<i>` for one template (labelled with the set's selector labels). */
export function newPersistentVolumeClaim(set: StatefulSetObj, claim: PersistentVolumeClaim, ordinal: number): KubeObject {
  const labels = { ...claim.metadata?.labels, ...set.spec?.selector?.matchLabels };
  const metadata: KubeObject['metadata'] = { name: getPersistentVolumeClaimName(set, claim, ordinal), namespace: set.metadata.namespace, labels };
  if (claim.metadata?.annotations) metadata.annotations = { ...claim.metadata.annotations };
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: { ...claim.spec } };
}

import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { ObjectStore, WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import { controllerRef, type KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { newControllerRef } from '../controllerRefManager';
import type { PodObj } from '../replicaset/podTally';
import { PodClaims } from '../workloadPods';
import { applyRevision, getStatefulSetRevisions, truncateHistory, type Revisions } from './revisions';
import {
  getOrdinal,
  getPersistentVolumeClaimName,
  getPodRevision,
  getStartOrdinal,
  isCreated,
  isFailed,
  isHealthy,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  newPersistentVolumeClaim,
  newStatefulSetPod,
  type StatefulSetObj,
} from './statefulSetUtil';

/**
 * The StatefulSet controller (`pkg/controller/statefulset`): pods
 * `<set>-<i>` with stable identity, created in order and each waiting for
 * its predecessors to be Running and Ready (OrderedReady) or all at once
 * (Parallel); scale-down from the highest ordinal; RollingUpdate from the
 * highest ordinal down to the partition, or OnDelete; failed pods deleted
 * and recreated under the same name; ControllerRevisions as history.
 */
export function createStatefulSetController(store: ObjectStore): K8sController {
  const claims = new PodClaims(store, 'StatefulSet', 'statefulsets.apps');
  const revisionOwner = (e: WatchEvent): string[] => {
    const ref = controllerRef(e.object.metadata);
    return ref?.kind === 'StatefulSet' ? [`${e.object.metadata.namespace}/${ref.name}`] : [];
  };
  return {
    name: 'statefulset-controller',
    watches: [
      { resource: 'statefulsets.apps', map: claims.mapOwner },
      { resource: 'pods', map: claims.mapPod },
      { resource: 'controllerrevisions.apps', map: revisionOwner },
    ],
    reconcile(key, ctx) {
      const set = ctx.store.get<StatefulSetObj>('statefulsets.apps', key);
      if (!set) return 0;
      claims.claim(set, ctx);
      syncStatefulSet(set, ctx);
      return 0;
    },
  };
}

/** What a pass over the pods leaves: the pods in range by ordinal and the condemned ones, highest first. */
interface PodSlots {
  replicas: (PodObj | undefined)[];
  condemned: PodObj[];
  all: PodObj[];
}

function slotPods(set: StatefulSetObj, ctx: K8sContext): PodSlots {
  const start = getStartOrdinal(set);
  const count = set.spec?.replicas ?? 1;
  const replicas: (PodObj | undefined)[] = Array.from({ length: count }, () => undefined);
  const condemned: PodObj[] = [];
  const all = ctx.store.listByIndex<PodObj>('pods', 'controllerUid', set.metadata.uid!);
  for (const pod of all) {
    const ord = getOrdinal(set.metadata.name, pod.metadata.name);
    if (ord < 0) continue;
    if (ord >= start && ord < start + count) replicas[ord - start] = pod;
    else condemned.push(pod);
  }
  condemned.sort((a, b) => getOrdinal(set.metadata.name, b.metadata.name) - getOrdinal(set.metadata.name, a.metadata.name));
  return { replicas, condemned, all };
}

function syncStatefulSet(set: StatefulSetObj, ctx: K8sContext): void {
  const revs = getStatefulSetRevisions(ctx, set);
  if (!revs) return;
  const slots = slotPods(set, ctx);
  if (!set.metadata.deletionTimestamp) updateStatefulSet(set, ctx, revs, slots);
  const after = slotPods(set, ctx);
  writeStatus(set, ctx, revs, after.all);
  truncateHistory(ctx, set, after.all, revs);
}

/** `updateStatefulSet`: one round of progress; stops where OrderedReady must wait. */
function updateStatefulSet(set: StatefulSetObj, ctx: K8sContext, revs: Revisions, { replicas, condemned }: PodSlots): void {
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const start = getStartOrdinal(set);
  const minReady = set.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  const key = `${set.metadata.namespace}/${set.metadata.name}`;
  const currentSet = applyRevision(set, revs.current);
  const updateSet = applyRevision(set, revs.update);
  const partition = set.spec?.updateStrategy?.type === 'RollingUpdate' ? (set.spec.updateStrategy.rollingUpdate?.partition ?? 0) : -1;
  const claimsServed = ctx.store.has('persistentvolumeclaims');
  // `newVersionedStatefulSetPod`: ordinals below the partition are (re)created at the current revision.
  const newPod = (ord: number) =>
    ord < start + partition ? newStatefulSetPod(currentSet, ord, revs.current.metadata.name, claimsServed) : newStatefulSetPod(updateSet, ord, revs.update.metadata.name, claimsServed);

  // First, each replica in ordinal order; in monotonic mode stop at the first that is not Running and Ready.
  let blocked = false;
  for (let i = 0; i < replicas.length && !blocked; i++) {
    const pod = replicas[i];
    const ord = start + i;
    if (pod && (isFailed(pod) || isSucceeded(pod))) {
      // A finished pod is deleted; its successor is made on the sync after it is gone.
      if (!isTerminating(pod)) {
        if (isFailed(pod)) ctx.event(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${key} is recreating failed Pod ${pod.metadata.name}`);
        else ctx.event(set, 'Normal', 'RecreatingTerminatedPod', `StatefulSet ${key} is recreating terminated Pod ${pod.metadata.name}`);
        deletePod(set, ctx, pod);
      }
      blocked = true;
      continue;
    }
    if (!isCreated(pod)) {
      createStatefulPod(set, ctx, newPod(ord), ord, claimsServed);
      if (monotonic) blocked = true;
      continue;
    }
    if (isTerminating(pod) && monotonic) blocked = true;
    else if (!isRunningAndReady(pod) && monotonic) blocked = true;
    else if (!isRunningAndAvailable(pod, minReady, now) && monotonic) {
      wakeWhenAvailable(set, ctx, pod, minReady);
      blocked = true;
    }
  }
  if (blocked) return;

  // Then scale down from the highest ordinal; in monotonic mode one at a time, and only when every other pod is healthy.
  const firstUnhealthy = [...replicas, ...condemned].find((p) => p && !isHealthy(p));
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return;
    if (claimsServed && set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') ownClaimsByPod(set, ctx, pod);
    deletePod(set, ctx, pod);
    if (monotonic) return;
  }
  if (condemned.length && monotonic) return;

  // OnDelete: pods are replaced only when someone deletes them.
  if (set.spec?.updateStrategy?.type === 'OnDelete') return;
  // RollingUpdate: the highest ordinal not at the update revision, down to the partition, one at a time.
  for (let target = replicas.length - 1; target >= Math.max(0, partition); target--) {
    const pod = replicas[target];
    if (!pod) return;
    if (getPodRevision(pod) !== revs.update.metadata.name && !isTerminating(pod)) {
      ctx.note(`Pod ${pod.metadata.name} of StatefulSet ${set.metadata.name} is terminating for update`, key);
      deletePod(set, ctx, pod);
      return;
    }
    if (!isHealthy(pod)) return;
  }
}

/** `CreateStatefulPod`: the claims first (when served), then the pod; events as the pod control records them. */
function createStatefulPod(set: StatefulSetObj, ctx: K8sContext, pod: ReturnType<typeof newStatefulSetPod>, ord: number, claimsServed: boolean): void {
  const podName = pod.metadata.name;
  if (claimsServed) {
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const claimName = getPersistentVolumeClaimName(set, t, ord);
      if (ctx.store.get('persistentvolumeclaims', `${set.metadata.namespace}/${claimName}`)) continue;
      const claim = newPersistentVolumeClaim(set, t, ord);
      // whenDeleted: Delete — the claim goes with the set (the garbage collector follows the reference).
      if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') claim.metadata.ownerReferences = [{ ...newControllerRef(set), controller: true }];
      const res = ctx.api.create(claim);
      if (res.ok || res.status.reason === 'AlreadyExists') ctx.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${set.metadata.name} success`);
      else {
        ctx.event(set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${res.status.message}`);
        return;
      }
    }
  }
  const res = ctx.api.create(pod, { trusted: true });
  if (res.ok) ctx.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} successful`);
  else if (res.status.reason !== 'AlreadyExists') ctx.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${res.status.message}`);
}

/** whenScaled: Delete — a condemned pod's claims get the pod as owner, so they go when it is gone. */
function ownClaimsByPod(set: StatefulSetObj, ctx: K8sContext, pod: PodObj): void {
  const ord = getOrdinal(set.metadata.name, pod.metadata.name);
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const claim = ctx.store.get<KubeObject>('persistentvolumeclaims', `${set.metadata.namespace}/${getPersistentVolumeClaimName(set, t, ord)}`);
    if (!claim || claim.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) continue;
    const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid! };
    ctx.api.update({ ...claim, metadata: { ...claim.metadata, ownerReferences: [...(claim.metadata.ownerReferences ?? []).filter((r) => !r.controller), ref] } });
  }
}

/** `DeleteStatefulPod`. */
function deletePod(set: StatefulSetObj, ctx: K8sContext, pod: PodObj): void {
  const res = ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name, { preconditionUid: pod.metadata.uid });
  if (res.ok) ctx.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  else ctx.event(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${res.status.message}`);
}

function wakeWhenAvailable(set: StatefulSetObj, ctx: K8sContext, pod: PodObj, minReady: number): void {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.lastTransitionTime) ctx.wakeAt(`${set.metadata.namespace}/${set.metadata.name}`, Date.parse(ready.lastTransitionTime) + minReady * 1000);
}

/** `computeReplicaStatus` + `completeRollingUpdate`, written when it changed. */
function writeStatus(set: StatefulSetObj, ctx: K8sContext, revs: Revisions, pods: PodObj[]): void {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const pod of pods) {
    if (getOrdinal(set.metadata.name, pod.metadata.name) < 0 || !isCreated(pod)) continue;
    replicas++;
    if (isRunningAndReady(pod)) ready++;
    if (isRunningAndAvailable(pod, minReady, now)) available++;
    else if (isRunningAndReady(pod)) wakeWhenAvailable(set, ctx, pod, minReady);
    if (isTerminating(pod)) continue;
    const rev = getPodRevision(pod);
    if (rev === revs.current.metadata.name) current++;
    if (rev === revs.update.metadata.name) updated++;
  }
  const status: StatefulSetStatus = {
    availableReplicas: available,
    collisionCount: revs.collisionCount,
    currentReplicas: current,
    currentRevision: revs.current.metadata.name,
    observedGeneration: set.metadata.generation,
    readyReplicas: ready,
    replicas,
    updateRevision: revs.update.metadata.name,
    updatedReplicas: updated,
  };
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && updated === replicas && ready === replicas) {
    status.currentReplicas = updated;
    status.currentRevision = status.updateRevision;
  }
  if (!deepEqual(set.status, status)) ctx.api.updateStatus({ ...set, status });
  ctx.note(`StatefulSet ${set.metadata.name}: ${ready}/${set.spec?.replicas ?? 1} ready`, `${set.metadata.namespace}/${set.metadata.name}`);
}

import type { DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import type { K8sContext } from '../context';
import {
  MinimumReplicasAvailable,
  MinimumReplicasUnavailable,
  NewRSAvailableReason,
  PausedDeployReason,
  ReplicaSetUpdatedReason,
  ResumedDeployReason,
  TimedOutReason,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getDeploymentCondition,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  maxUnavailable,
  newDeploymentCondition,
  removeDeploymentCondition,
  replicasOf,
  setDeploymentCondition,
  setNewDeploymentCondition,
  type DeploymentObj,
  type ReplicaSetObj,
} from './deploymentUtil';
import { deepEqual } from '../../api/objectDiff';
import { parseTimestamp } from '../../../engine/clock';
import { ownerKey } from '../objectKeys';

/**
 * `calculateStatus`: counts summed over the ReplicaSets, and the Available
 * condition. Zero counters are left out (the API omits them, omitempty, so
 * status comparisons must too). The conditions array may be the current
 * status's own: it is replaced, never changed in place.
 */
export function calculateStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined, d: DeploymentObj, now: string): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const replicas = getActualReplicaCountForReplicaSets(allRSs);
  const updated = newRS?.status?.replicas ?? 0;
  const ready = getReadyReplicaCountForReplicaSets(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: DeploymentStatus = { observedGeneration: d.metadata.generation };
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions;
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setNewDeploymentCondition(status, 'Available', 'True', MinimumReplicasAvailable, 'Deployment has minimum availability.', now);
  } else {
    setNewDeploymentCondition(status, 'Available', 'False', MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now);
  }
  return status;
}

function writeStatus(d: DeploymentObj, status: DeploymentStatus, ctx: K8sContext): DeploymentObj {
  const res = ctx.api.updateStatus<DeploymentObj>({ ...d, status } as DeploymentObj);
  return res.ok ? res.object : d;
}

/** `syncDeploymentStatus`: status only, no progress estimation (scaling and paused syncs). */
export function syncDeploymentStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined, d: DeploymentObj, ctx: K8sContext): void {
  const status = calculateStatus(allRSs, newRS, d, ctx.clock.timestamp());
  if (deepEqual(d.status, status)) return;
  writeStatus(d, status, ctx);
}

/** `syncRolloutStatus`: status plus the Progressing condition (progress, completion, deadline). */
export function syncRolloutStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined, d: DeploymentObj, ctx: K8sContext): void {
  const now = ctx.clock.timestamp();
  const newStatus = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing');
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === NewRSAvailableReason;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'True', NewRSAvailableReason, msg, now));
    } else if (deploymentProgressing(d, newStatus)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newDeploymentCondition('Progressing', 'True', ReplicaSetUpdatedReason, msg, now);
      // Progress refreshes lastUpdateTime even with an unchanged reason.
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, 'Progressing');
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, ctx.clock.now())) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'False', TimedOutReason, msg, now));
    }
  }
  const failure = getReplicaFailures(allRSs, newRS);
  if (failure) setDeploymentCondition(newStatus, failure);
  else removeDeploymentCondition(newStatus, 'ReplicaFailure');
  if (deepEqual(d.status, newStatus)) {
    requeueStuckDeployment(d, newStatus, ctx);
    return;
  }
  const updated = writeStatus(d, newStatus, ctx);
  requeueStuckDeployment(updated, newStatus, ctx);
}

/** `getReplicaFailures`: the ReplicaFailure condition of the new RS (or else of the first old one that has it). */
function getReplicaFailures(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined) {
  let c = newRS && replicaFailure(newRS);
  if (!c) {
    for (const rs of allRSs) {
      if (rs === newRS || !rs) continue;
      c = replicaFailure(rs);
      if (c) break;
    }
  }
  if (c) return { type: 'ReplicaFailure', status: 'True', lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  return undefined;
}

function replicaFailure(rs: ReplicaSetObj): ReplicaSetCondition | undefined {
  const conditions = rs.status?.conditions;
  if (conditions) for (const x of conditions) if (x.type === 'ReplicaFailure' && x.status === 'True') return x;
  return undefined;
}

/** `requeueStuckDeployment`: wake up when the progress deadline would pass. */
function requeueStuckDeployment(d: DeploymentObj, newStatus: DeploymentStatus, ctx: K8sContext): void {
  const cond = getDeploymentCondition(newStatus, 'Progressing');
  if (!hasProgressDeadline(d) || !cond || cond.reason === NewRSAvailableReason || cond.reason === TimedOutReason) return;
  if (deploymentComplete(d, newStatus)) return;
  const last = parseTimestamp(cond.lastUpdateTime) ?? ctx.clock.now();
  const at = last + d.spec!.progressDeadlineSeconds! * 1000 + 1000;
  ctx.wakeAt(ownerKey(d.metadata.namespace, d.metadata.name), at);
}

/** `checkPausedConditions`: Progressing Unknown/DeploymentPaused while paused, DeploymentResumed after. */
export function checkPausedConditions(d: DeploymentObj, ctx: K8sContext): DeploymentObj {
  if (!hasProgressDeadline(d)) return d;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TimedOutReason) return d;
  const pausedCondExists = cond?.reason === PausedDeployReason;
  const pause = d.spec?.paused && !pausedCondExists;
  if (!pause && (d.spec?.paused || !pausedCondExists)) return d;
  const status: DeploymentStatus = { ...d.status };
  const now = ctx.clock.timestamp();
  if (pause) setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', PausedDeployReason, 'Deployment is paused', now));
  else setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', ResumedDeployReason, 'Deployment is resumed', now));
  return writeStatus(d, status, ctx);
}

import type { K8sContext } from '../context';
import { allReplicaSets, deploymentComplete, getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas, replicasOf, byCreationTimestamp, filterActiveReplicaSets, type DeploymentObj, type ReplicaSetObj } from './deploymentUtil';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, refresh, scaleReplicaSet, syncRolloutStatus } from './sync';

/**
 * `rolloutRolling`: one step of a rolling update — scale the new
 * ReplicaSet up if surge allows, else scale old ones down if availability
 * allows, else tidy up history — then update status.
 */
export function rolloutRolling(d: DeploymentObj, rsList: ReplicaSetObj[], ctx: K8sContext): void {
  let state = getAllReplicaSetsAndSyncRevision(d, rsList, true, ctx);
  if (!state.newRS) return syncRolloutStatus(state.oldRSs, undefined, state.d, ctx);
  const scaledUp = reconcileNewReplicaSet(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
  if (scaledUp) {
    state = refresh(state, ctx);
    return syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
  }
  const scaledDown = reconcileOldReplicaSets(allReplicaSets(state.oldRSs, state.newRS), filterActiveReplicaSets(state.oldRSs), state.newRS, state.d, ctx);
  state = refresh(state, ctx);
  if (scaledDown) return syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
  if (deploymentComplete(state.d, state.d.status ?? {})) {
    cleanupDeployment(state.oldRSs, state.d, ctx);
    state = refresh(state, ctx);
  }
  syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
}

/** `reconcileNewReplicaSet`. */
function reconcileNewReplicaSet(allRSs: ReplicaSetObj[], newRS: ReplicaSetObj, d: DeploymentObj, ctx: K8sContext): boolean {
  const replicas = replicasOf(d);
  const current = newRS.spec?.replicas ?? 1;
  if (current === replicas) return false;
  if (current > replicas) return scaleReplicaSet(newRS, replicas, d, ctx)[0];
  return scaleReplicaSet(newRS, newRSNewReplicas(d, allRSs, newRS), d, ctx)[0];
}

/** `reconcileOldReplicaSets`: how many old replicas can go without breaking minAvailable. */
function reconcileOldReplicaSets(allRSs: ReplicaSetObj[], oldRSs: ReplicaSetObj[], newRS: ReplicaSetObj, d: DeploymentObj, ctx: K8sContext): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const maxScaledDown = maxScaledDownCount(d, allRSs, newRS);
  if (maxScaledDown <= 0) return false;
  const [cleaned, cleanupCount] = cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown, ctx);
  const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(allReplicaSets(cleaned, newRS), cleaned, d, ctx);
  return cleanupCount + scaledDownCount > 0;
}

/**
 * How many old replicas `reconcileOldReplicaSets` may remove now: all pods
 * minus minAvailable minus the new ReplicaSet's unavailable ones (so a
 * crash-looping new ReplicaSet cannot eat into the old, healthy one).
 */
export function maxScaledDownCount(d: DeploymentObj, allRSs: readonly ReplicaSetObj[], newRS: ReplicaSetObj): number {
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newRSUnavailable = (newRS.spec?.replicas ?? 1) - (newRS.status?.availableReplicas ?? 0);
  return allPodsCount - minAvailable - newRSUnavailable;
}

/** `cleanupUnhealthyReplicas`: first remove old replicas that are not available anyway. */
function cleanupUnhealthyReplicas(oldRSs: ReplicaSetObj[], d: DeploymentObj, maxCleanupCount: number, ctx: K8sContext): [ReplicaSetObj[], number] {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const spec = rs.spec?.replicas ?? 1;
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const [, updated] = scaleReplicaSet(rs, spec - count, d, ctx);
    total += count;
    sorted[i] = updated;
  }
  return [sorted, total];
}

/** `scaleDownOldReplicaSetsForRollingUpdate`: remove available old replicas down to minAvailable, oldest first. */
function scaleDownOldReplicaSetsForRollingUpdate(allRSs: ReplicaSetObj[], oldRSs: ReplicaSetObj[], d: DeploymentObj, ctx: K8sContext): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvailable) return 0;
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of sorted) {
    if (total >= totalToScaleDown) break;
    const spec = rs.spec?.replicas ?? 1;
    if (spec === 0) continue;
    const count = Math.min(spec, totalToScaleDown - total);
    scaleReplicaSet(rs, spec - count, d, ctx);
    total += count;
  }
  return total;
}

import type { K8sContext } from '../context';
import { allReplicaSets, deploymentComplete, filterActiveReplicaSets, getActualReplicaCountForReplicaSets, replicasOf, type DeploymentObj, type ReplicaSetObj } from './deploymentUtil';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, refresh, scaleReplicaSet, syncRolloutStatus } from './sync';
import type { KubeObject } from '../../api/types';

/**
 * `rolloutRecreate`: scale every old ReplicaSet to zero, wait until no old
 * pod is left running (terminating ones included), then bring the new
 * ReplicaSet straight to the full count.
 */
export function rolloutRecreate(d: DeploymentObj, rsList: ReplicaSetObj[], ctx: K8sContext): void {
  let state = getAllReplicaSetsAndSyncRevision(d, rsList, false, ctx);
  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(state.oldRSs)) {
    if (scaleReplicaSet(rs, 0, state.d, ctx)[0]) scaledDown = true;
  }
  if (scaledDown) {
    state = refresh(state, ctx);
    return syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
  }
  if (oldPodsRunning(state.newRS, state.oldRSs, ctx)) return syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
  if (!state.newRS) state = getAllReplicaSetsAndSyncRevision(state.d, rsList, true, ctx);
  if (state.newRS) scaleReplicaSet(state.newRS, replicasOf(state.d), state.d, ctx);
  state = refresh(state, ctx);
  if (deploymentComplete(state.d, state.d.status ?? {})) {
    cleanupDeployment(state.oldRSs, state.d, ctx);
    state = refresh(state, ctx);
  }
  syncRolloutStatus(allReplicaSets(state.oldRSs, state.newRS), state.newRS, state.d, ctx);
}

/** `oldPodsRunning`: any pod of an old ReplicaSet not yet Succeeded/Failed (terminating ones count). */
function oldPodsRunning(newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[], ctx: K8sContext): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const rs of oldRSs) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    for (const pod of ctx.store.listByIndex<KubeObject & { status?: { phase?: string } }>('pods', 'controllerUid', rs.metadata.uid!)) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}

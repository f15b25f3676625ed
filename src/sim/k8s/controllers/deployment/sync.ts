import type { K8sContext } from '../context';
import { checkPausedConditions, syncDeploymentStatus, syncRolloutStatus } from './progress';
import {
  DesiredReplicasAnnotation,
  allReplicaSets,
  FailedRSCreateReason,
  FoundNewRSReason,
  NewReplicaSetReason,
  RevisionAnnotation,
  byCreationTimestamp,
  byRevision,
  filterActiveReplicaSets,
  findNewReplicaSet,
  getDeploymentCondition,
  getProportion,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  intAnnotation,
  isSaturated,
  maxRevision,
  maxSurge,
  newDeploymentCondition,
  newRSNewReplicas,
  replicasOf,
  setDeploymentCondition,
  type DeploymentObj,
  type ReplicaSetObj,
} from './deploymentUtil';
import { buildNewReplicaSet, newRSAnnotationsInStep, replicasAnnotationsNeedUpdate, setNewReplicaSetAnnotations, setReplicasAnnotations } from './replicaSets';

export interface RSState {
  d: DeploymentObj;
  newRS: ReplicaSetObj | undefined;
  oldRSs: ReplicaSetObj[];
}

/**
 * `getAllReplicaSetsAndSyncRevision`: splits the deployment's ReplicaSets
 * into the new one (template matches) and the old ones, keeps the revision
 * annotations in step, and creates the new ReplicaSet when asked.
 */
export function getAllReplicaSetsAndSyncRevision(d: DeploymentObj, rsList: ReplicaSetObj[], createIfNotExisted: boolean, ctx: K8sContext): RSState {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    let rs = existing;
    const minReadyNeedsUpdate = (rs.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (minReadyNeedsUpdate || !newRSAnnotationsInStep(d, rs, newRevision)) {
      const annotations = { ...rs.metadata.annotations };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
      if (annotationsUpdated || minReadyNeedsUpdate) {
        const res = ctx.api.update<ReplicaSetObj>({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 } } as ReplicaSetObj, { trusted: true });
        if (res.ok) rs = res.object;
        return { d, newRS: rs, oldRSs };
      }
    }
    const rev = rs.metadata.annotations?.[RevisionAnnotation];
    const revisionNeedsUpdate = rev !== undefined && d.metadata.annotations?.[RevisionAnnotation] !== rev;
    const conditionNeeded = hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing');
    if (revisionNeedsUpdate || conditionNeeded) {
      const dAnnotations = { ...d.metadata.annotations };
      if (revisionNeedsUpdate) dAnnotations[RevisionAnnotation] = rev;
      const status = { ...d.status };
      if (conditionNeeded) setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', FoundNewRSReason, `Found new replica set "${rs.metadata.name}"`, ctx.clock.timestamp()));
      const res = ctx.api.updateStatus<DeploymentObj>({ ...d, metadata: { ...d.metadata, annotations: dAnnotations }, status } as DeploymentObj);
      if (res.ok) d = res.object;
    }
    return { d, newRS: rs, oldRSs };
  }
  if (!createIfNotExisted) return { d, newRS: undefined, oldRSs };

  const draft = buildNewReplicaSet(d, 0);
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, newRevision, false);
  const toCreate = { ...draft, metadata: { ...draft.metadata, annotations }, spec: { ...draft.spec!, replicas } } as ReplicaSetObj;
  const res = ctx.api.create<ReplicaSetObj>(toCreate, { trusted: true });
  if (!res.ok) {
    if (res.status.reason === 'AlreadyExists') {
      // A hash collision with a ReplicaSet we do not own: bump collisionCount and retry on the next sync.
      const status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      ctx.api.updateStatus({ ...d, status } as DeploymentObj);
      ctx.wakeAfter(`${d.metadata.namespace}/${d.metadata.name}`, 0);
      return { d, newRS: undefined, oldRSs };
    }
    const status = { ...d.status };
    if (hasProgressDeadline(d)) {
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', FailedRSCreateReason, `Failed to create new replica set "${toCreate.metadata.name}": ${res.status.message}`, ctx.clock.timestamp()));
      ctx.api.updateStatus({ ...d, status } as DeploymentObj);
    }
    ctx.event(d, 'Warning', FailedRSCreateReason, `Failed to create new replica set "${toCreate.metadata.name}": ${res.status.message}`);
    return { d, newRS: undefined, oldRSs };
  }
  const created = res.object;
  if (replicas > 0) {
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    ctx.note(`new ReplicaSet ${created.metadata.name} (revision ${newRevision}) → ${replicas} replica${replicas === 1 ? '' : 's'}`, `${d.metadata.namespace}/${d.metadata.name}`);
  }
  const dAnnotations = { ...d.metadata.annotations, [RevisionAnnotation]: newRevision };
  const status = { ...d.status };
  if (hasProgressDeadline(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', NewReplicaSetReason, `Created new replica set "${created.metadata.name}"`, ctx.clock.timestamp()));
  }
  const upd = ctx.api.updateStatus<DeploymentObj>({ ...d, metadata: { ...d.metadata, annotations: dAnnotations }, status } as DeploymentObj);
  return { d: upd.ok ? upd.object : d, newRS: created, oldRSs };
}

/** `scaleReplicaSetAndRecordEvent` / `scaleReplicaSet`: returns whether the size changed and the updated RS. */
export function scaleReplicaSet(rs: ReplicaSetObj, newScale: number, d: DeploymentObj, ctx: K8sContext): [boolean, ReplicaSetObj] {
  const oldScale = rs.spec?.replicas ?? 1;
  const sizeNeedsUpdate = oldScale !== newScale;
  const max = replicasOf(d) + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return [false, rs];
  const annotations = { ...rs.metadata.annotations };
  setReplicasAnnotations(annotations, replicasOf(d), max);
  const res = ctx.api.update<ReplicaSetObj>({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, replicas: newScale } } as ReplicaSetObj, { trusted: true });
  if (!res.ok) return [false, rs];
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? 'up' : 'down';
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    ctx.note(`scaled ${op} ${rs.metadata.name} ${oldScale} → ${newScale}`, `${d.metadata.namespace}/${d.metadata.name}`);
  }
  return [sizeNeedsUpdate, res.object];
}

/** `FindActiveOrLatest`. */
function findActiveOrLatest(newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[]): ReplicaSetObj | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort(byCreationTimestamp).reverse();
  const all = filterActiveReplicaSets([...sortedOld, newRS]);
  if (all.length === 0) return newRS ?? sortedOld[0];
  if (all.length === 1) return all[0];
  return undefined;
}

/** `scale`: replicas changed (or paused) — resize the active ReplicaSets proportionally. */
export function scale(d: DeploymentObj, newRS: ReplicaSetObj | undefined, oldRSs: ReplicaSetObj[], ctx: K8sContext): void {
  const replicas = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if ((activeOrLatest.spec?.replicas ?? 1) !== replicas) scaleReplicaSet(activeOrLatest, replicas, d, ctx);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSet(old, 0, d, ctx);
    return;
  }
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
  const all = filterActiveReplicaSets([...oldRSs, newRS]);
  const allReplicas = getReplicaCountForReplicaSets(all);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - allReplicas;
  const newer = (a: ReplicaSetObj, b: ReplicaSetObj) => byCreationTimestamp(b, a);
  const size = (rs: ReplicaSetObj) => rs.spec?.replicas ?? 1;
  if (toAdd > 0) all.sort((a, b) => size(b) - size(a) || newer(a, b));
  else if (toAdd < 0) all.sort((a, b) => size(b) - size(a) || byCreationTimestamp(a, b));
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      nameToSize.set(rs.metadata.name, size(rs) + proportion);
      added += proportion;
    } else nameToSize.set(rs.metadata.name, size(rs));
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) {
      const leftover = toAdd - added;
      nameToSize.set(rs.metadata.name, Math.max(0, nameToSize.get(rs.metadata.name)! + leftover));
    }
    scaleReplicaSet(rs, nameToSize.get(rs.metadata.name)!, d, ctx);
  });
}

/** `isScalingEvent`: an active RS whose desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(d: DeploymentObj, rsList: ReplicaSetObj[], ctx: K8sContext): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false, ctx);
  for (const rs of oldRSs) if (scaledElsewhere(rs, d)) return true;
  return newRS !== undefined && scaledElsewhere(newRS, d);
}

/** An active ReplicaSet whose desired-replicas annotation is not the deployment's replicas. */
function scaledElsewhere(rs: ReplicaSetObj, d: DeploymentObj): boolean {
  if (!((rs.spec?.replicas ?? 1) > 0)) return false;
  const desired = intAnnotation(rs, DesiredReplicasAnnotation);
  return desired !== undefined && desired !== replicasOf(d);
}

/** `sync`: scaling and paused deployments. */
export function syncScaleOrPaused(d: DeploymentObj, rsList: ReplicaSetObj[], ctx: K8sContext): void {
  const state = getAllReplicaSetsAndSyncRevision(d, rsList, false, ctx);
  scale(state.d, state.newRS, state.oldRSs, ctx);
  const fresh = refresh(state, ctx);
  if (fresh.d.spec?.paused) cleanupDeployment(fresh.oldRSs, fresh.d, ctx);
  syncDeploymentStatus(allReplicaSets(fresh.oldRSs, fresh.newRS), fresh.newRS, fresh.d, ctx);
}

/** Re-reads the deployment and its ReplicaSets after writes in this sync. */
export function refresh(state: RSState, ctx: K8sContext): RSState {
  const get = (rs: ReplicaSetObj) => ctx.store.get<ReplicaSetObj>('replicasets.apps', `${rs.metadata.namespace}/${rs.metadata.name}`) ?? rs;
  const d = ctx.store.get<DeploymentObj>('deployments.apps', `${state.d.metadata.namespace}/${state.d.metadata.name}`) ?? state.d;
  return { d, newRS: state.newRS && get(state.newRS), oldRSs: state.oldRSs.map(get) };
}

/** `cleanupDeployment`: delete old ReplicaSets beyond revisionHistoryLimit (empty ones, oldest revision first). */
export function cleanupDeployment(oldRSs: ReplicaSetObj[], d: DeploymentObj, ctx: K8sContext): void {
  const limit = d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null) return;
  let count = 0;
  for (const rs of oldRSs) if (!rs.metadata.deletionTimestamp) count++;
  if (count - limit <= 0) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 1) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    ctx.api.delete('replicasets.apps', rs.metadata.namespace, rs.metadata.name);
    ctx.note(`deleted old ReplicaSet ${rs.metadata.name} (revisionHistoryLimit ${limit})`, `${d.metadata.namespace}/${d.metadata.name}`);
  }
}

export { checkPausedConditions, syncRolloutStatus, syncDeploymentStatus };

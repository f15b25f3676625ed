import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { matches } from '../../api/selectors';
import { selectorOf } from '../labelSelectorCache';
import { controllerRef, type KubeObject } from '../../api/types';
import type { K8sContext } from '../context';
import { adopt, newControllerRef, release } from '../controllerRefManager';
import {
  DefaultDeploymentUniqueLabelKey,
  DesiredReplicasAnnotation,
  LastAppliedAnnotation,
  MaxReplicasAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  RollbackToAnnotation,
  computeHash,
  maxSurge,
  replicasOf,
  type DeploymentObj,
  type ReplicaSetObj,
} from './deploymentUtil';

const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
const SKIP_COPY = new Set([LastAppliedAnnotation, RevisionAnnotation, RevisionHistoryAnnotation, DesiredReplicasAnnotation, MaxReplicasAnnotation, RollbackToAnnotation]);

/**
 * `getReplicaSetsForDeployment`: the ReplicaSets this Deployment controls,
 * adopting orphans that match its selector and releasing owned ones that no
 * longer match (ControllerRefManager semantics).
 */
export function getReplicaSetsForDeployment(d: DeploymentObj, ctx: K8sContext): ReplicaSetObj[] {
  const ns = d.metadata.namespace!;
  const selector = selectorOf(d.spec?.selector);
  const out: ReplicaSetObj[] = [];
  for (const rs of ctx.store.listByIndex<ReplicaSetObj>('replicasets.apps', 'controllerUid', d.metadata.uid!)) {
    if (rs.metadata.namespace !== ns) continue;
    if (matches(selector, rs.metadata.labels) || d.metadata.deletionTimestamp) {
      out.push(rs);
      continue;
    }
    // Release: the RS no longer matches the selector.
    release(ctx, 'replicasets.apps', rs, d.metadata.uid!);
  }
  if (d.metadata.deletionTimestamp || ctx.store.byIndex('replicasets.apps', 'orphan', ns).size === 0) return out;
  for (const rs of ctx.store.listByIndex<ReplicaSetObj>('replicasets.apps', 'orphan', ns)) {
    if (rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
    const res = adopt<ReplicaSetObj>(ctx, 'replicasets.apps', rs, d);
    if (res.ok) out.push(res.object);
  }
  return out;
}

/** `copyDeploymentAnnotationsToReplicaSet`. */
function copyDeploymentAnnotationsToReplicaSet(d: DeploymentObj, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k)) continue;
    if (annotations[k] !== v) {
      annotations[k] = v;
      changed = true;
    }
  }
  return changed;
}

/** `SetReplicasAnnotations`. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  const d = String(desired);
  const m = String(max);
  if (annotations[DesiredReplicasAnnotation] === d && annotations[MaxReplicasAnnotation] === m) return false;
  annotations[DesiredReplicasAnnotation] = d;
  annotations[MaxReplicasAnnotation] = m;
  return true;
}

/** `ReplicasAnnotationsNeedUpdate`. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObj, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DesiredReplicasAnnotation] !== String(desired) || a[MaxReplicasAnnotation] !== String(max);
}

/**
 * Whether `setNewReplicaSetAnnotations(d, {...rs annotations}, newRevision, true)`
 * surely reports no change, read without copying: the deployment's
 * annotations are all there and the revision is not behind (or not a
 * number, which makes it report none). False means "run it to know".
 */
export function newRSAnnotationsInStep(d: DeploymentObj, rs: ReplicaSetObj, newRevision: string): boolean {
  const annotations = rs.metadata.annotations;
  const oldRevision = annotations?.[RevisionAnnotation];
  if (oldRevision === undefined) return false;
  const n = Number(oldRevision);
  if (!Number.isInteger(n)) return true;
  if (n < Number(newRevision)) return false;
  const own = d.metadata.annotations;
  for (const k in own) if (!SKIP_COPY.has(k) && annotations![k] !== own[k]) return false;
  return true;
}

/** `SetNewReplicaSetAnnotations`: copies annotations, bumps the revision and keeps the revision history on rollback. */
export function setNewReplicaSetAnnotations(d: DeploymentObj, annotations: Record<string, string>, newRevision: string, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, annotations);
  const oldRevision = annotations[RevisionAnnotation];
  const had = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (had) {
    const n = Number(oldRevision);
    if (!Number.isInteger(n)) return false;
    oldRevisionInt = n;
  }
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    annotations[RevisionAnnotation] = newRevision;
    changed = true;
  }
  if (had && oldRevisionInt < newRevisionInt) {
    const history = annotations[RevisionHistoryAnnotation] ?? '';
    let oldRevisions = history.split(',');
    if (oldRevisions[0].length === 0) annotations[RevisionHistoryAnnotation] = oldRevision!;
    else {
      let totalLen = history.length + oldRevision!.length + 1;
      let start = 0;
      while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < oldRevisions.length) {
        totalLen -= oldRevisions[start].length + 1;
        start++;
      }
      if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
        oldRevisions = [...oldRevisions.slice(start), oldRevision!];
        annotations[RevisionHistoryAnnotation] = oldRevisions.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** The new ReplicaSet object for a deployment template (not yet created). */
export function buildNewReplicaSet(d: DeploymentObj, replicas: number): ReplicaSetObj {
  const template = d.spec!.template!;
  const hash = computeHash(template, d.status?.collisionCount);
  const labels = { ...template.metadata?.labels, [DefaultDeploymentUniqueLabelKey]: hash };
  const selector = { ...d.spec!.selector, matchLabels: { ...d.spec!.selector.matchLabels, [DefaultDeploymentUniqueLabelKey]: hash } };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels, ownerReferences: [newControllerRef(d)] },
    spec: {
      replicas,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector,
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
  return rs as ReplicaSetObj;
}

/** Whether an object is controlled by this deployment. */
export function isControlledBy(obj: KubeObject, d: DeploymentObj): boolean {
  return controllerRef(obj.metadata)?.uid === d.metadata.uid;
}

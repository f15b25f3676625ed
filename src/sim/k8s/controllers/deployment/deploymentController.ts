import type { ObjectStore, WatchEvent } from '../../../engine/store';
import { matches } from '../../api/selectors';
import { selectorOf } from '../labelSelectorCache';
import { ownerKey } from '../objectKeys';
import { controllerRef, type KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { allReplicaSets, type DeploymentObj, type ReplicaSetObj } from './deploymentUtil';
import { getReplicaSetsForDeployment } from './replicaSets';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, getAllReplicaSetsAndSyncRevision, isScalingEvent, syncDeploymentStatus, syncScaleOrPaused } from './sync';

/**
 * The Deployment controller (`pkg/controller/deployment`): keeps a
 * Deployment's ReplicaSets at the desired template and size, one step per
 * sync — rolling update, recreate, proportional scaling, pause, cleanup of
 * old revisions — and reports progress in status and conditions.
 */
export function createDeploymentController(store: ObjectStore): K8sController {
  return {
    name: 'deployment-controller',
    watches: [
      { resource: 'deployments.apps', map: (e) => e.key },
      { resource: 'replicasets.apps', map: (e) => replicaSetToDeployments(e, store) },
      { resource: 'pods', map: (e) => (e.type === 'DELETED' ? podToDeployment(e, store) : undefined) },
    ],
    reconcile(key, ctx) {
      syncDeployment(key, ctx);
      // A sync costs a little virtual time per ReplicaSet it looks at.
      return 0.1 + 0.02 * ctx.store.byIndex('replicasets.apps', 'controllerUid', ctx.store.get('deployments.apps', key)?.metadata.uid ?? '').size;
    },
  };
}

function replicaSetToDeployments(e: WatchEvent, store: ObjectStore): string[] | string | undefined {
  const obj = e.object as KubeObject;
  const old = e.old as KubeObject | undefined;
  const ref = controllerRef(obj.metadata);
  // The common case (a status or scale write): the same owner before and after, one key (a repeated key is queued once).
  if (ref?.kind === 'Deployment' && (!old || old.metadata.ownerReferences === obj.metadata.ownerReferences)) return ownerKey(obj.metadata.namespace, ref.name);
  const keys: string[] = [];
  for (const o of [obj, old]) {
    if (!o) continue;
    const r = controllerRef(o.metadata);
    if (r?.kind === 'Deployment') keys.push(`${o.metadata.namespace}/${r.name}`);
    else if (!r && e.type !== 'DELETED') {
      // An orphan: every deployment whose selector matches may adopt it.
      for (const d of store.list<DeploymentObj>('deployments.apps', o.metadata.namespace)) {
        if (matches(selectorOf(d.spec?.selector), o.metadata.labels)) keys.push(`${d.metadata.namespace}/${d.metadata.name}`);
      }
    }
  }
  return keys;
}

function podToDeployment(e: WatchEvent, store: ObjectStore): string | undefined {
  const ref = controllerRef((e.object as KubeObject).metadata);
  if (ref?.kind !== 'ReplicaSet') return undefined;
  const rs = store.get<ReplicaSetObj>('replicasets.apps', `${e.object.metadata.namespace}/${ref.name}`);
  const dref = rs && controllerRef(rs.metadata);
  return dref?.kind === 'Deployment' ? `${rs!.metadata.namespace}/${dref.name}` : undefined;
}

/** `syncDeployment`. */
function syncDeployment(key: string, ctx: K8sContext): void {
  let d = ctx.store.get<DeploymentObj>('deployments.apps', key);
  if (!d) return;
  const selector = d.spec?.selector;
  if (selector && !selector.matchLabels && !selector.matchExpressions?.length) {
    ctx.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      ctx.api.updateStatus({ ...d, status: { ...d.status, observedGeneration: d.metadata.generation } });
    }
    return;
  }
  const rsList = getReplicaSetsForDeployment(d, ctx);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false, ctx);
    return syncDeploymentStatus(allReplicaSets(oldRSs, newRS), newRS, d, ctx);
  }
  d = checkPausedConditions(d, ctx);
  if (d.spec?.paused) return syncScaleOrPaused(d, rsList, ctx);
  if (isScalingEvent(d, rsList, ctx)) {
    d = ctx.store.get<DeploymentObj>('deployments.apps', key) ?? d;
    return syncScaleOrPaused(d, freshList(rsList, ctx), ctx);
  }
  d = ctx.store.get<DeploymentObj>('deployments.apps', key) ?? d;
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') return rolloutRecreate(d, freshList(rsList, ctx), ctx);
  return rolloutRolling(d, freshList(rsList, ctx), ctx);
}

function freshList(rsList: ReplicaSetObj[], ctx: K8sContext): ReplicaSetObj[] {
  let gone = false;
  const out = rsList.map((rs) => {
    const fresh = ctx.store.get<ReplicaSetObj>('replicasets.apps', `${rs.metadata.namespace}/${rs.metadata.name}`);
    if (!fresh) gone = true;
    return fresh;
  });
  return gone ? out.filter((x): x is ReplicaSetObj => !!x) : (out as ReplicaSetObj[]);
}

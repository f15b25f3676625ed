import type { PodSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { defaultedPodSpec } from '../workloadPods';
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { parseTimestamp } from '../../../engine/clock';
import type { ObjectStore, WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import { fromLabelSelector, matches } from '../../api/selectors';
import { selectorOf } from '../labelSelectorCache';
import { ownerKey } from '../objectKeys';
import { controllerRef, type KubeObject, type Stored } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { adopt, newControllerRef, release } from '../controllerRefManager';
import { getPodsToDelete } from './getPodsToDelete';
import { PodTally, isPodActive, isPodReady, type PodObj } from './podTally';
import { SlowStartInitialBatchSize, slowStartBatch } from './slowStartBatch';

type RSObj = Stored<ReplicaSet>;

/** `BurstReplicas`: most pods created or deleted in one sync. */
export const BurstReplicas = 500;

/**
 * The ReplicaSet controller (`pkg/controller/replicaset`): keeps the number
 * of active pods matching a ReplicaSet at spec.replicas — slow-start
 * creation, ranked deletion, adoption of matching orphans and release of
 * pods that stop matching — and reports counts in status.
 */
export function createReplicaSetController(store: ObjectStore): K8sController {
  // Fed by mapPod, which sees every pod event first (one watcher, not two, per pod event).
  const tally = new PodTally();
  /** Pods whose ownership must be re-checked, per ReplicaSet key. */
  const claims = new Map<string, Set<string>>();
  const addClaim = (rsKey: string, podKey: string) => {
    let s = claims.get(rsKey);
    if (!s) claims.set(rsKey, (s = new Set()));
    s.add(podKey);
  };
  const mapPod = (e: WatchEvent): string[] | string | undefined => {
    const pod = e.object as PodObj;
    const old = e.old as PodObj | undefined;
    const sameOwners = old !== undefined && old.metadata.ownerReferences === pod.metadata.ownerReferences;
    // A write that changes neither owners, labels nor anything the ReplicaSet counts (a kubelet's progress report).
    // (Nor the tally: owners, phase, deletion and readiness are all unchanged.)
    let relevant: boolean | undefined;
    if (e.type === 'MODIFIED' && sameOwners && old.metadata.labels === pod.metadata.labels && !(relevant = relevantChange(old, pod))) return undefined;
    tally.observe(e);
    const ns = pod.metadata.namespace!;
    const ref = controllerRef(pod.metadata);
    const labelsChanged = !old || old.metadata.labels !== pod.metadata.labels;
    if (ref && (!old || sameOwners)) {
      // Same controller before and after (most events): at most its own key.
      if (ref.kind !== 'ReplicaSet') return undefined;
      const rsKey = ownerKey(ns, ref.name);
      // ClaimPods would only release this pod if its ReplicaSet (this uid) stopped matching it; a ReplicaSet's selector
      // cannot change, and a later label change comes back here. So a pod its owner matches now needs no claim (every new pod).
      if (e.type !== 'DELETED' && labelsChanged && !ownerMatches(rsKey, ref.uid, pod)) addClaim(rsKey, e.key);
      if (e.type === 'MODIFIED' && old && !(relevant ?? relevantChange(old, pod))) return undefined;
      return rsKey;
    }
    const keys: string[] = [];
    const oldRef = old && controllerRef(old.metadata);
    if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'ReplicaSet') keys.push(`${ns}/${oldRef.name}`);
    if (ref) {
      if (ref.kind !== 'ReplicaSet') return keys;
      const rsKey = `${ns}/${ref.name}`;
      if (e.type !== 'DELETED' && labelsChanged) addClaim(rsKey, e.key);
      if (e.type === 'MODIFIED' && old && !relevantChange(old, pod)) return keys;
      keys.push(rsKey);
    } else if (e.type !== 'DELETED' && labelsChanged) {
      for (const rs of store.list<RSObj>('replicasets.apps', ns)) {
        if (matches(selectorOf(rs.spec?.selector), pod.metadata.labels)) {
          const rsKey = `${ns}/${rs.metadata.name}`;
          addClaim(rsKey, e.key);
          keys.push(rsKey);
        }
      }
    }
    return keys;
  };
  // The last ReplicaSet (stored version) found to match a labels object: its next pods carry the same one (its template's).
  let matchedRS: RSObj | undefined;
  let matchedLabels: PodObj['metadata']['labels'];
  /** The ReplicaSet at `rsKey` is the one with `uid` and its selector matches the pod's labels. */
  const ownerMatches = (rsKey: string, uid: string, pod: PodObj): boolean => {
    const rs = store.get<RSObj>('replicasets.apps', rsKey);
    if (rs === undefined || rs.metadata.uid !== uid) return false;
    const labels = pod.metadata.labels;
    if (rs === matchedRS && labels === matchedLabels) return true;
    if (!matches(selectorOf(rs.spec?.selector), labels)) return false;
    matchedRS = rs;
    matchedLabels = labels;
    return true;
  };
  const mapRS = (e: WatchEvent): string => {
    if (e.type === 'ADDED') for (const pod of store.listByIndex('pods', 'orphan', e.object.metadata.namespace ?? '')) addClaim(e.key, `${pod.metadata.namespace}/${pod.metadata.name}`);
    if (e.type === 'DELETED') claims.delete(e.key);
    return e.key;
  };
  return {
    name: 'replicaset-controller',
    watches: [
      { resource: 'replicasets.apps', map: mapRS },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(key, ctx) {
      const pending = claims.get(key);
      claims.delete(key);
      const rs = syncReplicaSet(key, ctx, tally, pending);
      // A sync costs time in proportion to the pods it handles; events meanwhile coalesce.
      return rs ? 0.1 + tally.get(rs.metadata.uid!).active * 0.0004 : 0;
    },
  };
}

function relevantChange(old: PodObj, pod: PodObj): boolean {
  return old.status?.phase !== pod.status?.phase || isPodReady(old) !== isPodReady(pod) || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || old.spec?.nodeName !== pod.spec?.nodeName || old.metadata.labels !== pod.metadata.labels;
}

/** `syncReplicaSet`. */
function syncReplicaSet(key: string, ctx: K8sContext, tally: PodTally, pendingClaims: Set<string> | undefined): RSObj | undefined {
  const rs = ctx.store.get<RSObj>('replicasets.apps', key);
  if (!rs) return undefined;
  if (pendingClaims) claimPods(rs, pendingClaims, ctx);
  let manageError: { reason: string; message: string } | undefined;
  if (!rs.metadata.deletionTimestamp) manageError = manageReplicas(rs, ctx, tally);
  const fresh = ctx.store.get<RSObj>('replicasets.apps', key) ?? rs;
  const newStatus = calculateStatus(fresh, ctx, tally, manageError);
  if (!deepEqual(fresh.status, newStatus)) ctx.api.updateStatus({ ...fresh, status: newStatus });
  const minReady = fresh.spec?.minReadySeconds ?? 0;
  const replicas = fresh.spec?.replicas ?? 1;
  if (!manageError && minReady > 0 && (newStatus.readyReplicas ?? 0) === replicas && (newStatus.availableReplicas ?? 0) !== replicas) {
    ctx.wakeAfter(key, minReady * 1000);
  }
  return rs;
}

/** `ClaimPods`: adopt matching orphans, release owned pods that no longer match. */
function claimPods(rs: RSObj, podKeys: Set<string>, ctx: K8sContext): void {
  const selector = selectorOf(rs.spec?.selector);
  const ns = rs.metadata.namespace!;
  for (const podKey of podKeys) {
    const pod = ctx.store.get<PodObj>('pods', podKey);
    if (!pod) continue;
    const ref = controllerRef(pod.metadata);
    const match = matches(selector, pod.metadata.labels);
    if (ref?.uid === rs.metadata.uid) {
      if (match || rs.metadata.deletionTimestamp) continue;
      release(ctx, 'pods', pod, rs.metadata.uid!);
      ctx.note(`released pod ${pod.metadata.name} (labels no longer match)`, `${ns}/${rs.metadata.name}`);
    } else if (!ref && match && !rs.metadata.deletionTimestamp && !pod.metadata.deletionTimestamp && isPodActive(pod)) {
      adopt(ctx, 'pods', pod, rs);
      ctx.note(`adopted pod ${pod.metadata.name}`, `${ns}/${rs.metadata.name}`);
    }
  }
}

/** `manageReplicas`: create or delete pods to reach spec.replicas (at most BurstReplicas per sync). */
function manageReplicas(rs: RSObj, ctx: K8sContext, tally: PodTally): { reason: string; message: string } | undefined {
  const ns = rs.metadata.namespace!;
  const rsKey = `${ns}/${rs.metadata.name}`;
  const active = tally.get(rs.metadata.uid!).active;
  const replicas = rs.spec?.replicas ?? 1;
  const diff = active - replicas;
  if (diff < 0) {
    const toCreate = Math.min(-diff, BurstReplicas);
    ctx.note(`ReplicaSet ${rs.metadata.name}: ${active} of ${replicas} pods → creating ${toCreate}`, rsKey);
    const generateName = `${rs.metadata.name}-`;
    const { successes, error } = slowStartBatch(toCreate, SlowStartInitialBatchSize, () => {
      const res = ctx.api.create<PodObj>(podFromTemplate(rs, generateName), { trusted: true });
      if (!res.ok) return res.status.message;
      ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`);
      return undefined;
    });
    if (error !== undefined) {
      ctx.event(rs, 'Warning', 'FailedCreate', `Error creating: ${error}`);
      if (successes < toCreate) ctx.wakeAfter(rsKey, 1000);
      return { reason: 'FailedCreate', message: error };
    }
    if (-diff > toCreate) ctx.wakeAfter(rsKey, 0);
  } else if (diff > 0) {
    const toDelete = Math.min(diff, BurstReplicas);
    ctx.note(`ReplicaSet ${rs.metadata.name}: ${active} of ${replicas} pods → deleting ${toDelete}`, rsKey);
    const filtered = ctx.store.listByIndex<PodObj>('pods', 'controllerUid', rs.metadata.uid!).filter(isPodActive);
    const victims = getPodsToDelete(filtered, relatedPods(rs, ctx), toDelete, ctx.clock.now());
    for (const pod of victims) {
      const res = ctx.api.delete('pods', ns, pod.metadata.name);
      if (res.ok) ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      else if (res.status.reason !== 'NotFound') {
        ctx.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${res.status.message}`);
        return { reason: 'FailedDelete', message: res.status.message };
      }
    }
    if (diff > toDelete) ctx.wakeAfter(rsKey, 0);
  }
  return undefined;
}

/** Pods of this ReplicaSet and its siblings under the same owner (for deletion ranking). */
function relatedPods(rs: RSObj, ctx: K8sContext): PodObj[] {
  const owner = controllerRef(rs.metadata);
  if (!owner) return ctx.store.listByIndex<PodObj>('pods', 'controllerUid', rs.metadata.uid!);
  const out: PodObj[] = [];
  for (const sibling of ctx.store.listByIndex<RSObj>('replicasets.apps', 'controllerUid', owner.uid)) {
    for (const p of ctx.store.listByIndex<PodObj>('pods', 'controllerUid', sibling.metadata.uid!)) out.push(p);
  }
  return out;
}

/**
 * The template's spec with the Pod-only defaults the API server adds on
 * create (enableServiceLinks, requests from limits): the controller's create
 * skips defaulting, so it brings them, once per template (specs are
 * immutable and shared by all the ReplicaSet's pods).
 */
const defaultedSpecs = new WeakMap<object, PodSpec>();
function podSpecOf(spec: PodSpec): PodSpec {
  let d = defaultedSpecs.get(spec);
  if (!d) defaultedSpecs.set(spec, (d = defaultedPodSpec(spec)));
  return d;
}

/**
 * The ownerReferences of a ReplicaSet's new pods: one array per ReplicaSet,
 * shared by its pods (stored objects are immutable), rebuilt if the
 * ReplicaSet is another one under the same uid key.
 */
const controllerRefs = new Map<string, OwnerReference[]>();
function controllerRefsOf(rs: RSObj): OwnerReference[] {
  const uid = rs.metadata.uid!;
  let refs = controllerRefs.get(uid);
  const ref = refs?.[0];
  if (!ref || ref.name !== rs.metadata.name || ref.apiVersion !== rs.apiVersion || ref.kind !== rs.kind) {
    if (controllerRefs.size >= 10_000) controllerRefs.clear();
    controllerRefs.set(uid, (refs = [newControllerRef(rs)]));
  }
  return refs!;
}

/** `GetPodFromTemplate`: a pod for this ReplicaSet (named by the API server from generateName). */
function podFromTemplate(rs: RSObj, generateName: string): KubeObject {
  const tpl = rs.spec!.template!;
  const meta: KubeObject['metadata'] = {
    name: '',
    generateName,
    namespace: rs.metadata.namespace,
    ownerReferences: controllerRefsOf(rs),
  };
  if (tpl.metadata?.labels) meta.labels = tpl.metadata.labels;
  if (tpl.metadata?.annotations) meta.annotations = tpl.metadata.annotations;
  if (tpl.metadata?.finalizers) meta.finalizers = tpl.metadata.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: podSpecOf(tpl.spec!) };
}

const NO_CONDITIONS: readonly ReplicaSetCondition[] = [];

/** Per spec object (a pure function of it; a status write keeps the spec). */
const extraTemplateLabelsOfSpec = new WeakMap<object, boolean>();

/**
 * Whether some pod template label is not pinned by the selector's
 * matchLabels (or the selector has expressions): only then may a pod be
 * active without being fully labeled, and counting those needs a scan.
 */
function hasExtraTemplateLabels(rs: RSObj): boolean {
  const spec = rs.spec;
  if (!spec) return false;
  let extra = extraTemplateLabelsOfSpec.get(spec);
  if (extra === undefined) {
    const templateLabels = spec.template?.metadata?.labels ?? {};
    const selectorLabels = spec.selector?.matchLabels ?? {};
    extra = Object.keys(templateLabels).some((k) => selectorLabels[k] !== templateLabels[k]) || (spec.selector?.matchExpressions?.length ?? 0) > 0;
    extraTemplateLabelsOfSpec.set(spec, extra);
  }
  return extra;
}

/** `calculateStatus`. */
function calculateStatus(rs: RSObj, ctx: K8sContext, tally: PodTally, manageError: { reason: string; message: string } | undefined): ReplicaSetStatus {
  const t = tally.get(rs.metadata.uid!);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let available = t.ready;
  let fullyLabeled = t.active;
  if (minReady > 0 || hasExtraTemplateLabels(rs)) {
    // Only these ReplicaSets pay for a scan of their pods.
    const now = ctx.clock.now();
    const templateSel = fromLabelSelector({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
    available = 0;
    fullyLabeled = 0;
    let nextAvailableAt = Infinity;
    for (const pod of ctx.store.listByIndex<PodObj>('pods', 'controllerUid', rs.metadata.uid!)) {
      if (!isPodActive(pod)) continue;
      if (matches(templateSel, pod.metadata.labels)) fullyLabeled++;
      if (!isPodReady(pod)) continue;
      const since = parseTimestamp(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime) ?? now;
      if (minReady === 0 || since + minReady * 1000 < now) available++;
      else nextAvailableAt = Math.min(nextAvailableAt, since + minReady * 1000 + 1);
    }
    if (nextAvailableAt < Infinity) ctx.wakeAt(`${rs.metadata.namespace}/${rs.metadata.name}`, nextAvailableAt);
  }
  const status: ReplicaSetStatus = { replicas: t.active };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (t.ready) status.readyReplicas = t.ready;
  if (available) status.availableReplicas = available;
  status.observedGeneration = rs.metadata.generation;
  let existing: ReplicaSetCondition | undefined;
  for (const c of rs.status?.conditions ?? NO_CONDITIONS) if (c.type === 'ReplicaFailure') {
    existing = c;
    break;
  }
  let conditions = rs.status?.conditions ?? [];
  if (manageError && !existing) {
    const cond: ReplicaSetCondition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: ctx.clock.timestamp(), reason: manageError.reason, message: manageError.message };
    conditions = [...conditions, cond];
  } else if (!manageError && existing) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  if (conditions.length) status.conditions = conditions;
  return status;
}

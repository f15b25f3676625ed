import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { parseTimestamp } from '../../../engine/clock';
import { objectKey, type ObjectStore, type WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import { conditionsAreUpToDate, DISRUPTION_ALLOWED, setStatusCondition, updateDisruptionAllowedCondition, type PdbObj } from '../../api/podDisruptionBudget';
import { fromLabelSelector, matches, selectFromStore } from '../../api/selectors';
import { selectorOf } from '../labelSelectorCache';
import { controllerRef, type KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { WatchedCount } from '../watchedCount';
import { disruptionsAllowed, expectedPodCount } from './expectedPods';

type PodObj = KubeObject & Pod;

const PDBS = 'poddisruptionbudgets.policy';
/** `DeletionTimeout`: an approved eviction not followed by a deletion within 2 minutes is forgotten. */
const DELETION_TIMEOUT_MS = 2 * 60_000;

/**
 * The disruption controller: keeps each PodDisruptionBudget's status —
 * `expectedPods`, `currentHealthy` (Ready pods not being deleted or just
 * evicted), `desiredHealthy`, `disruptionsAllowed` and the
 * `DisruptionAllowed` condition — that the eviction subresource spends.
 * Synced when the budget or any pod it selects changes. Its events come
 * from `controllermanager`, as upstream's recorder names itself.
 */
export function createDisruptionController(store: ObjectStore): K8sController {
  /** Pods → the budgets in their namespace that select them (`GetPodPodDisruptionBudgets`). */
  const budgets = new WatchedCount(store, PDBS);
  const mapPod = (e: WatchEvent): string[] | undefined => {
    if (budgets.none()) return undefined;
    const pod = e.object as PodObj;
    return budgetsSelecting(store, pod.metadata.namespace ?? 'default', pod.metadata.labels);
  };
  return {
    name: 'controllermanager',
    watches: [
      {
        resource: PDBS,
        map: (e) => {
          budgets.observe(e);
          return e.key;
        },
      },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(key, ctx) {
      const pdb = ctx.store.get<PdbObj>(PDBS, key);
      if (!pdb) return;
      const error = trySync(ctx, key, pdb);
      if (error !== undefined) failSafe(ctx, pdb, error);
    },
  };
}

/** `trySync`: the budget's status from the pods it selects; the error message when it cannot be computed. */
function trySync(ctx: K8sContext, key: string, pdb: PdbObj): string | undefined {
  const ns = pdb.metadata.namespace ?? 'default';
  const pods = selectFromStore<PodObj>(ctx.store, 'pods', ns, fromLabelSelector(pdb.spec?.selector));
  if (pods.length === 0) ctx.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
  const unmanaged: string[] = [];
  let scaleError: string | undefined;
  const { expected, desiredHealthy } = expectedPodCount(pdb.spec ?? {}, pods.length, () => {
    const scale = expectedScale(ctx, pods, unmanaged);
    if (typeof scale === 'string') scaleError = scale;
    return typeof scale === 'number' ? scale : 0;
  });
  if (scaleError !== undefined) {
    ctx.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${scaleError}`);
    return scaleError;
  }
  if (unmanaged.length > 0) {
    ctx.event(
      pdb,
      'Warning',
      'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${goSelectorString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
    );
  }
  const now = ctx.clock.now();
  const { disrupted, recheckAt } = buildDisruptedPodMap(ctx, pods, pdb, now);
  const currentHealthy = countHealthyPods(pods, disrupted, now);
  updatePdbStatus(ctx, pdb, currentHealthy, desiredHealthy, expected, disrupted);
  if (recheckAt !== undefined) ctx.wakeAt(key, recheckAt);
  return undefined;
}

/**
 * `getExpectedScale`: the sum of the replicas of the controllers owning the
 * pods (a Deployment through its ReplicaSet, a ReplicaSet, a StatefulSet);
 * pods without a controller are listed as unmanaged; an owner whose scale
 * cannot be found is an error message.
 */
function expectedScale(ctx: K8sContext, pods: readonly PodObj[], unmanaged: string[]): number | string {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRef(pod.metadata);
    if (!ref) {
      unmanaged.push(pod.metadata.name);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = findControllerScale(ctx, ref, pod.metadata.namespace ?? 'default');
    if (typeof found === 'string') return found;
    if (!found) return `found no controllers for pod "${pod.metadata.name}"`;
    scales.set(found.uid, found.scale);
  }
  let total = 0;
  for (const s of scales.values()) total += s;
  return total;
}

type Ref = NonNullable<ReturnType<typeof controllerRef>>;
const SCALABLE: Readonly<Record<string, string>> = { 'apps/ReplicaSet': 'replicasets.apps', 'apps/Deployment': 'deployments.apps', 'apps/StatefulSet': 'statefulsets.apps', '/ReplicationController': 'replicationcontrollers' };

/** The finders, in upstream order: ReplicationController, Deployment (via its ReplicaSet), ReplicaSet, StatefulSet, else the scale subresource. */
function findControllerScale(ctx: K8sContext, ref: Ref, ns: string): { uid: string; scale: number } | string | undefined {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
  const get = (resource: string, name: string) => (ctx.store.has(resource) ? ctx.store.get<KubeObject & { spec?: { replicas?: number } }>(resource, objectKey(ns, name)) : undefined);
  const resource = SCALABLE[`${group === 'extensions' ? 'apps' : group}/${ref.kind}`];
  if (ref.kind === 'ReplicaSet' && resource) {
    const rs = get(resource, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const owner = controllerRef(rs.metadata);
    if (owner?.kind === 'Deployment') {
      const d = get('deployments.apps', owner.name);
      return d && d.metadata.uid === owner.uid ? { uid: d.metadata.uid!, scale: d.spec?.replicas ?? 1 } : undefined;
    }
    return { uid: rs.metadata.uid, scale: rs.spec?.replicas ?? 1 };
  }
  if (resource) {
    const obj = get(resource, ref.name);
    return obj && obj.metadata.uid === ref.uid ? { uid: obj.metadata.uid, scale: obj.spec?.replicas ?? 1 } : undefined;
  }
  const info = ctx.store.has(`${ref.kind.toLowerCase()}s${group ? `.${group}` : ''}`);
  return info ? `${ref.kind.toLowerCase()}s${group ? `.${group}` : ''} does not implement the scale subresource` : `no matches for kind "${ref.kind}" in group "${group}"`;
}

/** `buildDisruptedPodMap`: evictions still expected to turn into deletions, and when to look again. */
function buildDisruptedPodMap(ctx: K8sContext, pods: readonly PodObj[], pdb: PdbObj, now: number): { disrupted: Record<string, string>; recheckAt: number | undefined } {
  const disrupted: Record<string, string> = {};
  const known = pdb.status?.disruptedPods;
  let recheckAt: number | undefined;
  if (!known) return { disrupted, recheckAt };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = known[pod.metadata.name];
    if (at === undefined) continue;
    const expectedDeletion = (parseTimestamp(at) ?? 0) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now) {
      // Upstream prints the namespace twice here.
      ctx.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`);
    } else {
      if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
      disrupted[pod.metadata.name] = at;
    }
  }
  return { disrupted, recheckAt };
}

/** `countHealthyPods`: Ready, not being deleted, not just evicted. */
function countHealthyPods(pods: readonly PodObj[], disrupted: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name];
    if (at !== undefined && (parseTimestamp(at) ?? 0) + DELETION_TIMEOUT_MS > now) continue;
    if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) healthy++;
  }
  return healthy;
}

/** `updatePdbStatus`: writes only when something changed. */
function updatePdbStatus(ctx: K8sContext, pdb: PdbObj, currentHealthy: number, desiredHealthy: number, expectedPods: number, disrupted: Record<string, string>): void {
  const allowed = disruptionsAllowed(currentHealthy, desiredHealthy, expectedPods);
  const s = pdb.status;
  const sameDisrupted = deepEqual(s?.disruptedPods ?? {}, disrupted);
  if (s && s.currentHealthy === currentHealthy && s.desiredHealthy === desiredHealthy && s.expectedPods === expectedPods && s.disruptionsAllowed === allowed && sameDisrupted && s.observedGeneration === pdb.metadata.generation && conditionsAreUpToDate(pdb)) return;
  const status: PodDisruptionBudgetStatus = { observedGeneration: pdb.metadata.generation, disruptionsAllowed: allowed, currentHealthy, desiredHealthy, expectedPods, conditions: s?.conditions };
  if (Object.keys(disrupted).length > 0) status.disruptedPods = disrupted;
  status.conditions = updateDisruptionAllowedCondition(status, ctx.clock.timestamp());
  ctx.api.updateStatus({ ...pdb, status });
}

/** `failSafe`: no disruption allowed while the status cannot be computed (`SyncFailed`). */
function failSafe(ctx: K8sContext, pdb: PdbObj, message: string): void {
  const s = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  const conditions = setStatusCondition(s.conditions, { type: DISRUPTION_ALLOWED, status: 'False', observedGeneration: s.observedGeneration, reason: 'SyncFailed', message }, ctx.clock.timestamp());
  ctx.api.updateStatus({ ...pdb, status: { ...s, disruptionsAllowed: 0, conditions } });
}

/** `%v` of a `*metav1.LabelSelector` (its generated String()). */
function goSelectorString(sel: LabelSelector | undefined): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/** Budgets of `ns` whose selector matches the labels (policy/v1: an empty selector matches every pod). */
export function budgetsSelecting(store: ObjectStore, ns: string, labels: Record<string, string> | undefined): string[] | undefined {
  if (store.count(PDBS, ns) === 0) return undefined;
  const keys: string[] = [];
  for (const pdb of store.list<PdbObj>(PDBS, ns)) if (matches(selectorOf(pdb.spec?.selector), labels)) keys.push(objectKey(ns, pdb.metadata.name));
  return keys;
}

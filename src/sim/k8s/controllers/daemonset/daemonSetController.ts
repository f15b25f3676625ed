import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { ObjectStore } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { newControllerRef } from '../controllerRefManager';
import { isPodReady, type PodObj } from '../replicaset/podTally';
import { defaultedPodSpec, PodClaims } from '../workloadPods';
import { addOrUpdateDaemonPodTolerations, nodeShouldRunDaemonPod, withNodeNameAffinity, type DaemonSetObj, type NodeObj } from './daemonSetUtil';
import { cleanupHistory, constructHistory, DS_HASH_LABEL } from './daemonSetHistory';

/** The node a daemon pod is for: its nodeName, or the node its affinity pins it to before binding. */
function targetNode(pod: PodObj): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  return undefined;
}

/** `GetScaledValueFromIntOrPercent` rounding up. */
function scaled(v: number | string | undefined, total: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Math.ceil((Number(v.slice(0, -1)) * total) / 100);
  return 0;
}

/**
 * The DaemonSet controller (`pkg/controller/daemon`): one pod per eligible
 * node (nodeSelector, required node affinity, taints against the daemon
 * tolerations), created with node affinity for that node and bound by the
 * scheduler; failed pods replaced; RollingUpdate within maxUnavailable and
 * OnDelete; status counts.
 */
export function createDaemonSetController(store: ObjectStore): K8sController {
  const claims = new PodClaims(store, 'DaemonSet', 'daemonsets.apps');
  return {
    name: 'daemonset-controller',
    watches: [
      { resource: 'daemonsets.apps', map: claims.mapOwner },
      { resource: 'pods', map: claims.mapPod },
      { resource: 'nodes', map: (e) => (e.type === 'MODIFIED' && e.old && e.old.metadata.labels === e.object.metadata.labels && (e.old as KubeObject).spec === (e.object as KubeObject).spec ? [] : store.list('daemonsets.apps').map((d) => `${d.metadata.namespace}/${d.metadata.name}`)) },
    ],
    reconcile(key, ctx) {
      const ds = ctx.store.get<DaemonSetObj>('daemonsets.apps', key);
      if (!ds) return 0;
      claims.claim(ds, ctx);
      syncDaemonSet(ds, ctx);
      return 0;
    },
  };
}

function syncDaemonSet(ds: DaemonSetObj, ctx: K8sContext): void {
  const key = `${ds.metadata.namespace}/${ds.metadata.name}`;
  const spec = ds.spec!;
  const podSpec = spec.template.spec!;
  const deleting = !!ds.metadata.deletionTimestamp;
  // Why: the current template's ControllerRevision names the hash its pods carry (rollout history and undo read them).
  const history = deleting ? undefined : constructHistory(ctx, ds);
  if (!deleting && !history) return;
  const hash = history?.cur.metadata.labels?.[DS_HASH_LABEL] ?? '';
  const nodes = ctx.store.list<NodeObj>('nodes');
  const byNode = new Map<string, PodObj[]>();
  for (const pod of ctx.store.listByIndex<PodObj>('pods', 'controllerUid', ds.metadata.uid!)) {
    const n = targetNode(pod);
    if (!n) continue;
    if (!byNode.has(n)) byNode.set(n, []);
    byNode.get(n)!.push(pod);
  }
  const toCreate: string[] = [];
  const toDelete: PodObj[] = [];
  const rolling: { node: string; pod: PodObj; ready: boolean }[] = [];
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let unavailableNodes = 0;
  for (const node of nodes) {
    const name = node.metadata.name;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, podSpec);
    const pods = (byNode.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    if (shouldRun) desired++;
    const live: PodObj[] = [];
    for (const p of pods) {
      if (p.status?.phase === 'Failed') {
        ctx.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`);
        toDelete.push(p);
      } else live.push(p);
    }
    if (pods.length && !shouldRun) misscheduled++;
    if (shouldContinueRunning && pods.length) current++;
    if (!shouldContinueRunning) {
      toDelete.push(...live);
      continue;
    }
    if (live.length === 0) {
      if (shouldRun) {
        toCreate.push(name);
        unavailableNodes++;
      }
      continue;
    }
    // Keep the oldest pod; delete the extras.
    live.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
    toDelete.push(...live.slice(1));
    const pod = live[0];
    const isReady = isPodReady(pod);
    if (isReady) ready++;
    else unavailableNodes++;
    if (pod.metadata.labels?.['controller-revision-hash'] === hash) updated++;
    else rolling.push({ node: name, pod, ready: isReady });
  }
  if (!deleting && spec.updateStrategy?.type !== 'OnDelete') {
    const maxUnavailable = Math.max(1, scaled(spec.updateStrategy?.rollingUpdate?.maxUnavailable, desired)) || 1;
    let budget = maxUnavailable - unavailableNodes;
    // Old pods that are not available go first; then available ones within the budget.
    for (const r of rolling) if (!r.ready) toDelete.push(r.pod);
    for (const r of rolling) {
      if (!r.ready || budget <= 0) continue;
      toDelete.push(r.pod);
      budget--;
    }
  }
  if (!deleting) {
    for (const node of toCreate) {
      const res = ctx.api.create<PodObj>(daemonPod(ds, node, hash), { trusted: true });
      if (res.ok) ctx.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`);
      else ctx.event(ds, 'Warning', 'FailedCreate', `Error creating: ${res.status.message}`);
    }
  }
  for (const pod of toDelete) {
    const res = ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name);
    if (res.ok) ctx.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }
  if (history) cleanupHistory(ctx, ds, history.old, [...byNode.values()].flat());
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
  };
  if (history?.collisionCount) status.collisionCount = history.collisionCount;
  if (ready) status.numberAvailable = ready;
  if (desired - ready > 0) status.numberUnavailable = desired - ready;
  if (!deepEqual(ds.status, status)) ctx.api.updateStatus({ ...ds, status });
  ctx.note(`DaemonSet ${ds.metadata.name}: ${ready} of ${desired} nodes ready`, key);
}

/** `NewPod` for a node: the template with node affinity to it, the daemon tolerations and revision labels. */
function daemonPod(ds: DaemonSetObj, node: string, hash: string): KubeObject {
  const tpl = ds.spec!.template;
  const base = defaultedPodSpec(tpl.spec!);
  const spec = withNodeNameAffinity({ ...base, tolerations: addOrUpdateDaemonPodTolerations(base) }, node);
  const labels = { ...tpl.metadata?.labels, 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
  const meta: KubeObject['metadata'] = { name: '', generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace, labels, ownerReferences: [newControllerRef(ds)] };
  if (tpl.metadata?.annotations) meta.annotations = { ...tpl.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

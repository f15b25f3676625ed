import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from './api/types';
import type { Cluster } from './index';
import { toleratesTaint } from './scheduler/tolerations';

type Obj<T> = KubeObject & T;

/**
 * Whether nothing in the cluster is waiting to act on its own later: every
 * pod is Ready (or finished) on a node that exists, every node is Ready and
 * powered on — or powered off and already taken for Unknown, with only pods
 * that nothing will touch again (Terminating with no kubelet to finish them,
 * or tolerating its taints forever) — no pod on a NoExecute-tainted node
 * that the taint manager is still to evict, every workload has all its
 * replicas available (so no `minReadySeconds` is still running), and there
 * is nothing driven by a schedule or a clock: no CronJob, no
 * HorizontalPodAutoscaler, no running Job, no finished Job waiting for its
 * TTL, no pod with an active deadline. When any of these holds, a change may
 * still come minutes later (a back-off, a toleration running out, a
 * stabilization window), and a fast-forward keeps the long quiet window for it
 */
export function isCalm(cluster: Pick<Cluster, 'client' | 'isNodeStopped'>): boolean {
  const api = cluster.client('kubeplay-settle');
  const nodes = new Set<string>();
  /** Powered-off nodes already taken for Unknown, and their NoExecute taints. */
  const off = new Map<string, Taint[]>();
  /** NoExecute taints of the running nodes that have some. */
  const tainted = new Map<string, Taint[]>();
  for (const n of api.list<Obj<Node>>('nodes')) {
    const name = n.metadata.name;
    nodes.add(name);
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    const noExecute = (n.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (cluster.isNodeStopped(name)) {
      // Still Ready: the node lifecycle controller has yet to see the heartbeats stop.
      if (ready === 'True') return false;
      off.set(name, noExecute);
      continue;
    }
    if (ready !== 'True') return false;
    if (noExecute.length > 0) tainted.set(name, noExecute);
  }
  for (const p of api.list<Obj<Pod>>('pods')) {
    const node = p.spec?.nodeName;
    if (!node || !nodes.has(node)) return false;
    const offTaints = off.get(node);
    if (offTaints) {
      // No kubelet answers on a machine that is off: a Terminating pod stays so, a pod
      // tolerating the taints forever stays bound; any other is still to be evicted.
      if (!p.metadata.deletionTimestamp && !toleratedForever(p, offTaints)) return false;
      continue;
    }
    if (p.metadata.deletionTimestamp) return false;
    const taints = tainted.get(node);
    if (taints && !toleratedForever(p, taints)) return false;
    const phase = p.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    if (phase !== 'Running' || p.spec?.activeDeadlineSeconds !== undefined) return false;
    if (!(p.status?.containerStatuses ?? []).every((c) => c.ready)) return false;
  }
  const full = (want: number | undefined, have: number | undefined, updated?: number) => (have ?? 0) === (want ?? 1) && (updated === undefined || updated === (want ?? 1));
  for (const d of api.list<Obj<Deployment>>('deployments.apps')) if (!d.spec?.paused && !full(d.spec?.replicas, d.status?.availableReplicas, d.status?.updatedReplicas)) return false;
  for (const r of api.list<Obj<ReplicaSet>>('replicasets.apps')) if (!full(r.spec?.replicas, r.status?.availableReplicas)) return false;
  for (const s of api.list<Obj<StatefulSet>>('statefulsets.apps')) if (!full(s.spec?.replicas, s.status?.availableReplicas)) return false;
  for (const ds of api.list<Obj<DaemonSet>>('daemonsets.apps')) if ((ds.status?.numberAvailable ?? 0) !== (ds.status?.desiredNumberScheduled ?? 0)) return false;
  for (const j of api.list<Obj<Job>>('jobs.batch')) {
    const finished = j.status?.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (!finished || j.spec?.ttlSecondsAfterFinished !== undefined) return false;
  }
  if (api.list('cronjobs.batch').length > 0) return false;
  if (api.list('horizontalpodautoscalers.autoscaling').length > 0) return false;
  return true;
}

/** The pod tolerates every one of these NoExecute taints with no `tolerationSeconds` (never evicted for them). */
function toleratedForever(pod: Obj<Pod>, taints: readonly Taint[]): boolean {
  const tolerations = pod.spec?.tolerations ?? [];
  return taints.every((taint) => tolerations.some((t) => toleratesTaint(t, taint) && t.tolerationSeconds === undefined));
}

import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from './api/types';
import type { Cluster } from './index';

type Obj<T> = KubeObject & T;

/**
 * Whether nothing in the cluster is waiting to act on its own later: every
 * pod is Ready (or finished) on a node that exists, every node is Ready,
 * powered on and free of NoExecute taints, every workload has all its
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
  for (const n of api.list<Obj<Node>>('nodes')) {
    const name = n.metadata.name;
    nodes.add(name);
    if (cluster.isNodeStopped(name)) return false;
    if (n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True') return false;
    if (n.spec?.taints?.some((t) => t.effect === 'NoExecute')) return false;
  }
  for (const p of api.list<Obj<Pod>>('pods')) {
    if (p.metadata.deletionTimestamp || !p.spec?.nodeName || !nodes.has(p.spec.nodeName)) return false;
    const phase = p.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    if (phase !== 'Running' || p.spec.activeDeadlineSeconds !== undefined) return false;
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

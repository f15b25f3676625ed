import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { ApiServer } from './apiServer';
import type { EvictOptions } from './client';
import { updateDisruptionAllowedCondition, type PdbObj } from './podDisruptionBudget';
import { fromLabelSelector, matches } from './selectors';
import { fail, statusErrors, type ApiResult, type Status } from './status';
import type { KubeObject } from './types';

type PodObj = KubeObject & Pod;

/** `MaxDisruptedPodSize`: evictions approved but not yet seen by the disruption controller. */
const MAX_DISRUPTED_POD_SIZE = 2000;
const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";
const PDB_GR = { group: 'policy', resource: 'poddisruptionbudget' };

/**
 * The `pods/eviction` subresource (`pkg/registry/core/pod/storage/eviction.go`):
 * terminal, pending and already-deleting pods are deleted without a look at
 * budgets; otherwise the pod's one PodDisruptionBudget must allow a
 * disruption, which the eviction spends (`disruptionsAllowed - 1`, the pod
 * noted in `disruptedPods`) before the graceful delete. A pod that is not
 * Ready may go while the budget is met (or with `AlwaysAllow`). Refusals are
 * 429 TooManyRequests, which clients retry.
 */
export function evictPod(server: ApiServer, actor: string, now: string, namespace: string, name: string, options: EvictOptions = {}): ApiResult<KubeObject> {
  const pod = server.get<PodObj>('pods', namespace, name);
  if (!pod) return fail(statusErrors.notFound({ group: '', resource: 'pods' }, name));
  if (!canIgnorePDB(pod)) {
    const pdbs = server.list<PdbObj>('poddisruptionbudgets.policy', { namespace }).filter((p) => matches(fromLabelSelector(p.spec?.selector), pod.metadata.labels));
    if (pdbs.length > 1) return fail(moreThanOnePdb());
    const pdb = pdbs[0];
    if (pdb && !(isPodReady(pod) === false && unhealthyMayGo(pdb))) {
      const refused = checkAndDecrement(server, actor, now, pod.metadata.name, pdb, options.dryRun === true);
      if (refused) return fail(refused);
    }
  }
  if (!options.dryRun) {
    const conditions = withDisruptionTarget(pod.status?.conditions, now);
    if (conditions) server.updateStatus(actor, { ...pod, status: { ...pod.status, conditions } });
  }
  return server.delete(actor, 'pods', namespace, name, { gracePeriodSeconds: options.gracePeriodSeconds, dryRun: options.dryRun });
}

/** `canIgnorePDB`: a pod that is finished, not yet running, or already going. */
function canIgnorePDB(pod: PodObj): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp !== undefined;
}

function isPodReady(pod: PodObj): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** An unready pod does not count as healthy: it may go with `AlwaysAllow`, or while the budget is met. */
function unhealthyMayGo(pdb: PdbObj): boolean {
  if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const s = pdb.status;
  return s !== undefined && s.currentHealthy >= s.desiredHealthy && s.desiredHealthy > 0;
}

/** `checkAndDecrement`: the refusal, or undefined once the disruption is spent. */
function checkAndDecrement(server: ApiServer, actor: string, now: string, podName: string, pdb: PdbObj, dryRun: boolean): Status | undefined {
  const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  const name = pdb.metadata.name;
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return statusErrors.tooManyRequests(VIOLATES, 10, [{ reason: 'DisruptionBudget', message: `The disruption budget ${name} is still being processed by the server.` }]);
  }
  if (status.disruptionsAllowed < 0) return statusErrors.forbidden(PDB_GR, name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    return statusErrors.forbidden(PDB_GR, name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (status.disruptionsAllowed === 0) {
    const s = statusErrors.tooManyRequests(VIOLATES, 0, [{ reason: 'DisruptionBudget', message: `The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently` }]);
    delete s.details!.retryAfterSeconds;
    return s;
  }
  const next = { ...status, disruptionsAllowed: status.disruptionsAllowed - 1 };
  if (next.disruptionsAllowed === 0) next.conditions = updateDisruptionAllowedCondition(next, now);
  if (dryRun) return undefined;
  next.disruptedPods = { ...status.disruptedPods, [podName]: now };
  server.updateStatus(actor, { ...pdb, status: next });
  return undefined;
}

function moreThanOnePdb(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', reason: '' as Status['reason'], code: 500 };
}

/** `DisruptionTarget=True`, reason `EvictionByEvictionAPI`; undefined when already so. */
function withDisruptionTarget(conditions: readonly PodCondition[] | undefined, now: string): PodCondition[] | undefined {
  const cond: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === cond.type);
  if (i < 0) return [...list, cond];
  const old = list[i];
  if (old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return undefined;
  list[i] = old.status === cond.status ? { ...cond, lastTransitionTime: old.lastTransitionTime } : cond;
  return list;
}

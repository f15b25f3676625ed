import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from './types';

/**
 * Helpers shared by the eviction subresource and the disruption controller
 * (`k8s.io/component-helpers/apps/poddisruptionbudget`).
 */
export type PdbObj = KubeObject & PodDisruptionBudget;

/** `DisruptionAllowed`, with reasons `SufficientPods`, `InsufficientPods`, `SyncFailed`. */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';

/** `apimeta.SetStatusCondition`: replaces the condition of that type; the transition time moves only when the status does. */
export function setStatusCondition(conditions: readonly Condition[] | undefined, cond: Omit<Condition, 'lastTransitionTime'>, now: string): Condition[] {
  const out = [...(conditions ?? [])];
  const i = out.findIndex((c) => c.type === cond.type);
  if (i < 0) {
    out.push({ type: cond.type, status: cond.status, observedGeneration: cond.observedGeneration, lastTransitionTime: now, reason: cond.reason, message: cond.message });
    return out;
  }
  const old = out[i];
  out[i] = { type: cond.type, status: cond.status, observedGeneration: cond.observedGeneration, lastTransitionTime: old.status === cond.status ? old.lastTransitionTime : now, reason: cond.reason, message: cond.message };
  return out;
}

/** `UpdateDisruptionAllowedCondition`: True/SufficientPods while disruptions are allowed, else False/InsufficientPods. */
export function updateDisruptionAllowedCondition(status: NonNullable<PodDisruptionBudget['status']>, now: string): Condition[] {
  const allowed = status.disruptionsAllowed > 0;
  return setStatusCondition(
    status.conditions,
    { type: DISRUPTION_ALLOWED, status: allowed ? 'True' : 'False', observedGeneration: status.observedGeneration, reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '' },
    now,
  );
}

/** `ConditionsAreUpToDate`. */
export function conditionsAreUpToDate(pdb: PdbObj): boolean {
  const status = pdb.status;
  const cond = status?.conditions?.find((c) => c.type === DISRUPTION_ALLOWED);
  if (!status || !cond || status.observedGeneration !== pdb.metadata.generation) return false;
  if (status.disruptionsAllowed > 0) return cond.status === 'True' && cond.reason === 'SufficientPods';
  return cond.status === 'False' && cond.reason === 'InsufficientPods';
}

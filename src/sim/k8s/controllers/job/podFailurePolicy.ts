import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { PodFailurePolicy } from 'kubernetes-types/batch/v1';

export type PodFailureAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

/**
 * `matchPodFailurePolicy`: the first rule matching a failed pod — an exit
 * code of a terminated container (`onExitCodes`) or a pod condition
 * (`onPodConditions`) — with the message the Job's condition then carries.
 */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: Pod & { metadata: { name: string; namespace?: string } }): { action: PodFailureAction; message?: string } | undefined {
  if (!policy) return undefined;
  const rules = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const action = rule.action as PodFailureAction;
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
      for (const cs of statuses) {
        if (req.containerName && req.containerName !== cs.name) continue;
        const code = cs.state?.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        const isIn = req.values.includes(code);
        if ((req.operator === 'In') === isIn) {
          return { action, message: `Container ${cs.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${action} rule at index ${i}` };
        }
      }
    } else if (rule.onPodConditions) {
      const conds: PodCondition[] = pod.status?.conditions ?? [];
      for (const p of rule.onPodConditions) {
        if (conds.some((c) => c.type === p.type && c.status === (p.status ?? 'True'))) {
          return { action, message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${p.type} matching ${action} rule at index ${i}` };
        }
      }
    }
  }
  return undefined;
}

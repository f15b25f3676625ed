import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { formatLabelSelector, type KubeObject } from '../../../../sim/k8s/index';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { tabbedString } from './describeWriter';

/** `describePodDisruptionBudgetV1`: the budget, its selector and its status counts. */
export function describePodDisruptionBudget(obj: KubeObject, ctx: PrintContext): string {
  const pdb = obj as KubeObject & PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const status = pdb.status;
  return tabbedString((w) => {
    w.write(0, `Name:\t${pdb.metadata.name}\n`);
    w.write(0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
    if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
    else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
    w.write(0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(0, 'Status:\n');
    w.write(2, `Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}\n`);
    w.write(2, `Current:\t${status?.currentHealthy ?? 0}\n`);
    w.write(2, `Desired:\t${status?.desiredHealthy ?? 0}\n`);
    w.write(2, `Total:\t${status?.expectedPods ?? 0}\n`);
    describeEvents(ctx.cluster.eventsFor(pdb), w, ctx.now);
  });
}

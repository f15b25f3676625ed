import type { Taint } from 'kubernetes-types/core/v1';
import type { SchedulerPlugin } from '../plugin';
import { unresolvable } from '../status';
import { tolerationsTolerateTaint } from '../tolerations';

const NAME = 'NodeUnschedulable';
/** `ErrReasonUnschedulable`. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const REJECT = unresolvable(NAME, ERR_REASON_UNSCHEDULABLE);
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Filter: a cordoned node (`spec.unschedulable`) takes only pods tolerating `node.kubernetes.io/unschedulable:NoSchedule`. */
export const nodeUnschedulable: SchedulerPlugin = {
  name: NAME,
  filter(state, nodes, count, out) {
    let tolerates: boolean | undefined;
    for (let i = 0; i < count; i++) {
      if (!nodes[i].unschedulable) {
        out[i] = undefined;
        continue;
      }
      tolerates ??= tolerationsTolerateTaint(state.pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
      out[i] = tolerates ? undefined : REJECT;
    }
  },
};

import type { Taint } from 'kubernetes-types/core/v1';
import { FLAG_UNSCHEDULABLE } from '../nodeTable';
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
  filter(state, _nodes, idx, count, out) {
    if (!state.snapshot.table.any(FLAG_UNSCHEDULABLE)) return 0;
    const flags = state.snapshot.table.flags;
    let tolerates: boolean | undefined;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      if ((flags[idx[i]] & FLAG_UNSCHEDULABLE) === 0) continue;
      tolerates ??= tolerationsTolerateTaint(state.pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
      if (!tolerates) {
        out[i] = REJECT;
        rejected++;
      }
    }
    return rejected;
  },
};

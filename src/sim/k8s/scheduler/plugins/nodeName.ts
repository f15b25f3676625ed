import type { SchedulerPlugin } from '../plugin';
import { unresolvable } from '../status';

const NAME = 'NodeName';
/** `ErrReason`. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
const REJECT = unresolvable(NAME, ERR_REASON_NODE_NAME);

/** Filter: a pod naming a node (`spec.nodeName`) fits only that node. Pods without one pass everywhere. */
export const nodeName: SchedulerPlugin = {
  name: NAME,
  // Same verdict as running the filter: every node passes when the pod names none.
  preFilter: (state) => (state.pod.pod.spec?.nodeName ? undefined : 'skip'),
  filter(state, nodes, idx, count, out) {
    const want = state.pod.pod.spec?.nodeName;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      if (!want || nodes[idx[i]].name === want) continue;
      out[i] = REJECT;
      rejected++;
    }
    return rejected;
  },
};

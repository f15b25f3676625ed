import type { SchedulerPlugin } from '../plugin';
import { unschedulable } from '../status';

const NAME = 'NodePorts';
/** `ErrReason`. */
export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECT = unschedulable(NAME, ERR_REASON_PORTS);

/** Filter: a host port (IP, protocol, port) already bound on the node rejects it; 0.0.0.0 clashes with every IP. */
export const nodePorts: SchedulerPlugin = {
  name: NAME,
  preFilter: (state) => (state.pod.hostPorts.length === 0 ? 'skip' : undefined),
  filter(state, nodes, idx, count, out) {
    const want = state.pod.hostPorts;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const used = nodes[idx[i]].usedPorts;
      if (!used || used.size === 0) continue;
      if (want.some((p) => used.conflicts(p))) {
        out[i] = REJECT;
        rejected++;
      }
    }
    return rejected;
  },
};

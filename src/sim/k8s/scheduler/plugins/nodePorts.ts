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
  filter(state, nodes, count, out) {
    const want = state.pod.hostPorts;
    for (let i = 0; i < count; i++) {
      const used = nodes[i].usedPorts;
      let clash = false;
      if (used && used.size > 0) for (const p of want) if (used.conflicts(p)) clash = true;
      out[i] = clash ? REJECT : undefined;
    }
  },
};

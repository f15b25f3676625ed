import { HostPortInfo, type HostPort } from '../hostPorts';
import type { SchedulerPlugin } from '../plugin';
import type { PodInfo } from '../podInfo';
import { unschedulable } from '../status';

const NAME = 'NodePorts';
/** `ErrReason`. */
export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECT = unschedulable(NAME, ERR_REASON_PORTS);

/** Whether one of `want` clashes with a host port of `pods` (those nominated to a node). */
function clashesWith(want: readonly HostPort[], pods: readonly PodInfo[]): boolean {
  const used = new HostPortInfo();
  for (const p of pods) for (const hp of p.hostPorts) used.add(hp);
  return want.some((p) => used.conflicts(p));
}

/**
 * Filter: a host port (IP, protocol, port) already bound on the node rejects
 * it; 0.0.0.0 clashes with every IP. The ports of pods nominated to the node
 * (same or higher priority) count as bound (`RunFilterPluginsWithNominatedPods`).
 */
export const nodePorts: SchedulerPlugin = {
  name: NAME,
  preFilter: (state) => (state.pod.hostPorts.length === 0 ? 'skip' : undefined),
  filter(state, nodes, idx, count, out) {
    const want = state.pod.hostPorts;
    const nominated = state.nominated;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const used = nodes[idx[i]].usedPorts;
      const extra = nominated?.get(idx[i])?.nominatedPods;
      if ((used && used.size > 0 && want.some((p) => used.conflicts(p))) || (extra && clashesWith(want, extra))) {
        out[i] = REJECT;
        rejected++;
      }
    }
    return rejected;
  },
};

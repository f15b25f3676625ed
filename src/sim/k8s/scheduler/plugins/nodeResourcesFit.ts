import type { NodeInfo } from '../nodeInfo';
import type { NodeLoad } from '../nominator';
import type { NodeTable } from '../nodeTable';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import type { PodResources } from '../podResources';
import { unschedulable, type Status } from '../status';

const NAME = 'NodeResourcesFit';
const rejections = new Map<string, Status>();

function rejection(reasons: string[]): Status {
  const key = reasons.join('\u0000');
  let s = rejections.get(key);
  if (!s) {
    if (rejections.size > 1000) rejections.clear();
    rejections.set(key, (s = unschedulable(NAME, ...reasons)));
  }
  return s;
}

/**
 * `fitsRequest`: every shortage of the node for the pod, in upstream order
 * (`Too many pods`, cpu, memory, ephemeral-storage, then extended resources);
 * empty when it fits. A request of 0 never fails, so a BestEffort pod only
 * checks the pod count. `e` is added to the node's requests (nominated pods, less preemption's victims).
 */
export function insufficientResources(r: PodResources, n: NodeInfo, e?: NodeLoad): string[] {
  const reasons: string[] = [];
  if (n.pods.length + (e?.pods ?? 0) + 1 > n.allocPods) reasons.push('Too many pods');
  if (r.cpu === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalar) return reasons;
  if (r.cpu > 0 && r.cpu > n.allocCpu - n.reqCpu - (e?.cpu ?? 0)) reasons.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > n.allocMemory - n.reqMemory - (e?.memory ?? 0)) reasons.push('Insufficient memory');
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > n.allocEphemeralStorage - n.reqEphemeralStorage - (e?.ephemeralStorage ?? 0)) reasons.push('Insufficient ephemeral-storage');
  if (r.scalar) {
    // Go iterates a map here; sorted names keep the simulation deterministic.
    for (const name of [...r.scalar.keys()].sort()) {
      const q = r.scalar.get(name)!;
      if (q === 0) continue;
      if (q > (n.allocScalar?.get(name) ?? 0) - (n.reqScalar?.get(name) ?? 0) - (e?.scalar?.get(name) ?? 0)) reasons.push(`Insufficient ${name}`);
    }
  }
  return reasons;
}

/** `leastRequestedScore`: free share of the resource after placing the pod, 0–100 (integer division). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The LeastAllocated score of node slot `x` for a pod asking `cpu` / `mem` (non-zero requests). */
export function leastAllocatedAt(t: NodeTable, x: number, cpu: number, mem: number): number {
  const ac = t.allocCpu[x];
  const am = t.allocMemory[x];
  // Both scores are 0–100, so the mean's integer division is a shift.
  if (ac !== 0 && am !== 0) return (leastRequestedScore(t.nonZeroCpu[x] + cpu, ac) + leastRequestedScore(t.nonZeroMemory[x] + mem, am)) >> 1;
  // A resource the node has none of is left out of the mean.
  return ac !== 0 ? leastRequestedScore(t.nonZeroCpu[x] + cpu, ac) : am !== 0 ? leastRequestedScore(t.nonZeroMemory[x] + mem, am) : 0;
}

/**
 * Filter: the node has room for the pod's requests (cpu, memory,
 * ephemeral-storage, extended resources) and one more pod. Score (weight 1,
 * strategy LeastAllocated, cpu and memory weight 1): the mean free share
 * after placing the pod, counting 100m/200Mi for containers without requests.
 */
export const nodeResourcesFit: SchedulerPlugin = {
  name: NAME,
  filter(state, nodes, idx, count, out) {
    const r = state.pod.res;
    const bestEffort = r.cpu === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalar;
    const { cpu, memory, ephemeralStorage } = r;
    const simple = !r.scalar;
    const t = state.snapshot.table;
    const { podRoom, freeCpu, freeMemory, freeEphemeralStorage } = t;
    // Pods nominated to a node count as if they ran there (`RunFilterPluginsWithNominatedPods`).
    const nominated = state.nominated;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const x = idx[i];
      const extra = nominated === undefined ? undefined : nominated.get(x);
      // Fast path: the common case where everything fits (same checks as insufficientResources).
      if (extra === undefined && podRoom[x] >= 1 && (bestEffort || (simple && cpu <= freeCpu[x] && memory <= freeMemory[x] && ephemeralStorage <= freeEphemeralStorage[x]))) continue;
      const reasons = insufficientResources(r, nodes[idx[i]], extra);
      if (reasons.length > 0) {
        out[i] = rejection(reasons);
        rejected++;
      }
    }
    return rejected;
  },
  score(state, _nodes, idx, count, out) {
    const cpu = state.pod.res.nonZeroCpu;
    const mem = state.pod.res.nonZeroMemory;
    const t = state.snapshot.table;
    for (let i = 0; i < count; i++) out[i] = leastAllocatedAt(t, idx[i], cpu, mem);
  },
};

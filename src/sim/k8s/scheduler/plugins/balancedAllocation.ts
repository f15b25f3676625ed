import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';

/**
 * `balancedResourceScorer` for cpu and memory: `int((1 − std) × 100)` where
 * std of two fractions is |f_cpu − f_mem| / 2 (fractions capped at 1;
 * resources the node has none of are left out; one resource scores 100).
 */
export function balancedScore(reqCpu: number, allocCpu: number, reqMem: number, allocMem: number): number {
  const fractions: number[] = [];
  if (allocCpu !== 0) fractions.push(Math.min(reqCpu / allocCpu, 1));
  if (allocMem !== 0) fractions.push(Math.min(reqMem / allocMem, 1));
  const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * Score (weight 1): NodeResourcesBalancedAllocation favours nodes whose cpu
 * and memory would be equally used, from real requests (no 100m/200Mi
 * defaults). v1.32 still scores BestEffort pods (the skip came in 1.33).
 */
export const balancedAllocation: SchedulerPlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(state, nodes, count, out) {
    const cpu = state.pod.res.cpu;
    const mem = state.pod.res.memory;
    for (let i = 0; i < count; i++) {
      const n = nodes[i];
      out[i] = balancedScore(n.reqCpu + cpu, n.allocCpu, n.reqMemory + mem, n.allocMemory);
    }
  },
};

import type { NodeTable } from '../nodeTable';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';

/**
 * `balancedResourceScorer` for cpu and memory: `int((1 − std) × 100)` where
 * std of two fractions is |f_cpu − f_mem| / 2 (fractions capped at 1;
 * resources the node has none of are left out; one resource scores 100).
 */
export function balancedScore(reqCpu: number, allocCpu: number, reqMem: number, allocMem: number): number {
  if (allocCpu === 0 || allocMem === 0) return MAX_NODE_SCORE;
  const fc = reqCpu > allocCpu ? 1 : reqCpu / allocCpu;
  const fm = reqMem > allocMem ? 1 : reqMem / allocMem;
  const std = Math.abs((fc - fm) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The balanced-allocation score of node slot `x` for a pod asking `cpu` / `mem` (real requests). */
export function balancedAt(t: NodeTable, x: number, cpu: number, mem: number): number {
  return balancedScore(t.reqCpu[x] + cpu, t.allocCpu[x], t.reqMemory[x] + mem, t.allocMemory[x]);
}

/**
 * Score (weight 1): NodeResourcesBalancedAllocation favours nodes whose cpu
 * and memory would be equally used, from real requests (no 100m/200Mi
 * defaults). v1.32 still scores BestEffort pods (the skip came in 1.33).
 */
export const balancedAllocation: SchedulerPlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(state, _nodes, idx, count, out) {
    const cpu = state.pod.res.cpu;
    const mem = state.pod.res.memory;
    const t = state.snapshot.table;
    for (let i = 0; i < count; i++) out[i] = balancedAt(t, idx[i], cpu, mem);
  },
};

import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { Status } from './status';

/** What a PreFilter returns: nothing to say, skip my Filter, restrict to these nodes, or reject the pod. */
export type PreFilterOutcome = undefined | 'skip' | { nodeNames: ReadonlySet<string> } | { status: Status };

/**
 * A scheduling framework plugin. Filters and scores work on a batch of nodes
 * per call (tight loops, no per-node dispatch): candidate i is the table slot
 * `idx[i]` — read numbers from `state.snapshot.table`, and the NodeInfo (for
 * labels, taints…) as `nodes[idx[i]]` (`nodes` is indexed by slot).
 * `filter` writes the rejection of node i into `out[i]` (leaving passing
 * nodes' entries undefined) and returns how many it rejected. `score` writes
 * raw scores; `normalizeScore` maps them to 0–100 in place — or `score`
 * returns a number when every node gets that same final score (then `out`
 * is left alone and `normalizeScore` is not called).
 */
export interface SchedulerPlugin {
  readonly name: string;
  preFilter?(state: CycleState): PreFilterOutcome;
  filter?(state: CycleState, nodes: readonly NodeInfo[], idx: Int32Array, count: number, out: (Status | undefined)[]): number;
  /** False means Skip: the plugin scores 0 on every node this cycle. */
  preScore?(state: CycleState, nodes: readonly NodeInfo[], idx: Int32Array, count: number): boolean;
  score?(state: CycleState, nodes: readonly NodeInfo[], idx: Int32Array, count: number, out: Float64Array): number | void;
  normalizeScore?(state: CycleState, nodes: readonly NodeInfo[], idx: Int32Array, count: number, scores: Float64Array): void;
}

/** The highest score a plugin gives a node after normalisation (`framework.MaxNodeScore`). */
export const MAX_NODE_SCORE = 100;

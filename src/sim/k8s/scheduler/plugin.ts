import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { Status } from './status';

/** What a PreFilter returns: nothing to say, skip my Filter, restrict to these nodes, or reject the pod. */
export type PreFilterOutcome = undefined | 'skip' | { nodeNames: ReadonlySet<string> } | { status: Status };

/**
 * A scheduling framework plugin. Filters and scores work on a batch of nodes
 * per call (tight loops, no per-node dispatch): `filter` must write, for every
 * i < count, the rejection of `nodes[i]` into `out[i]`, or undefined.
 * `score` writes raw scores; `normalizeScore` maps them to 0–100 in place.
 */
export interface SchedulerPlugin {
  readonly name: string;
  preFilter?(state: CycleState): PreFilterOutcome;
  filter?(state: CycleState, nodes: readonly NodeInfo[], count: number, out: (Status | undefined)[]): void;
  /** False means Skip: the plugin scores 0 on every node this cycle. */
  preScore?(state: CycleState, nodes: readonly NodeInfo[], count: number): boolean;
  score?(state: CycleState, nodes: readonly NodeInfo[], count: number, out: Float64Array): void;
  normalizeScore?(state: CycleState, nodes: readonly NodeInfo[], count: number, scores: Float64Array): void;
}

/** The highest score a plugin gives a node after normalisation (`framework.MaxNodeScore`). */
export const MAX_NODE_SCORE = 100;

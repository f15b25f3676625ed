import type { Status } from './status';

/**
 * Where one cycle writes its per-node results: evaluated nodes and their
 * rejections, feasible nodes and their scores. The decision log hands the
 * framework a fresh set from its ring for each cycle, so keeping the detail
 * of recent decisions costs no copying.
 */
export class CycleBuffers {
  /** Table slot of each evaluated node, in evaluation order. */
  evalSlot = new Int32Array(16);
  /** Rejection per evaluated node (only meaningful where `evalFeasibleIndex` is -1). */
  evalStatus: (Status | undefined)[] = [];
  /** Per evaluated node: its index among the feasible nodes, or -1 (unless `allFeasible`). */
  evalFeasibleIndex = new Int32Array(16);
  /** No node was rejected: evaluated node i is feasible node i (`evalFeasibleIndex` not written). */
  allFeasible = true;
  /** Table slot (`NodeInfo.index`) of each feasible node. */
  feasibleIndex = new Int32Array(16);
  /** Per score plugin: normalised scores of the feasible nodes, before weights (unless `uniform`). */
  scores: Float64Array[];
  /** Per score plugin: the score every feasible node got, or NaN when `scores` holds them. */
  readonly uniform: Float64Array;
  /** Σ score × weight of the non-uniform plugins; add `base` for the real total (`totalAt`). */
  totals = new Float64Array(16);
  /** Σ score × weight of the uniform plugins (the same for every node). */
  base = 0;

  constructor(readonly scorePlugins: number) {
    this.scores = Array.from({ length: scorePlugins }, () => new Float64Array(16));
    this.uniform = new Float64Array(scorePlugins);
  }

  /** Feasible index of evaluated node i, or -1. */
  feasibleIndexOf(i: number): number {
    return this.allFeasible ? i : this.evalFeasibleIndex[i];
  }

  /** The weighted total of feasible node i. */
  totalAt(i: number): number {
    return this.totals[i] + this.base;
  }

  /** Plugin k's normalised score for feasible node i. */
  scoreAt(k: number, i: number): number {
    const u = this.uniform[k];
    return Number.isNaN(u) ? this.scores[k][i] : u;
  }

  /**
   * Room for `evaluated` evaluated nodes and `feasible` feasible ones. A
   * cycle stops at `numFeasibleNodesToFind` feasible nodes, so the score
   * arrays need only that many entries even on a cluster of thousands.
   */
  ensure(evaluated: number, feasible: number): void {
    if (this.evalSlot.length < evaluated) {
      const cap = Math.max(evaluated, this.evalSlot.length * 2);
      this.evalSlot = new Int32Array(cap);
      this.evalFeasibleIndex = new Int32Array(cap);
    }
    if (this.feasibleIndex.length < feasible) {
      const cap = Math.max(feasible, this.feasibleIndex.length * 2);
      this.feasibleIndex = new Int32Array(cap);
      this.totals = new Float64Array(cap);
      this.scores = this.scores.map(() => new Float64Array(cap));
    }
  }
}

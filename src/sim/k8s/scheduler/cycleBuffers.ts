import { hostSpreadScore } from './kernelScores';
import type { Status } from './status';

/**
 * Where one cycle writes its per-node results: evaluated nodes and their
 * rejections, feasible nodes and their scores. The decision log hands the
 * framework a fresh set from its ring for each cycle, so keeping the detail
 * of recent decisions costs no copying.
 */
export class CycleBuffers {
  /**
   * Table slot of each evaluated node, in evaluation order. During a cycle
   * (and until the finder's next one) the finder's own array; afterwards
   * read `slotAt`: a cycle that walked the node list keeps only the list.
   */
  evalSlot = new Int32Array(16);
  /** The node list the evaluated nodes are a window of (never mutated; null: see `evalSlot`), and the window's first position. */
  window: Int32Array | null = null;
  windowStart = 0;
  /** Rejection per evaluated node (only meaningful where `evalFeasibleIndex` is -1). */
  evalStatus: (Status | undefined)[] = [];
  /** Per evaluated node: its index among the feasible nodes, or -1 (unless `allFeasible`). */
  evalFeasibleIndex = new Int32Array(16);
  /** No node was rejected: evaluated node i is feasible node i (`evalFeasibleIndex` not written). */
  allFeasible = true;
  /** Table slot (`NodeInfo.index`) of each feasible node (the finder's array, like `evalSlot`: valid until its next cycle). */
  feasibleIndex = new Int32Array(16);
  /** This set's own arrays for the slots, when a cycle's slots are not a window of the node list. */
  private ownEvalSlot = this.evalSlot;
  private ownFeasibleIndex = this.feasibleIndex;
  /** Per score plugin: normalised scores of the feasible nodes, before weights (unless `uniform`). */
  scores: Float64Array[];
  /** Per score plugin: the score every feasible node got, or NaN when `scores` holds them. */
  readonly uniform: Float64Array;
  /** Σ score × weight of the non-uniform plugins; add `base` for the real total (`totalAt`). */
  totals = new Float64Array(16);
  /** Σ score × weight of the uniform plugins (the same for every node). */
  base = 0;
  /**
   * When ≥ 0: the score plugin (hostname spreading) whose scores follow from
   * `hostCounts` and the cycle's count range instead of being in `scores`;
   * `totals` is then not written either (see `spreadFromCounts`).
   */
  countSpread = -1;
  /**
   * Matching pods of each feasible node (while `countSpread` ≥ 0); when
   * `packed`, Fit, BalancedAllocation and the count in one number instead
   * (bits 0–6, 7–13, 14–30), and those two plugins' `scores` are not written.
   */
  hostCounts = new Int32Array(16);
  packed = false;
  private spreadMin = 0;
  private spreadMax = 0;
  private spreadW = 0;
  private spreadOff = 0;
  private fitK = 0;
  private wFit = 0;
  private balK = 0;
  private wBalanced = 0;
  private wSpread = 0;
  /** Lengths of `evalFeasibleIndex` and of `totals` (the per-feasible arrays), kept here: `ensure` then reads no array of a cold ring slot. */
  private evalCapacity = 16;
  private feasibleCapacity = 16;

  constructor(readonly scorePlugins: number) {
    this.scores = Array.from({ length: scorePlugins }, () => new Float64Array(16));
    this.uniform = new Float64Array(scorePlugins);
  }

  /** Table slot of evaluated node i. */
  slotAt(i: number): number {
    const w = this.window;
    if (w === null) return this.evalSlot[i];
    const p = this.windowStart + i;
    return w[p < w.length ? p : p - w.length];
  }

  /**
   * For one cycle the evaluated and feasible slots go into `scratch`'s
   * arrays (the finder's, written every cycle, so they stay in cache;
   * this set lives in the decision log's ring).
   */
  borrow(scratch: CycleBuffers): void {
    this.evalSlot = scratch.evalSlot;
    this.feasibleIndex = scratch.feasibleIndex;
    this.window = null;
    this.countSpread = -1;
  }

  /**
   * After filtering: the `evaluated` nodes were positions `start`, `start + 1`, …
   * (wrapping) of `list`, which is then all this set keeps of them; or,
   * with `list` null, they are copied into this set's own arrays.
   */
  keep(list: Int32Array | null, start: number, evaluated: number, feasible: number): void {
    if (list !== null) {
      this.window = list;
      this.windowStart = start;
      return;
    }
    if (this.ownEvalSlot.length < evaluated) this.ownEvalSlot = new Int32Array(evaluated);
    if (this.ownFeasibleIndex.length < feasible) this.ownFeasibleIndex = new Int32Array(feasible);
    this.ownEvalSlot.set(this.evalSlot.subarray(0, evaluated));
    this.ownFeasibleIndex.set(this.feasibleIndex.subarray(0, feasible));
    this.evalSlot = this.ownEvalSlot;
    this.feasibleIndex = this.ownFeasibleIndex;
  }

  /** Feasible index of evaluated node i, or -1. */
  feasibleIndexOf(i: number): number {
    return this.allFeasible ? i : this.evalFeasibleIndex[i];
  }

  /** The weighted total of feasible node i. */
  totalAt(i: number): number {
    if (this.countSpread >= 0) return this.scoreAt(this.fitK, i) * this.wFit + this.scoreAt(this.balK, i) * this.wBalanced + this.scoreAt(this.countSpread, i) * this.wSpread + this.base;
    return this.totals[i] + this.base;
  }

  /** Plugin k's normalised score for feasible node i. */
  scoreAt(k: number, i: number): number {
    if (this.countSpread >= 0 && this.packed) {
      const d = this.hostCounts[i];
      if (k === this.fitK) return d & 127;
      if (k === this.balK) return (d >>> 7) & 127;
      if (k === this.countSpread) return hostSpreadScore(d >>> 14, this.spreadMin, this.spreadMax, this.spreadW, this.spreadOff);
    } else if (k === this.countSpread) return hostSpreadScore(this.hostCounts[i], this.spreadMin, this.spreadMax, this.spreadW, this.spreadOff);
    const u = this.uniform[k];
    return Number.isNaN(u) ? this.scores[k][i] : u;
  }

  /**
   * This cycle's scores are Fit (plugin `fitK`), BalancedAllocation
   * (`balK`) and hostname spreading (`spreadK`, from `hostCounts` over raw
   * range [min, max] with weight `w` and offset `off`) plus the uniform
   * ones: totals are summed in the kernel's order when read. `packed`: see `hostCounts`.
   */
  spreadFromCounts(spreadK: number, min: number, max: number, w: number, off: number, fitK: number, wFit: number, balK: number, wBalanced: number, wSpread: number, packed: boolean): void {
    this.countSpread = spreadK;
    this.packed = packed;
    this.spreadMin = min;
    this.spreadMax = max;
    this.spreadW = w;
    this.spreadOff = off;
    this.fitK = fitK;
    this.wFit = wFit;
    this.balK = balK;
    this.wBalanced = wBalanced;
    this.wSpread = wSpread;
  }

  /**
   * Room for `evaluated` evaluated nodes and `feasible` feasible ones. A
   * cycle stops at `numFeasibleNodesToFind` feasible nodes, so the score
   * arrays need only that many entries even on a cluster of thousands.
   */
  ensure(evaluated: number, feasible: number): void {
    if (this.evalSlot.length < evaluated) this.evalSlot = new Int32Array(Math.max(evaluated, this.evalSlot.length * 2));
    if (this.evalCapacity < evaluated) {
      this.evalCapacity = Math.max(evaluated, this.evalCapacity * 2);
      this.evalFeasibleIndex = new Int32Array(this.evalCapacity);
    }
    if (this.feasibleIndex.length < feasible) this.feasibleIndex = new Int32Array(Math.max(feasible, this.feasibleIndex.length * 2));
    if (this.feasibleCapacity < feasible) {
      const cap = (this.feasibleCapacity = Math.max(feasible, this.feasibleCapacity * 2));
      this.totals = new Float64Array(cap);
      this.hostCounts = new Int32Array(cap);
      this.scores = this.scores.map(() => new Float64Array(cap));
    }
  }
}

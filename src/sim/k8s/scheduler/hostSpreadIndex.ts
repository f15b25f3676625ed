import type { Rng } from '../../../lib/rng';
import type { CycleBuffers } from './cycleBuffers';
import { countTableFor, fitAndBalance } from './kernelScores';
import { BLOCK, ListChanges, SHIFT } from './listChanges';
import { FLAG_HOSTNAME_LABEL, type NodeTable } from './nodeTable';
import type { PodResources } from './podResources';

/** Block flags: some node lacks the hostname label; some Fit + BalancedAllocation sum is NaN. */
const UNLABELLED = 1;
const NOT_A_NUMBER = 2;
/** Some node's Fit, BalancedAllocation or count does not fit `CycleBuffers`' packed detail. */
const UNPACKED = 4;
/** A block with more distinct counts than it keeps entries for: read node by node. */
const MANY = 8;
/** Entries (distinct counts) kept per block: few, so that a window's entries share cache lines. */
const ENTRY_SHIFT = 2;
const ENTRIES = 1 << ENTRY_SHIFT;
/** Largest count the packed detail holds (17 bits). */
const MAX_PACKED_COUNT = (1 << 17) - 1;

/** The totals a window shares: the best one and how many nodes have it. */
interface Best {
  best: number;
  ties: number;
}

/**
 * The default profile's hostname-spread scoring without a pass over every
 * scored node. With every node feasible, a cycle scores the nodes of one
 * window of the node list (`numFeasibleNodesToFind` from the round-robin
 * start), and a node's total is `A + spread(count) × w` where `A` (Fit and
 * BalancedAllocation, weighted) depends only on the node's numbers and the
 * pod's requests, and `count` is the node's matching pods. Between two
 * cycles of one workload only the nodes a pod went to or left change, so
 * the index keeps `A` and `count` per list position and, per block of 16
 * positions, the range of counts and for each count present (up to 4;
 * a block with more is read node by node) the best `A` and how many nodes
 * reach it. A window then finds its count range, best total and ties from
 * its blocks, and rescans only the block holding the drawn tie. Blocks are rebuilt when a node in them changed (`NodeTable.changeLog`)
 * or the request signature, the counter or the node list is another.
 * Exactly what the node-by-node pass computes: the property tests in
 * hostSpreadIndex.test.ts and defaultProfileKernel.test.ts compare both
 * with the plugin-by-plugin path.
 */
export class HostSpreadIndex {
  /** What the blocks were built from. */
  private list: Int32Array | null = null;
  private counts: Int32Array | null = null;
  private key = -1;
  private readonly changes = new ListChanges();
  /** Per list position (valid in built blocks): Fit, BalancedAllocation, their weighted sum, matching pods (-1: no hostname label). */
  private fit = new Float64Array(0);
  private bal = new Float64Array(0);
  private sum = new Float64Array(0);
  private count = new Int32Array(0);
  /** Fit | BalancedAllocation << 7 | count << 14, where they are integers that fit (see `CycleBuffers.hostCounts`). */
  private packed = new Int32Array(0);
  /** Per block: built for the current inputs; count range; flags; distinct counts with their best sum and how many reach it. */
  private built = new Uint8Array(0);
  private minC = new Int32Array(0);
  private maxC = new Int32Array(0);
  private flags = new Uint8Array(0);
  private entries = new Int32Array(0);
  private entryCount = new Int32Array(0);
  private entrySum = new Float64Array(0);
  private entryTies = new Int32Array(0);
  /** The current cycle's inputs (set by `choose`). */
  private table: NodeTable | null = null;
  private res: PodResources | null = null;
  private readonly best: Best = { best: -Infinity, ties: 0 };
  /** This cycle's rejected nodes: per position and per block (scratch, cleared after use), and their evaluated offsets. */
  private excluded = new Uint8Array(0);
  private blockExcluded = new Uint8Array(0);
  private rejected = new Int32Array(0);

  constructor(
    private readonly wFit: number,
    private readonly wBalanced: number,
    private readonly wSpread: number,
  ) {}

  /** Drops every block built from inputs other than these, and the blocks of nodes changed since the last cycle. */
  private sync(t: NodeTable, list: Int32Array, counts: Int32Array, key: number): void {
    const n = list.length;
    if (!this.changes.follow(t, list, this.built, 0)) {
      if (this.fit.length < n) {
        this.fit = new Float64Array(n);
        this.bal = new Float64Array(n);
        this.sum = new Float64Array(n);
        this.count = new Int32Array(n);
        this.packed = new Int32Array(n);
        this.excluded = new Uint8Array(n);
        this.rejected = new Int32Array(n);
      }
      const blocks = (n + BLOCK - 1) >> SHIFT;
      if (this.built.length < blocks) {
        this.built = new Uint8Array(blocks);
        this.minC = new Int32Array(blocks);
        this.maxC = new Int32Array(blocks);
        this.flags = new Uint8Array(blocks);
        this.entryCount = new Int32Array(blocks);
        this.entries = new Int32Array(blocks << ENTRY_SHIFT);
        this.entrySum = new Float64Array(blocks << ENTRY_SHIFT);
        this.entryTies = new Int32Array(blocks << ENTRY_SHIFT);
        this.blockExcluded = new Uint8Array(blocks);
      }
      this.built.fill(0);
    } else if (counts !== this.counts || key !== this.key) this.built.fill(0);
    this.list = list;
    this.counts = counts;
    this.key = key;
  }

  /** Reads the nodes of block `b` (refilling stale Fit/BalancedAllocation memos) and sums it up. */
  private build(b: number): void {
    const t = this.table!;
    const r = this.res!;
    const list = this.list!;
    const counts = this.counts!;
    const key = this.key;
    const { memoKey, memoFit, memoBalanced, flags } = t;
    const { fit, bal, sum, count, packed, entries, entrySum, entryTies } = this;
    const lo = b << SHIFT;
    const hi = Math.min(lo + BLOCK, list.length);
    let min = Number.MAX_SAFE_INTEGER;
    let max = -1;
    let fl = 0;
    let len = 0;
    for (let p = lo; p < hi; p++) {
      const x = list[p];
      if (memoKey[x] !== key) fitAndBalance(t, x, key, r);
      const f = memoFit[x];
      const bl = memoBalanced[x];
      const a = f * this.wFit + bl * this.wBalanced;
      fit[p] = f;
      bal[p] = bl;
      sum[p] = a;
      if ((flags[x] & FLAG_HOSTNAME_LABEL) === 0) {
        count[p] = -1;
        fl |= UNLABELLED;
        continue;
      }
      const c = counts[x];
      count[p] = c;
      if (f >= 0 && f < 128 && bl >= 0 && bl < 128 && c >= 0 && c <= MAX_PACKED_COUNT && f === Math.trunc(f) && bl === Math.trunc(bl)) packed[p] = f | (bl << 7) | (c << 14);
      else fl |= UNPACKED;
      if (c < min) min = c;
      if (c > max) max = c;
      if (a !== a) {
        fl |= NOT_A_NUMBER;
        continue;
      }
      if ((fl & MANY) !== 0) continue;
      let e = b << ENTRY_SHIFT;
      const end = e + len;
      while (e < end && entries[e] !== c) e++;
      if (e === end) {
        if (len === ENTRIES) {
          fl |= MANY;
          continue;
        }
        entries[e] = c;
        entrySum[e] = a;
        entryTies[e] = 1;
        len++;
      } else if (a > entrySum[e]) {
        entrySum[e] = a;
        entryTies[e] = 1;
      } else if (a === entrySum[e]) entryTies[e]++;
    }
    this.minC[b] = min;
    this.maxC[b] = max;
    this.flags[b] = fl;
    this.entryCount[b] = len;
    this.built[b] = 1;
  }

  /**
   * Scores the feasible ones of the `evaluated` nodes at list positions
   * `start`, `start + 1`, … (wrapping; the others were rejected, see
   * `CycleBuffers.evalFeasibleIndex`), draws among the best as `selectHost`
   * does and returns the winner's feasible index, with the per-node detail
   * in `b` (spread as counts, see `CycleBuffers.spreadFromCounts`). Returns
   * -1 without drawing when some node lacks the hostname label or scores
   * NaN (the node-by-node pass handles those).
   */
  choose(
    t: NodeTable, list: Int32Array, counts: Int32Array, key: number, r: PodResources, start: number, evaluated: number,
    w: number, off: number, rng: Pick<Rng, 'int'>, b: CycleBuffers, fitK: number, balK: number, spreadK: number,
  ): number {
    const total = list.length;
    this.table = t;
    this.res = r;
    this.sync(t, list, counts, key);
    const end0 = Math.min(start + evaluated, total);
    const end1 = start + evaluated - end0;
    this.buildRange(start, end0);
    this.buildRange(0, end1);
    const rejected = b.allFeasible ? 0 : this.exclude(b, start, evaluated, total);
    try {
      return this.chooseIn(start, end0, end1, rejected, w, off, rng, b, fitK, balK, spreadK);
    } finally {
      for (let i = 0; i < rejected; i++) {
        const p = this.positionAt(this.rejected[i], start, total);
        this.excluded[p] = 0;
        this.blockExcluded[p >> SHIFT] = 0;
      }
    }
  }

  /** List position of evaluated node `j`. */
  private positionAt(j: number, start: number, total: number): number {
    const p = start + j;
    return p < total ? p : p - total;
  }

  /** Marks the rejected evaluated nodes excluded (their blocks are then read node by node); returns how many, their offsets in `rejected`. */
  private exclude(b: CycleBuffers, start: number, evaluated: number, total: number): number {
    let k = 0;
    const fi = b.evalFeasibleIndex;
    for (let j = 0; j < evaluated; j++) {
      if (fi[j] >= 0) continue;
      const p = this.positionAt(j, start, total);
      this.excluded[p] = 1;
      this.blockExcluded[p >> SHIFT] = 1;
      this.rejected[k++] = j;
    }
    return k;
  }

  /** Whether positions [p, p + BLOCK) are block `blk`, inside [p, e), none excluded, its entries complete: its sums stand for it. */
  private whole(p: number, e: number, blk: number, bEnd: number): boolean {
    return p === blk << SHIFT && bEnd <= e && this.blockExcluded[blk] === 0 && (this.flags[blk] & MANY) === 0;
  }

  private chooseIn(
    start: number, end0: number, end1: number, rejected: number,
    w: number, off: number, rng: Pick<Rng, 'int'>, b: CycleBuffers, fitK: number, balK: number, spreadK: number,
  ): number {
    const total = this.list!.length;
    // The range of matching-pod counts over the scored nodes.
    let minC = Number.MAX_SAFE_INTEGER;
    let maxC = -1;
    let fl = 0;
    for (let part = 0; part < 2; part++) {
      let p = part === 0 ? start : 0;
      const e = part === 0 ? end0 : end1;
      while (p < e) {
        const blk = p >> SHIFT;
        const bEnd = Math.min((blk + 1) << SHIFT, total);
        if (this.whole(p, e, blk, bEnd)) {
          if (this.minC[blk] < minC) minC = this.minC[blk];
          if (this.maxC[blk] > maxC) maxC = this.maxC[blk];
          fl |= this.flags[blk];
          p = bEnd;
          continue;
        }
        fl |= this.flags[blk] & UNPACKED;
        for (const stop = Math.min(bEnd, e); p < stop; p++) {
          if (this.excluded[p] !== 0) continue;
          const c = this.count[p];
          const a = this.sum[p];
          if (c < 0) fl |= UNLABELLED;
          else {
            if (c < minC) minC = c;
            if (c > maxC) maxC = c;
          }
          if (a !== a) fl |= NOT_A_NUMBER;
        }
      }
    }
    if ((fl & (UNLABELLED | NOT_A_NUMBER)) !== 0 || minC < 0) return -1;
    const min = Math.round(minC * w + off);
    const max = Math.round(maxC * w + off);
    const byCount = countTableFor(maxC, min, max, w, off);
    this.bestOf(start, end0, byCount);
    this.bestOf(0, end1, byCount, true);
    const { best, ties } = this.best;
    let k = ties === 1 ? 0 : rng.int(ties);
    let p = this.locate(start, end0, byCount, best, k);
    if (p < 0) {
      k = -p - 1;
      p = this.locate(0, end1, byCount, best, k);
    }
    // Evaluated index of the winner, less the rejected nodes before it.
    const j = p >= start ? p - start : p + total - start;
    let chosen = j;
    for (let i = 0; i < rejected && this.rejected[i] < j; i++) chosen--;
    // The detail for the decision log: block copies of the window, packed into one number per node when possible.
    const packed = (fl & UNPACKED) === 0;
    b.spreadFromCounts(spreadK, min, max, w, off, fitK, this.wFit, balK, this.wBalanced, this.wSpread, packed);
    if (packed) this.copyFeasible(this.packed, b.hostCounts, start, end0 - start + end1, rejected);
    else {
      this.copyFeasible(this.fit, b.scores[fitK], start, end0 - start + end1, rejected);
      this.copyFeasible(this.bal, b.scores[balK], start, end0 - start + end1, rejected);
      this.copyFeasible(this.count, b.hostCounts, start, end0 - start + end1, rejected);
    }
    return chosen;
  }

  /** Copies the per-position values of the feasible evaluated nodes (the `evaluated` from `start`, less the `rejected`) to the start of `to`. */
  private copyFeasible<T extends Float64Array | Int32Array>(from: T, to: T, start: number, evaluated: number, rejected: number): void {
    let from0 = 0;
    let at = 0;
    for (let i = 0; i <= rejected; i++) {
      const until = i < rejected ? this.rejected[i] : evaluated;
      copyOffsets(from, to, start, from0, until, at, this.list!.length);
      at += until - from0;
      from0 = until + 1;
    }
  }

  private buildRange(a: number, e: number): void {
    if (e <= a) return;
    for (let blk = a >> SHIFT; blk <= (e - 1) >> SHIFT; blk++) if (this.built[blk] === 0) this.build(blk);
  }

  /** The best total over positions [a, e) and how many nodes reach it, into `this.best` (continuing it when `more`). */
  private bestOf(a: number, e: number, byCount: Float64Array, more = false): void {
    const out = this.best;
    let best = more ? out.best : -Infinity;
    let ties = more ? out.ties : 0;
    const ws = this.wSpread;
    const { count, sum, entries, entrySum, entryTies, excluded } = this;
    const total = this.list!.length;
    let p = a;
    while (p < e) {
      const blk = p >> SHIFT;
      const bEnd = Math.min((blk + 1) << SHIFT, total);
      if (this.whole(p, e, blk, bEnd)) {
        for (let x = blk << ENTRY_SHIFT, stop = x + this.entryCount[blk]; x < stop; x++) {
          const tot = entrySum[x] + byCount[entries[x]] * ws;
          if (tot > best) {
            best = tot;
            ties = entryTies[x];
          } else if (tot === best) ties += entryTies[x];
        }
        p = bEnd;
        continue;
      }
      for (const stop = Math.min(bEnd, e); p < stop; p++) {
        if (excluded[p] !== 0) continue;
        const tot = sum[p] + byCount[count[p]] * ws;
        if (tot > best) {
          best = tot;
          ties = 1;
        } else if (tot === best) ties++;
      }
    }
    out.best = best;
    out.ties = ties;
  }

  /** The position of the k-th (from 0) node over [a, e) whose total is `best`, or -(1 + what remains of k) when there are fewer. */
  private locate(a: number, e: number, byCount: Float64Array, best: number, k: number): number {
    const ws = this.wSpread;
    const { count, sum, entries, entrySum, entryTies, excluded } = this;
    const total = this.list!.length;
    let p = a;
    while (p < e) {
      const blk = p >> SHIFT;
      const bEnd = Math.min((blk + 1) << SHIFT, total);
      if (this.whole(p, e, blk, bEnd)) {
        let here = 0;
        for (let x = blk << ENTRY_SHIFT, stop = x + this.entryCount[blk]; x < stop; x++) if (entrySum[x] + byCount[entries[x]] * ws === best) here += entryTies[x];
        if (k >= here) {
          k -= here;
          p = bEnd;
          continue;
        }
      }
      for (const stop = Math.min(bEnd, e); p < stop; p++) {
        if (excluded[p] !== 0 || sum[p] + byCount[count[p]] * ws !== best) continue;
        if (k === 0) return p;
        k--;
      }
    }
    return -1 - k;
  }
}

/** Copies evaluated offsets [j0, j1) (list positions from `start`, wrapping after `from`'s list) to `to` from `at`. */
function copyOffsets<T extends Float64Array | Int32Array>(from: T, to: T, start: number, j0: number, j1: number, at: number, total: number): void {
  if (j1 <= j0) return;
  const p0 = start + j0;
  const p1 = start + j1;
  if (p0 >= total) to.set(from.subarray(p0 - total, p1 - total) as never, at);
  else if (p1 <= total) to.set(from.subarray(p0, p1) as never, at);
  else {
    to.set(from.subarray(p0, total) as never, at);
    to.set(from.subarray(0, p1 - total) as never, at + total - p0);
  }
}

import { CycleBuffers } from './cycleBuffers';
import type { CycleState } from './cycleState';
import { quickFilterApplies, scanChunk } from './defaultProfileKernel';
import type { ScheduleOutcome } from './framework';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind';
import type { SchedulerPlugin } from './plugin';
import type { Status } from './status';

/**
 * `findNodesThatPassFilters`: walks the nodes round-robin in chunks of
 * exactly the number of feasible nodes still wanted (so the same nodes get
 * checked as one by one), each node through the filters in order until one
 * rejects it. With the default filters a cheap check vouches for most nodes
 * and the plugins only look at the rest. Owns its scratch arrays.
 */
export class FeasibleNodeFinder {
  /** The nodes a filter is run on: table slot and chunk position (the chunk's slots are `evalSlot` from its first position). */
  private subSlot = new Int32Array(16);
  private subPos = new Int32Array(16);
  /** Filter output for `subSlot` (scratch; undefined between uses). */
  private readonly subStatus: (Status | undefined)[] = [];
  /** First rejection per chunk position (scratch; undefined between uses). */
  private readonly statusBuf: (Status | undefined)[] = [];
  /** Where every cycle's evaluated and feasible slots are written (see `CycleBuffers.borrow`). */
  private readonly slots = new CycleBuffers(0);

  constructor(private readonly defaultProfile: boolean) {}

  /**
   * Checks `slots` in round-robin order from `startIndex` until enough
   * feasible nodes are found; writes the detail into `b` and the counts and
   * rejecting plugins into `out`.
   */
  find(state: CycleState, active: readonly SchedulerPlugin[], slots: Int32Array, startIndex: number, out: ScheduleOutcome, b: CycleBuffers): void {
    const numNodes = slots.length;
    const numToFind = numFeasibleNodesToFind(numNodes);
    // Never more feasible nodes than wanted: each chunk asks for exactly the number still missing.
    this.slots.ensure(numNodes + 1, Math.min(numNodes, numToFind) + 1);
    b.borrow(this.slots);
    b.ensure(numNodes + 1, Math.min(numNodes, numToFind) + 1);
    if (this.subSlot.length < numNodes + 1) {
      const n = Math.max(numNodes + 1, this.subSlot.length * 2);
      this.subSlot = new Int32Array(n);
      this.subPos = new Int32Array(n);
    }
    const { subPos, statusBuf } = this;
    const { evalSlot, evalStatus, evalFeasibleIndex, feasibleIndex } = b;
    // The default filters: a cheap check vouches for most nodes, the plugins look at the rest.
    // (Not while pods are nominated to nodes: the cheap check knows nothing of them.)
    const quick = this.defaultProfile && quickFilterApplies(active) && state.nominated === undefined;
    let rejectors: Set<string> | undefined;
    b.allFeasible = true;
    let found = 0;
    let processed = 0;
    let next = numNodes === 0 ? 0 : startIndex % numNodes;
    // Chunks of exactly the number still needed: the same nodes get checked as one by one.
    while (found < numToFind && processed < numNodes) {
      const m = Math.min(numToFind - found, numNodes - processed);
      const head = Math.min(m, numNodes - next);
      let n = m;
      if (quick) {
        // One pass: the chunk's slots into evalSlot and (hopefully) feasibleIndex, doubtful nodes noted.
        n = scanChunk(state, slots, next, head, m, evalSlot, processed, feasibleIndex, found, subPos);
      } else {
        // Plain loops: `subarray` views would allocate every cycle.
        for (let j = 0; j < m; j++) {
          const x = j < head ? slots[next + j] : slots[j - head];
          evalSlot[processed + j] = x;
          feasibleIndex[found + j] = x;
          subPos[j] = j;
        }
      }
      next = (next + m) % numNodes;
      const rejected = n > 0 && active.length > 0 ? this.runFilters(state, active, n, evalSlot, processed) : 0;
      if (rejected === 0) {
        if (!b.allFeasible) for (let j = 0; j < m; j++) evalFeasibleIndex[processed + j] = found + j;
        found += m;
      } else {
        if (b.allFeasible) {
          // Until now every node was feasible: write the identity mapping we skipped.
          for (let j = 0; j < processed; j++) evalFeasibleIndex[j] = j;
          b.allFeasible = false;
        }
        for (let j = 0; j < m; j++) {
          const s = statusBuf[j];
          if (s) {
            statusBuf[j] = undefined;
            evalStatus[processed + j] = s;
            evalFeasibleIndex[processed + j] = -1;
            (rejectors ??= new Set()).add(s.plugin);
          } else {
            feasibleIndex[found] = evalSlot[processed + j];
            evalFeasibleIndex[processed + j] = found++;
          }
        }
      }
      processed += m;
    }
    if (rejectors) out.unschedulablePlugins = rejectors;
    out.evaluated = processed;
    out.feasible = found;
    b.keep(slots === state.snapshot.nodeIndexes ? slots : null, numNodes === 0 ? 0 : startIndex % numNodes, processed, found);
  }

  /**
   * Runs the filters in order on the chunk positions `subPos[0..n)` (the
   * chunk's slots are `chunk` from `base`), each on the nodes the previous ones let through; a node's
   * first rejection lands in `statusBuf` at its chunk position. Returns how
   * many nodes were rejected.
   */
  private runFilters(state: CycleState, active: readonly SchedulerPlugin[], n: number, chunk: Int32Array, base: number): number {
    const { subSlot, subPos, subStatus, statusBuf } = this;
    const bySlot = state.snapshot.bySlot;
    for (let k = 0; k < n; k++) subSlot[k] = chunk[base + subPos[k]];
    let live = n;
    for (const p of active) {
      if (p.filter!(state, bySlot, subSlot, live, subStatus) === 0) continue;
      let w = 0;
      for (let k = 0; k < live; k++) {
        const s = subStatus[k];
        if (s) {
          subStatus[k] = undefined;
          statusBuf[subPos[k]] = s;
        } else {
          subSlot[w] = subSlot[k];
          subPos[w] = subPos[k];
          w++;
        }
      }
      live = w;
      if (live === 0) break;
    }
    return n - live;
  }
}

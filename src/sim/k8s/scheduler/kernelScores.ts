import type { NodeTable } from './nodeTable';
import { MAX_NODE_SCORE } from './plugin';
import { balancedAt } from './plugins/balancedAllocation';
import { leastAllocatedAt } from './plugins/nodeResourcesFit';
import type { PodResources } from './podResources';

/*
 * Per-node score pieces the default-profile kernel and its hostname-spread
 * index share: the Fit/BalancedAllocation memo, the request signature it is
 * keyed by, and the hostname-spread score per matching-pod count (same
 * formulas as the plugins').
 */

/**
 * A small id per distinct request signature (a string such as `cpu,memory`),
 * for typed-array memo keys; ids are never reused (the map is cleared, never
 * renumbered, should it grow past 100,000 signatures).
 */
export class SignatureIds {
  private readonly ids = new Map<string, number>();
  private next = 0;

  idOf(signature: string): number {
    let id = this.ids.get(signature);
    if (id === undefined) {
      if (this.ids.size >= 100_000) this.ids.clear();
      this.ids.set(signature, (id = this.next++));
    }
    return id;
  }
}

const requestIds = new SignatureIds();
/** The request asked last, with its id. */
let last = { nzCpu: -1, nzMem: -1, cpu: -1, mem: -1, id: -1 };

/** An id per distinct (non-zero cpu, non-zero memory, cpu, memory) request. */
export function requestKey(nzCpu: number, nzMem: number, cpu: number, mem: number): number {
  // Consecutive pods of one workload ask the same.
  if (last.nzCpu === nzCpu && last.nzMem === nzMem && last.cpu === cpu && last.mem === mem) return last.id;
  last = { nzCpu, nzMem, cpu, mem, id: requestIds.idOf(`${nzCpu},${nzMem},${cpu},${mem}`) };
  return last.id;
}

/**
 * PodTopologySpread's normalised score of a node with `count` matching pods
 * when the only constraint is by hostname: raw `round(count × w + off)`,
 * normalised over the raw range [min, max].
 */
export function hostSpreadScore(count: number, min: number, max: number, w: number, off: number): number {
  return max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - Math.round(count * w + off))) / max);
}

/** Normalised hostname-spread score per matching-pod count (current cycle). */
let countTable = new Float64Array(128);
/** What `countTable` was last built for (consecutive pods of a workload mostly see the same range). */
let tableMaxC = -1;
let tableMin = Number.NaN;
let tableMax = Number.NaN;
let tableW = Number.NaN;
let tableOff = Number.NaN;

/** The normalised hostname-spread score per matching-pod count 0..maxC, for raw range [min, max]. Valid until the next call. */
export function countTableFor(maxC: number, min: number, max: number, w: number, off: number): Float64Array {
  if (maxC <= tableMaxC && min === tableMin && max === tableMax && w === tableW && off === tableOff) return countTable;
  if (countTable.length <= maxC + 1) countTable = new Float64Array(Math.max(maxC + 2, countTable.length * 2));
  const byCount = countTable;
  for (let c = 0; c <= maxC; c++) byCount[c] = hostSpreadScore(c, min, max, w, off);
  tableMaxC = maxC;
  tableMin = min;
  tableMax = max;
  tableW = w;
  tableOff = off;
  return byCount;
}

/** Fit and BalancedAllocation of node slot `x` for request signature `key` into the slot's memo (same formulas as the plugins'). */
export function fitAndBalance(t: NodeTable, x: number, key: number, r: PodResources): void {
  const ac = t.allocCpu[x];
  const am = t.allocMemory[x];
  let fit: number;
  let bal: number;
  if (ac !== 0 && am !== 0) {
    const rc = t.nonZeroCpu[x] + r.nonZeroCpu;
    const rm = t.nonZeroMemory[x] + r.nonZeroMemory;
    const sc = rc > ac ? 0 : Math.trunc(((ac - rc) * MAX_NODE_SCORE) / ac);
    const sm = rm > am ? 0 : Math.trunc(((am - rm) * MAX_NODE_SCORE) / am);
    fit = (sc + sm) >> 1;
    const qc = t.reqCpu[x] + r.cpu;
    const qm = t.reqMemory[x] + r.memory;
    const fc = qc > ac ? 1 : qc / ac;
    const fm = qm > am ? 1 : qm / am;
    bal = Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE);
  } else {
    fit = leastAllocatedAt(t, x, r.nonZeroCpu, r.nonZeroMemory);
    bal = balancedAt(t, x, r.cpu, r.memory);
  }
  t.memoKey[x] = key;
  t.memoFit[x] = fit;
  t.memoBalanced[x] = bal;
}

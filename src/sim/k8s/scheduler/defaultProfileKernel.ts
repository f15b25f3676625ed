import type { CycleBuffers } from './cycleBuffers';
import type { CycleState } from './cycleState';
import { FLAG_DO_NOT_SCHEDULE_TAINTS, FLAG_HOSTNAME_LABEL, FLAG_PREFER_NO_SCHEDULE_TAINTS, FLAG_UNSCHEDULABLE } from './nodeTable';
import type { SchedulerPlugin } from './plugin';
import { balancedAt } from './plugins/balancedAllocation';
import { uniformImageScore } from './plugins/imageLocality';
import { SCORE_PLUGINS } from './plugins/index';
import { leastAllocatedAt } from './plugins/nodeResourcesFit';
import { nodeResourcesFit } from './plugins/nodeResourcesFit';
import { nodeUnschedulable } from './plugins/nodeUnschedulable';
import { spreadIsSimple, spreadNormalizeTable, spreadRawAt, spreadScoreState } from './plugins/podTopologySpread';
import { taintToleration } from './plugins/taintToleration';
import { MAX_NODE_SCORE } from './plugin';

/*
 * Fused loops for the default profile's common case, so that a cycle walks
 * its 500 nodes twice instead of once per plugin. They call the plugins' own
 * per-node functions (one source of truth), and apply only when the result
 * is provably what the plugin-by-plugin path gives: the property test in
 * defaultProfileKernel.test.ts checks both paths agree.
 */

const k = (name: string) => SCORE_PLUGINS.findIndex((s) => s.plugin.name === name);
const TAINT = k('TaintToleration');
const NODE_AFFINITY = k('NodeAffinity');
const FIT = k('NodeResourcesFit');
const SPREAD = k('PodTopologySpread');
const INTER_POD = k('InterPodAffinity');
const BALANCED = k('NodeResourcesBalancedAllocation');
const IMAGE = k('ImageLocality');
const W_TAINT = SCORE_PLUGINS[TAINT].weight;
const W_FIT = SCORE_PLUGINS[FIT].weight;
const W_SPREAD = SCORE_PLUGINS[SPREAD].weight;
const W_BALANCED = SCORE_PLUGINS[BALANCED].weight;
const W_IMAGE = SCORE_PLUGINS[IMAGE].weight;

const requestKeys = new Map<string, number>();
/** Raw spread scores of the current cycle (integers, so they index the normalisation table directly). */
let raw = new Int32Array(16);
/** Raw hostname-spread score per matching-pod count (current cycle). */
let countTable = new Int32Array(128);

let nextRequestKey = 0;

/** An id per distinct (non-zero cpu, non-zero memory, cpu, memory) request; ids are never reused. */
let last = { nzCpu: -1, nzMem: -1, cpu: -1, mem: -1, id: -1 };

function requestKey(nzCpu: number, nzMem: number, cpu: number, mem: number): number {
  // Consecutive pods of one workload ask the same.
  if (last.nzCpu === nzCpu && last.nzMem === nzMem && last.cpu === cpu && last.mem === mem) return last.id;
  const s = `${nzCpu},${nzMem},${cpu},${mem}`;
  let id = requestKeys.get(s);
  if (id === undefined) {
    if (requestKeys.size >= 100_000) requestKeys.clear();
    requestKeys.set(s, (id = nextRequestKey++));
  }
  last = { nzCpu, nzMem, cpu, mem, id };
  return id;
}

/** Whether the active filters are exactly the ones `passesQuickly` vouches for. */
export function quickFilterApplies(active: readonly SchedulerPlugin[]): boolean {
  return active.length === 3 && active[0] === nodeUnschedulable && active[1] === taintToleration && active[2] === nodeResourcesFit;
}

/**
 * True when every node certainly passes NodeUnschedulable, TaintToleration
 * and NodeResourcesFit (no cordon, no NoSchedule/NoExecute taint, room for
 * the pod): then none of them can reject anything. False means "run them".
 */
export function passesQuickly(state: CycleState, idx: Int32Array, count: number): boolean {
  const t = state.snapshot.table;
  const r = state.pod.res;
  if (r.scalar) return false;
  const { flags, podRoom, freeCpu, freeMemory, freeEphemeralStorage } = t;
  const { cpu, memory, ephemeralStorage } = r;
  const blocking = FLAG_UNSCHEDULABLE | FLAG_DO_NOT_SCHEDULE_TAINTS;
  // Same test as NodeResourcesFit's filter; a request of 0 always fits its resource.
  for (let i = 0; i < count; i++) {
    const x = idx[i];
    if ((flags[x] & blocking) !== 0 || podRoom[x] < 1) return false;
    if ((cpu > 0 && cpu > freeCpu[x]) || (memory > 0 && memory > freeMemory[x]) || (ephemeralStorage > 0 && ephemeralStorage > freeEphemeralStorage[x])) return false;
  }
  return true;
}

/**
 * After PreScore: whether the fused scoring applies — TaintToleration and
 * ImageLocality uniform, NodeAffinity and InterPodAffinity skipped,
 * PodTopologySpread skipped or reading only hostname/zone.
 */
export function fusedScoreApplies(state: CycleState, skipped: readonly boolean[]): boolean {
  if (!skipped[NODE_AFFINITY] || !skipped[INTER_POD] || skipped[FIT] || skipped[BALANCED] || skipped[TAINT] || skipped[IMAGE]) return false;
  if (state.snapshot.table.any(FLAG_PREFER_NO_SCHEDULE_TAINTS) || uniformImageScore(state) === undefined) return false;
  if (skipped[SPREAD]) return true;
  const s = spreadScoreState(state);
  return s !== undefined && spreadIsSimple(s);
}

/**
 * Score, NormalizeScore and weights in two passes: (1) Fit,
 * BalancedAllocation and raw PodTopologySpread per node, with the raw range;
 * (2) spread normalisation, totals, best total. Writes the indexes of the
 * nodes sharing the best total into `ties` and returns how many there are.
 */
export function fusedScore(state: CycleState, b: CycleBuffers, n: number, skipped: readonly boolean[], ties: Int32Array): number {
  const t = state.snapshot.table;
  const r = state.pod.res;
  const idx = b.feasibleIndex;
  // Uniform plugins: TaintToleration (no PreferNoSchedule taint: 100), ImageLocality; skipped ones: 0.
  const image = uniformImageScore(state)!;
  for (let p = 0; p < SCORE_PLUGINS.length; p++) b.uniform[p] = skipped[p] ? 0 : Number.NaN;
  b.uniform[TAINT] = MAX_NODE_SCORE;
  b.uniform[IMAGE] = image;
  b.base = MAX_NODE_SCORE * W_TAINT + image * W_IMAGE;
  const fit = b.scores[FIT];
  const bal = b.scores[BALANCED];
  const spread = b.scores[SPREAD];
  const s = skipped[SPREAD] ? undefined : spreadScoreState(state)!;
  // Everything a node's scores need, hoisted into locals for a tight loop (same formulas as the plugins').
  const { flags, zoneId, allocCpu, allocMemory, nonZeroCpu, nonZeroMemory, reqCpu, reqMemory, version, memoVersion, memoKey, memoFit, memoBalanced } = t;
  // Fit and BalancedAllocation depend only on the node's numbers and the pod's requests: a node
  // unchanged since it was last scored for the same requests gets the same two scores.
  const key = requestKey(r.nonZeroCpu, r.nonZeroMemory, r.cpu, r.memory);
  const nzCpu = r.nonZeroCpu;
  const nzMem = r.nonZeroMemory;
  const cpu = r.cpu;
  const mem = r.memory;
  // Spread constraints: at most one hostname and one zone constraint take the inline route.
  const simpleSpread = s !== undefined && s.kinds.length <= 2 && s.kinds[0] === 0 && (s.kinds.length === 1 || s.kinds[1] === 1);
  const hostCounts = simpleSpread ? s!.perNode[0] : new Int32Array(0);
  const hostW = simpleSpread ? s!.weights[0] : 0;
  const hostOff = simpleSpread ? s!.offsets[0] : 0;
  const zoneCounts = simpleSpread && s!.kinds.length === 2 ? s!.zoneCounts[1]! : null;
  const zoneW = zoneCounts ? s!.weights[1] : 0;
  const zoneOff = zoneCounts ? s!.offsets[1] : 0;
  // Hostname only: the raw score is a function of the node's matching-pod count, tabulated once.
  let byCount: Int32Array | null = null;
  if (simpleSpread && zoneCounts === null) {
    let most = 0;
    for (let i = 0; i < n; i++) if (hostCounts[idx[i]] > most) most = hostCounts[idx[i]];
    byCount = countTable.length > most ? countTable : (countTable = new Int32Array(Math.max(most + 1, countTable.length * 2)));
    for (let c = 0; c <= most; c++) byCount[c] = Math.round(c * hostW + hostOff);
  }
  if (raw.length < n) raw = new Int32Array(Math.max(n, raw.length * 2));
  const rawSpread = raw;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = idx[i];
    const ac = allocCpu[x];
    const am = allocMemory[x];
    if (memoKey[x] === key && memoVersion[x] === version[x]) {
      fit[i] = memoFit[x];
      bal[i] = memoBalanced[x];
    } else if (ac !== 0 && am !== 0) {
      const rc = nonZeroCpu[x] + nzCpu;
      const rm = nonZeroMemory[x] + nzMem;
      const sc = rc > ac ? 0 : Math.trunc(((ac - rc) * MAX_NODE_SCORE) / ac);
      const sm = rm > am ? 0 : Math.trunc(((am - rm) * MAX_NODE_SCORE) / am);
      fit[i] = (sc + sm) >> 1;
      const qc = reqCpu[x] + cpu;
      const qm = reqMemory[x] + mem;
      const fc = qc > ac ? 1 : qc / ac;
      const fm = qm > am ? 1 : qm / am;
      bal[i] = Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE);
      memoKey[x] = key;
      memoVersion[x] = version[x];
      memoFit[x] = fit[i];
      memoBalanced[x] = bal[i];
    } else {
      fit[i] = leastAllocatedAt(t, x, nzCpu, nzMem);
      bal[i] = balancedAt(t, x, cpu, mem);
    }
    if (s) {
      let v: number;
      if (byCount !== null) v = (flags[x] & FLAG_HOSTNAME_LABEL) !== 0 ? byCount[hostCounts[x]] : 0;
      else if (simpleSpread) {
        let sum = (flags[x] & FLAG_HOSTNAME_LABEL) !== 0 ? hostCounts[x] * hostW + hostOff : 0;
        if (zoneCounts !== null) {
          const z = zoneId[x];
          if (z >= 0) sum += zoneCounts[z] * zoneW + zoneOff;
        }
        v = Math.round(sum);
      } else v = spreadRawAt(s, flags, zoneId, x);
      rawSpread[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const wFit = W_FIT;
  const wBal = W_BALANCED;
  const wSpread = s ? W_SPREAD : 0;
  const lut = s ? spreadNormalizeTable(min, max) : null;
  const totals = b.totals;
  let best = -Infinity;
  let nTies = 0;
  for (let i = 0; i < n; i++) {
    let sp = 0;
    if (s) {
      const v = rawSpread[i];
      sp = max === 0 ? MAX_NODE_SCORE : lut !== null ? lut[v - min] : Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max);
      spread[i] = sp;
    }
    const total = fit[i] * wFit + bal[i] * wBal + sp * wSpread;
    totals[i] = total;
    if (total > best) {
      best = total;
      nTies = 0;
    }
    if (total === best) ties[nTies++] = i;
  }
  return nTies;
}

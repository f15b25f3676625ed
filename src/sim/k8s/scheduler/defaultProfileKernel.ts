import type { Rng } from '../../../lib/rng';
import type { CycleBuffers } from './cycleBuffers';
import type { CycleState } from './cycleState';
import { HostSpreadIndex } from './hostSpreadIndex';
import { countTableFor, fitAndBalance, requestKey, SignatureIds } from './kernelScores';
import { PassBlocks } from './passBlocks';
import { FLAG_DO_NOT_SCHEDULE_TAINTS, FLAG_HOSTNAME_LABEL, FLAG_PREFER_NO_SCHEDULE_TAINTS, FLAG_UNSCHEDULABLE, type NodeTable } from './nodeTable';
import type { SchedulerPlugin } from './plugin';
import { uniformImageScore } from './plugins/imageLocality';
import { SCORE_PLUGINS } from './plugins/index';
import { nodeResourcesFit } from './plugins/nodeResourcesFit';
import { nodeUnschedulable } from './plugins/nodeUnschedulable';
import { spreadScoreState } from './plugins/podTopologySpread';
import { spreadIsSimple, spreadNormalizeTable, spreadRawAt } from './plugins/spreadScoring';
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

/** The hostname-spread index and the quick check's blocks of each node table. */
const indexes = new WeakMap<NodeTable, HostSpreadIndex>();
const passBlocks = new WeakMap<NodeTable, PassBlocks>();

/** Raw spread scores of the current cycle (integers, so they index the normalisation table directly). */
let raw = new Int32Array(16);

const roomIds = new SignatureIds();
let lastRoom = { cpu: Number.NaN, mem: Number.NaN, id: -1 };

/** An id per distinct (cpu, memory) request, for `NodeTable.passKey`. */
function roomKey(cpu: number, mem: number): number {
  if (lastRoom.cpu === cpu && lastRoom.mem === mem) return lastRoom.id;
  lastRoom = { cpu, mem, id: roomIds.idOf(`${cpu},${mem}`) };
  return lastRoom.id;
}

/** Whether the active filters are exactly the ones `doubtfulNodes` vouches for. */
export function quickFilterApplies(active: readonly SchedulerPlugin[]): boolean {
  return active.length === 3 && active[0] === nodeUnschedulable && active[1] === taintToleration && active[2] === nodeResourcesFit;
}

/**
 * One chunk of `findNodesThatPassFilters` for the default filters, in one
 * pass: copies the `m` slots from `slots` at `next` (wrapping after `head`)
 * into `evalSlot` at `at` and `feasible` at `found` (right unless a node
 * gets rejected), and writes into `doubt` the chunk positions of the nodes
 * that might fail NodeUnschedulable, TaintToleration or NodeResourcesFit
 * (cordoned, with a NoSchedule/NoExecute taint, or without room for the
 * pod); every other node certainly passes all three. Returns how many
 * positions were written.
 */
export function scanChunk(
  state: CycleState, slots: Int32Array, next: number, head: number, m: number,
  evalSlot: Int32Array, at: number, feasible: Int32Array, found: number, doubt: Int32Array,
): number {
  const t = state.snapshot.table;
  const r = state.pod.res;
  const { flags, podRoom, freeCpu, freeMemory, freeEphemeralStorage } = t;
  // A request of 0 always fits its resource (NodeResourcesFit's own test): −∞ never compares greater.
  const cpu = r.cpu > 0 ? r.cpu : Number.NEGATIVE_INFINITY;
  const memory = r.memory > 0 ? r.memory : Number.NEGATIVE_INFINITY;
  // Most pods ask no ephemeral storage: its column is then not read at all.
  const storage = r.ephemeralStorage;
  const blocking = FLAG_UNSCHEDULABLE | FLAG_DO_NOT_SCHEDULE_TAINTS;
  // Why: block copies (memcpy) instead of an element loop; the views cost a few small objects per chunk.
  if (head >= m) evalSlot.set(slots.subarray(next, next + m), at);
  else {
    evalSlot.set(slots.subarray(next, next + head), at);
    evalSlot.set(slots.subarray(0, m - head), at + head);
  }
  feasible.set(evalSlot.subarray(at, at + m), found);
  // Extended resources: the plugins decide for every node.
  if (r.scalar !== null) {
    for (let j = 0; j < m; j++) doubt[j] = j;
    return m;
  }
  let n = 0;
  if (storage > 0) {
    for (let j = 0; j < m; j++) {
      const x = evalSlot[at + j];
      if ((flags[x] & blocking) !== 0 || podRoom[x] < 1 || cpu > freeCpu[x] || memory > freeMemory[x] || storage > freeEphemeralStorage[x]) doubt[n++] = j;
    }
    return n;
  }
  // Why: a node seen with room for these requests (and not blocked) since it last changed needs no second look.
  const key = roomKey(r.cpu, r.memory);
  if (slots === state.snapshot.nodeIndexes) {
    // The whole node list: whole blocks of such nodes need no look at all.
    const blocks = passBlocks.get(t) ?? passBlocks.set(t, new PassBlocks()).get(t)!;
    return blocks.scan(t, slots, next, head, m, key, cpu, memory, doubt);
  }
  const passKey = t.passKey;
  for (let j = 0; j < m; j++) {
    const x = evalSlot[at + j];
    if (passKey[x] === key) continue;
    if ((flags[x] & blocking) !== 0 || podRoom[x] < 1 || cpu > freeCpu[x] || memory > freeMemory[x]) doubt[n++] = j;
    else passKey[x] = key;
  }
  return n;
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

/** Scratch: slots whose Fit/BalancedAllocation memo is stale (`hostRange` output; `staleCount` entries). */
let stale = new Int32Array(16);
let staleCount = 0;
const hostRangeOut = { min: 0, max: 0, unlabelled: false };

/**
 * The pre-pass of the hostname-spread route: the range of matching-pod
 * counts over the labelled nodes, whether some node lacks the hostname
 * label, and (into `stale`) the slots whose memo is not for `key`. Typed
 * arrays only and no calls, so V8 compiles a tight loop.
 */
function hostRange(n: number, idx: Int32Array, memoKey: Int32Array, key: number, flags: Uint8Array, hostCounts: Int32Array, out: Int32Array): { min: number; max: number; unlabelled: boolean } {
  let minC = Number.MAX_SAFE_INTEGER;
  let maxC = -1;
  let unlabelled = false;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = idx[i];
    if (memoKey[x] !== key) out[k++] = x;
    if ((flags[x] & FLAG_HOSTNAME_LABEL) === 0) {
      unlabelled = true;
      continue;
    }
    const c = hostCounts[x];
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
  }
  staleCount = k;
  hostRangeOut.min = minC;
  hostRangeOut.max = maxC;
  hostRangeOut.unlabelled = unlabelled;
  return hostRangeOut;
}

/**
 * The main pass when every scored node has a hostname label: each node's
 * three scores copied into the decision buffers and totalled. A small
 * function of its own with typed-array parameters only, so V8 compiles a
 * tight loop. Returns how many nodes share the best total (their indexes in `ties`).
 */
function finishHostSpread(
  n: number, idx: Int32Array, memoFit: Float64Array, memoBalanced: Float64Array, hostCounts: Int32Array, byCount: Float64Array,
  fit: Float64Array, bal: Float64Array, spread: Float64Array, totals: Float64Array, ties: Int32Array,
): number {
  // Weights as locals: module constants are context loads with a TDZ check each time.
  const wFit = W_FIT;
  const wBalanced = W_BALANCED;
  const wSpread = W_SPREAD;
  let best = -Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = idx[i];
    const f = memoFit[x];
    const bl = memoBalanced[x];
    const sp = byCount[hostCounts[x]];
    fit[i] = f;
    bal[i] = bl;
    spread[i] = sp;
    const total = f * wFit + bl * wBalanced + sp * wSpread;
    totals[i] = total;
    // Ties collected on the way: a new best is rare after the first nodes (predictable), equality is branch-free.
    if (total > best) {
      best = total;
      k = 0;
    }
    ties[k] = i;
    k += +(total === best);
  }
  return k;
}

/** The main pass when PodTopologySpread was skipped: Fit and BalancedAllocation only. */
function finishUnspread(n: number, idx: Int32Array, memoFit: Float64Array, memoBalanced: Float64Array, fit: Float64Array, bal: Float64Array, totals: Float64Array, ties: Int32Array): number {
  let best = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = idx[i];
    const f = memoFit[x];
    const bl = memoBalanced[x];
    fit[i] = f;
    bal[i] = bl;
    const total = f * W_FIT + bl * W_BALANCED;
    totals[i] = total;
    if (total > best) best = total;
  }
  return collectTies(totals, n, best, ties);
}

/**
 * Score, NormalizeScore and weights, fused. When spreading is by hostname
 * only (the usual case without zones), the raw spread score is a function of
 * the node's matching-pod count, so its range comes from a cheap pre-pass
 * and one pass does the rest; otherwise pass 1 computes Fit,
 * BalancedAllocation and raw spread with its range, pass 2 normalises and
 * totals. Draws among the nodes sharing the best total (their indexes
 * written into `ties`) as `selectHost` does and returns the winner's index.
 * `window`: the list position of the first of the `evaluated` nodes when
 * they are consecutive in the node list (the hostname route's index needs
 * that), else -1.
 */
export function fusedScore(state: CycleState, b: CycleBuffers, n: number, skipped: readonly boolean[], ties: Int32Array, rng: Pick<Rng, 'int'>, window: number, evaluated: number): number {
  const t = state.snapshot.table;
  const r = state.pod.res;
  const idx = b.feasibleIndex;
  // Uniform plugins: TaintToleration (no PreferNoSchedule taint: 100), ImageLocality; skipped ones: 0.
  const image = uniformImageScore(state)!;
  for (let p = 0; p < SCORE_PLUGINS.length; p++) b.uniform[p] = skipped[p] ? 0 : Number.NaN;
  b.uniform[TAINT] = MAX_NODE_SCORE;
  b.uniform[IMAGE] = image;
  b.base = MAX_NODE_SCORE * W_TAINT + image * W_IMAGE;
  const s = skipped[SPREAD] ? undefined : spreadScoreState(state)!;
  // Everything a node's scores need, hoisted into locals for a tight loop (same formulas as the plugins').
  const { flags, zoneId, memoKey, memoFit, memoBalanced } = t;
  // Fit and BalancedAllocation depend only on the node's numbers and the pod's requests: a node
  // unchanged since it was last scored for the same requests gets the same two scores.
  const key = requestKey(r.nonZeroCpu, r.nonZeroMemory, r.cpu, r.memory);
  let best = -Infinity;

  // Spread constraints: at most one hostname and one zone constraint take the inline routes.
  const simpleSpread = s !== undefined && s.kinds.length <= 2 && s.kinds[0] === 0 && (s.kinds.length === 1 || s.kinds[1] === 1);
  const noZones = t.zones.length === 0;
  if (s !== undefined && simpleSpread && (s.kinds.length === 1 || noZones) && window >= 0) {
    // Why: one workload's pods in a row see the same nodes but the few they went to: its index rescans only those.
    const list = state.snapshot.nodeIndexes;
    const index = indexes.get(t) ?? indexes.set(t, new HostSpreadIndex(W_FIT, W_BALANCED, W_SPREAD)).get(t)!;
    const chosen = index.choose(t, list, s.perNode[0], key, r, window, evaluated, s.weights[0], s.offsets[0], rng, b, FIT, BALANCED, SPREAD);
    if (chosen >= 0) return chosen;
  }
  // Read only now: the index's usual (packed) route touches none of these arrays of the cold ring slot.
  const fit = b.scores[FIT];
  const bal = b.scores[BALANCED];
  const spread = b.scores[SPREAD];
  const totals = b.totals;
  if (s === undefined || (simpleSpread && (s.kinds.length === 1 || noZones))) {
    if (s === undefined) {
      for (let i = 0; i < n; i++) if (memoKey[idx[i]] !== key) fitAndBalance(t, idx[i], key, r);
      return pick(finishUnspread(n, idx, memoFit, memoBalanced, fit, bal, totals, ties), ties, rng);
    }
    const hostCounts = s.perNode[0];
    // Pre-pass: memo filled for nodes that changed, and the range of matching-pod counts.
    if (stale.length < n) stale = new Int32Array(Math.max(n, stale.length * 2));
    const range = hostRange(n, idx, memoKey, key, flags, hostCounts, stale);
    // Why: few nodes changed since they were last scored; their memo is refilled outside the tight loop.
    for (let j = 0; j < staleCount; j++) fitAndBalance(t, stale[j], key, r);
    const minC = range.min;
    const maxC = range.max;
    const unlabelled = range.unlabelled;
    // Raw score: Math.round(count × weight + maxSkew − 1), which keeps the order of counts, so
    // the range of raw scores is that of the counts. Inline arithmetic: no boxed numbers.
    const w = s.weights[0];
    const off = s.offsets[0];
    const min = unlabelled || maxC < 0 ? 0 : Math.round(minC * w + off);
    const max = maxC < 0 ? 0 : Math.round(maxC * w + off);
    const byCount = countTableFor(maxC, min, max, w, off);
    const unlabelledScore = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min)) / max);
    if (unlabelled) {
      for (let i = 0; i < n; i++) {
        const x = idx[i];
        const f = memoFit[x];
        const bl = memoBalanced[x];
        const sp = (flags[x] & FLAG_HOSTNAME_LABEL) !== 0 ? byCount[hostCounts[x]] : unlabelledScore;
        fit[i] = f;
        bal[i] = bl;
        spread[i] = sp;
        const total = f * W_FIT + bl * W_BALANCED + sp * W_SPREAD;
        totals[i] = total;
        if (total > best) best = total;
      }
      return pick(collectTies(totals, n, best, ties), ties, rng);
    }
    return pick(finishHostSpread(n, idx, memoFit, memoBalanced, hostCounts, byCount, fit, bal, spread, totals, ties), ties, rng);
  }

  // Two passes: hostname and zone (or any simple mix), raw range found on the way.
  if (raw.length < n) raw = new Int32Array(Math.max(n, raw.length * 2));
  const rawSpread = raw;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = idx[i];
    if (memoKey[x] !== key) fitAndBalance(t, x, key, r);
    fit[i] = memoFit[x];
    bal[i] = memoBalanced[x];
    const v = spreadRawAt(s!, flags, zoneId, x);
    rawSpread[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const lut = spreadNormalizeTable(min, max);
  for (let i = 0; i < n; i++) {
    const v = rawSpread[i];
    const sp = max === 0 ? MAX_NODE_SCORE : lut !== null ? lut[v - min] : Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max);
    spread[i] = sp;
    const total = fit[i] * W_FIT + bal[i] * W_BALANCED + sp * W_SPREAD;
    totals[i] = total;
    if (total > best) best = total;
  }
  return pick(collectTies(totals, n, best, ties), ties, rng);
}

/** `selectHost`'s draw: one of the `count` tied feasible indexes in `ties`. */
function pick(count: number, ties: Int32Array, rng: Pick<Rng, 'int'>): number {
  return count === 1 ? ties[0] : ties[rng.int(count)];
}

/**
 * Writes the indexes i with totals[i] === best into `ties`; returns how many.
 * A pass of its own without a branch: totals of a big workload take a few
 * values in random order, and tracking ties on the way mispredicts often.
 */
function collectTies(totals: Float64Array, n: number, best: number, ties: Int32Array): number {
  let k = 0;
  for (let i = 0; i < n; i++) {
    ties[k] = i;
    k += +(totals[i] === best); // compiles to a set-on-equal, unlike `? 1 : 0`
  }
  return k;
}

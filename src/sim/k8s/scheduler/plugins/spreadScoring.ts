import type { CycleState } from '../cycleState';
import type { NodeInfo } from '../nodeInfo';
import type { RequiredNodeAffinity } from '../nodeSelectorTerms';
import { FLAG_HOSTNAME_LABEL } from '../nodeTable';
import { MAX_NODE_SCORE } from '../plugin';
import type { SpreadCounts } from '../schedulingSnapshot';
import { LABEL_HOSTNAME, LABEL_ZONE, nodeHasAllKeys, nodeIncluded, podConstraints, type SpreadConstraint } from '../spreadConstraints';
import { MISSING_LABEL } from '../spreadCounter';

/*
 * PodTopologySpread's scoring side: PreScore's state (`initPreScoreState`)
 * and the helpers the plugin's Score/NormalizeScore and the fused kernel
 * share. Built with few allocations: it runs once per scheduling cycle.
 */

/** How a constraint reads the node's topology value: hostname (table flag), zone (interned id), any label. */
export const KIND_HOSTNAME = 0;
export const KIND_ZONE = 1;
export const KIND_OTHER = 2;

/** PodTopologySpread's PreScore result. */
export interface SpreadScoreState {
  ignored: Set<string> | null;
  keys: readonly string[];
  kinds: readonly number[];
  /** Per hostname constraint: matching pods per node slot. */
  perNode: Int32Array[];
  /** Per zone constraint: matching pods per zone id. */
  zoneCounts: (Float64Array | null)[];
  /** Per other constraint: matching pods per topology value seen on the feasible nodes. */
  valueCounts: (Map<string, number> | null)[];
  weights: number[];
  /** maxSkew − 1 per constraint. */
  offsets: readonly number[];
  /** Raw score range over the scored nodes, found while scoring (for NormalizeScore). */
  min: number;
  max: number;
}

interface Shape {
  keys: readonly string[];
  kinds: readonly number[];
  offsets: readonly number[];
  /** `zoneCounts` when no node has a zone label (shared, never written): empty counts for zone constraints. */
  noZoneCounts: readonly (Float64Array | null)[];
  /** `valueCounts` when no constraint reads another label (shared, never written). */
  noValueCounts: readonly (Map<string, number> | null)[] | null;
}

const NO_ZONES = new Float64Array(0);

/** The per-constraint constants, per (shared, read-only) constraint list. */
const shapes = new WeakMap<readonly SpreadConstraint[], Shape>();

function shapeOf(constraints: readonly SpreadConstraint[]): Shape {
  let s = shapes.get(constraints);
  if (!s) {
    s = {
      keys: constraints.map((c) => c.topologyKey),
      kinds: constraints.map((c) => (c.topologyKey === LABEL_HOSTNAME ? KIND_HOSTNAME : c.topologyKey === LABEL_ZONE ? KIND_ZONE : KIND_OTHER)),
      offsets: constraints.map((c) => c.maxSkew - 1),
      noZoneCounts: Object.freeze(constraints.map((c) => (c.topologyKey === LABEL_ZONE ? NO_ZONES : null))),
      noValueCounts: constraints.some((c) => c.topologyKey !== LABEL_HOSTNAME && c.topologyKey !== LABEL_ZONE) ? null : Object.freeze(constraints.map(() => null)),
    };
    shapes.set(constraints, s);
  }
  return s;
}

/** Scratch: the counters of the constraints of the current `initPreScoreState` call. */
const countersScratch: (SpreadCounts | undefined)[] = [];

/** Scratch: which zone ids (id + 1; 0 = no zone label) occur among this cycle's nodes. */
let zoneSeen = new Int32Array(16);
let zoneStamp = 0;

/**
 * PreScore: the pod's ScheduleAnyway constraints (or the system defaults),
 * the nodes to ignore (missing a key of the pod's own constraints), and per
 * constraint its counts and `topologyNormalizingWeight` (log of the number
 * of topology values among the scored nodes + 2). Undefined: skip.
 */
export function initPreScoreState(state: CycleState, nodes: readonly NodeInfo[], idx: Int32Array, count: number): SpreadScoreState | undefined {
  const pod = state.pod;
  const snap = state.snapshot;
  const constraints = podConstraints(pod, snap, 'ScheduleAnyway');
  if (constraints.length === 0 || snap.nodes.length === 0) return undefined;
  // Only the pod's own constraints require every topology key on a node.
  const requireAll = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
  const required = state.requiredNodeAffinity;
  const table = snap.table;
  const shape = shapeOf(constraints);
  const { keys, kinds, offsets } = shape;
  let ignored: Set<string> | null = null;
  if (requireAll) {
    for (let i = 0; i < count; i++) {
      const n = nodes[idx[i]];
      if (!nodeHasAllKeys(n.labels, constraints)) (ignored ??= new Set()).add(n.name);
    }
  }
  // Arrays of the exact size, filled by a plain loop (`map` with closures and pushing both allocated more every cycle); the counters only for this call.
  const n = constraints.length;
  const counts = countersScratch;
  // oxlint-disable-next-line no-new-array -- n is a length: slots filled below
  const perNode = new Array<Int32Array>(n);
  // oxlint-disable-next-line no-new-array -- n is a length: slots filled below
  const weights = new Array<number>(n);
  for (let c = 0; c < n; c++) {
    perNode[c] = (counts[c] = snap.spreadCounts(pod.namespace, constraints[c].selector)).perNode;
    weights[c] = Number.NaN;
  }
  const s: SpreadScoreState = {
    ignored,
    keys,
    kinds,
    perNode,
    // Why: without zone labels (and other keys) both lists are the same every cycle: shared, not rebuilt.
    zoneCounts: table.zones.length === 0 ? (shape.noZoneCounts as (Float64Array | null)[]) : constraints.map(() => null),
    valueCounts: shape.noValueCounts !== null ? (shape.noValueCounts as (Map<string, number> | null)[]) : constraints.map(() => null),
    weights,
    offsets,
    min: 0,
    max: 0,
  };
  for (let c = 0; c < constraints.length; c++) {
    const con = constraints[c];
    let values: number;
    if (kinds[c] === KIND_HOSTNAME) {
      values = count - (ignored?.size ?? 0);
    } else if (kinds[c] === KIND_ZONE && table.zones.length === 0) {
      // No node has a zone label: one value (''), and no node gets a zone score.
      values = 1;
    } else if (kinds[c] === KIND_ZONE && ignored === null) {
      values = markZones(table.zoneId, table.zones.length, idx, count);
      const zc = new Float64Array(table.zones.length);
      sumZones(state, con, counts[c]!, requireAll ? constraints : null, required, zc);
      s.zoneCounts[c] = zc;
    } else {
      // The topology values present among the scored nodes (missing label: '').
      const wanted = new Set<string>();
      for (let i = 0; i < count; i++) {
        const n = nodes[idx[i]];
        if (ignored === null || !ignored.has(n.name)) wanted.add(n.label(con.topologyKey) ?? '');
      }
      values = wanted.size;
      const vc = valueCountsFor(state, con, counts[c]!, wanted, requireAll, constraints, required);
      if (kinds[c] === KIND_ZONE) {
        const zc = new Float64Array(table.zones.length);
        for (const [v, n] of vc) if (v !== '') zc[table.internZone(v)] = n;
        s.zoneCounts[c] = zc;
      } else s.valueCounts[c] = vc;
    }
    s.weights[c] = Math.log(values + 2);
  }
  // Counters are the cache's; the scratch list does not keep evicted ones alive.
  for (let c = 0; c < n; c++) counts[c] = undefined;
  return s;
}

/** Marks the zone ids of these nodes in `zoneSeen`; returns how many distinct values (a missing label is one). */
function markZones(zoneId: Int32Array, zones: number, idx: Int32Array, count: number): number {
  if (zoneSeen.length < zones + 1) zoneSeen = new Int32Array(Math.max(zones + 1, zoneSeen.length * 2));
  const stamp = ++zoneStamp;
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const z = zoneId[idx[i]] + 1;
    if (zoneSeen[z] !== stamp) {
      zoneSeen[z] = stamp;
      distinct++;
    }
  }
  return distinct;
}

/**
 * Matching pods per zone id, for the zones marked by `markZones`, over the
 * nodes the constraint's policies include (and carrying every key of
 * `requireAll`, when given).
 */
function sumZones(state: CycleState, c: SpreadConstraint, counts: SpreadCounts, requireAll: readonly SpreadConstraint[] | null, required: RequiredNodeAffinity, out: Float64Array): void {
  const table = state.snapshot.table;
  const stamp = zoneStamp;
  if (requireAll === null && (c.nodeAffinityPolicy !== 'Honor' || required.isEmpty) && c.nodeTaintsPolicy !== 'Honor') {
    // Fast path: the cache keeps these sums up to date.
    for (const [v, n] of counts.sumByValue(c.topologyKey)) {
      if (v === MISSING_LABEL) continue;
      const z = table.internZone(v);
      if (zoneSeen[z + 1] === stamp) out[z] += n;
    }
    return;
  }
  for (const node of state.snapshot.nodes) {
    const z = table.zoneId[node.index];
    if (z < 0 || zoneSeen[z + 1] !== stamp) continue;
    if ((requireAll !== null && !nodeHasAllKeys(node.labels, requireAll)) || !nodeIncluded(c, state.pod, node, required)) continue;
    out[z] += counts.perNode[node.index];
  }
}

/** Sums of matching pods per topology value of `key` over all nodes (`''` for nodes without the label). */
function valueCountsFor(state: CycleState, c: SpreadConstraint, counts: SpreadCounts, wanted: Set<string>, requireAll: boolean, all: readonly SpreadConstraint[], required: RequiredNodeAffinity): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of wanted) out.set(v, 0);
  const trivialPolicy = (c.nodeAffinityPolicy !== 'Honor' || required.isEmpty) && c.nodeTaintsPolicy !== 'Honor';
  if (!requireAll && trivialPolicy) {
    // Fast path: the cache keeps these sums up to date.
    for (const [v, n] of counts.sumByValue(c.topologyKey)) {
      const key = v === MISSING_LABEL ? '' : v;
      if (out.has(key)) out.set(key, out.get(key)! + n);
    }
    return out;
  }
  for (const node of state.snapshot.nodes) {
    if (requireAll && !nodeHasAllKeys(node.labels, all)) continue;
    if (!nodeIncluded(c, state.pod, node, required)) continue;
    const v = node.label(c.topologyKey) ?? '';
    if (out.has(v)) out.set(v, out.get(v)! + counts.perNode[node.index]);
  }
  return out;
}

/** Whether every constraint reads hostname or zone and no node is ignored (what `spreadRawAt` handles). */
export function spreadIsSimple(s: SpreadScoreState): boolean {
  return s.ignored === null && s.kinds.every((k) => k !== KIND_OTHER);
}

/** The raw (rounded) score of node slot `x` for simple states: Σ count × weight + maxSkew − 1 per constraint. */
export function spreadRawAt(s: SpreadScoreState, flags: Uint8Array, zoneId: Int32Array, x: number): number {
  let sum = 0;
  for (let c = 0; c < s.kinds.length; c++) {
    if (s.kinds[c] === KIND_HOSTNAME) {
      if ((flags[x] & FLAG_HOSTNAME_LABEL) !== 0) sum += s.perNode[c][x] * s.weights[c] + s.offsets[c];
    } else {
      const z = zoneId[x];
      if (z >= 0) sum += s.zoneCounts[c]![z] * s.weights[c] + s.offsets[c];
    }
  }
  return Math.round(sum);
}

/** NormalizeScore's map from raw scores in [min, max] to 0–100 (`100·(max+min−v)/max`), as a table when small. */
let lutBuffer = new Float64Array(64);

/** Valid until the next call (one table per cycle). */
export function spreadNormalizeTable(min: number, max: number): Float64Array | null {
  const span = max - min;
  if (max === 0 || span > 4096) return null;
  if (lutBuffer.length < span + 1) lutBuffer = new Float64Array(Math.max(span + 1, lutBuffer.length * 2));
  const lut = lutBuffer;
  for (let v = 0; v <= span; v++) lut[v] = Math.trunc((MAX_NODE_SCORE * (max - v)) / max);
  return lut;
}

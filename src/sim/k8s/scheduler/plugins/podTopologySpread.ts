import type { CycleState } from '../cycleState';
import type { RequiredNodeAffinity } from '../nodeSelectorTerms';
import { FLAG_HOSTNAME_LABEL } from '../nodeTable';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import type { SpreadCounts } from '../schedulingSnapshot';
import { LABEL_HOSTNAME, LABEL_ZONE, nodeHasAllKeys, nodeIncluded, podConstraints, selfMatches, type SpreadConstraint } from '../spreadConstraints';
import { unresolvable, unschedulable } from '../status';
import { MISSING_LABEL } from '../spreadCounter';

const NAME = 'PodTopologySpread';
const PREFILTER_KEY = 'PreFilterPodTopologySpread';
const PRESCORE_KEY = 'PreScorePodTopologySpread';
/** `ErrReasonConstraintsNotMatch`. */
export const ERR_REASON_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
/** `ErrReasonNodeLabelNotMatch`. */
export const ERR_REASON_NODE_LABEL = `${ERR_REASON_CONSTRAINTS} (missing required label)`;
const REJECT_SKEW = unschedulable(NAME, ERR_REASON_CONSTRAINTS);
const REJECT_LABEL = unresolvable(NAME, ERR_REASON_NODE_LABEL);

interface FilterState {
  constraints: readonly SpreadConstraint[];
  /** Per constraint: matching pods per topology value (every eligible domain present, possibly 0). */
  matchNum: Map<string, number>[];
  /** Per constraint: the global minimum (0 when fewer domains than minDomains). */
  minMatch: number[];
}

/** How a constraint reads the node's topology value: hostname (table flag), zone (interned id), any label. */
const kindOf = (key: string) => (key === LABEL_HOSTNAME ? 0 : key === LABEL_ZONE ? 1 : 2);

/** PodTopologySpread's PreScore result. */
export interface SpreadScoreState {
  ignored: Set<string> | null;
  keys: string[];
  kinds: number[];
  /** Per hostname constraint: matching pods per node slot. */
  perNode: Int32Array[];
  /** Per zone constraint: matching pods per zone id. */
  zoneCounts: (Float64Array | null)[];
  /** Per other constraint: matching pods per topology value seen on the feasible nodes. */
  valueCounts: (Map<string, number> | null)[];
  weights: number[];
  /** maxSkew − 1 per constraint. */
  offsets: number[];
  /** Raw score range over the scored nodes, found while scoring (for NormalizeScore). */
  min: number;
  max: number;
}

/** After PreScore: the plugin's state, or undefined when it was skipped. */
export function spreadScoreState(state: CycleState): SpreadScoreState | undefined {
  return state.read<SpreadScoreState | undefined>(PRESCORE_KEY);
}

/** Whether every constraint reads hostname or zone and no node is ignored (what `spreadRawAt` handles). */
export function spreadIsSimple(s: SpreadScoreState): boolean {
  return s.ignored === null && s.kinds.every((k) => k !== 2);
}

/** The raw (rounded) score of node slot `x` for simple states: Σ count × weight + maxSkew − 1 per constraint. */
export function spreadRawAt(s: SpreadScoreState, flags: Uint8Array, zoneId: Int32Array, x: number): number {
  let sum = 0;
  for (let c = 0; c < s.kinds.length; c++) {
    if (s.kinds[c] === 0) {
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

/** `calPreFilterState`: count matching pods per domain over all eligible nodes. */
function preFilter(state: CycleState): FilterState | undefined {
  const pod = state.pod;
  const constraints = podConstraints(pod, state.snapshot, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const required = state.requiredNodeAffinity;
  const counts = constraints.map((c) => state.snapshot.spreadCounts(pod.namespace, c.selector));
  const matchNum = constraints.map(() => new Map<string, number>());
  for (const node of state.snapshot.nodes) {
    if (!nodeHasAllKeys(node.labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      if (!nodeIncluded(constraints[i], pod, node, required)) continue;
      const v = node.labels[constraints[i].topologyKey];
      matchNum[i].set(v, (matchNum[i].get(v) ?? 0) + counts[i].perNode[node.index]);
    }
  }
  const minMatch = constraints.map((c, i) => {
    if (matchNum[i].size < c.minDomains) return 0;
    let min = Number.MAX_SAFE_INTEGER;
    for (const n of matchNum[i].values()) if (n < min) min = n;
    return min;
  });
  return { constraints, matchNum, minMatch };
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

/**
 * Filter: required constraints (DoNotSchedule) — placing the pod must keep
 * `matching in the node's domain + self − global minimum ≤ maxSkew`; a node
 * without the topology key is rejected. Score (weight 2): soft constraints,
 * or the system defaults (hostname maxSkew 3, zone maxSkew 5) with the
 * selector of the pod's Services/ReplicaSets — fewer matching pods in the
 * node's domains is better.
 */
export const podTopologySpread: SchedulerPlugin = {
  name: NAME,
  preFilter(state) {
    const s = preFilter(state);
    if (!s) return 'skip';
    state.write(PREFILTER_KEY, s);
    return undefined;
  },
  filter(state, nodes, idx, count, out) {
    const s = state.read<FilterState>(PREFILTER_KEY);
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const labels = nodes[idx[i]].labels;
      let verdict;
      for (let c = 0; c < s.constraints.length; c++) {
        const con = s.constraints[c];
        if (!Object.prototype.hasOwnProperty.call(labels, con.topologyKey)) {
          verdict = REJECT_LABEL;
          break;
        }
        const self = selfMatches(con, state.pod) ? 1 : 0;
        const skew = (s.matchNum[c].get(labels[con.topologyKey]) ?? 0) + self - s.minMatch[c];
        if (skew > con.maxSkew) {
          verdict = REJECT_SKEW;
          break;
        }
      }
      if (verdict) {
        out[i] = verdict;
        rejected++;
      }
    }
    return rejected;
  },
  preScore(state, nodes, idx, count) {
    const pod = state.pod;
    const snap = state.snapshot;
    const constraints = podConstraints(pod, snap, 'ScheduleAnyway');
    if (constraints.length === 0 || snap.nodes.length === 0) return false;
    // Only the pod's own constraints require every topology key on a node.
    const requireAll = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
    const required = state.requiredNodeAffinity;
    const table = snap.table;
    const kinds = constraints.map((c) => kindOf(c.topologyKey));
    let ignored: Set<string> | null = null;
    if (requireAll) {
      for (let i = 0; i < count; i++) {
        const n = nodes[idx[i]];
        if (!nodeHasAllKeys(n.labels, constraints)) (ignored ??= new Set()).add(n.name);
      }
    }
    // The topology values present among the feasible nodes (missing label: '').
    const wanted = constraints.map(() => new Set<string>());
    for (let c = 0; c < constraints.length; c++) {
      if (kinds[c] === 0) continue;
      const seen = wanted[c];
      if (kinds[c] === 1 && table.zones.length === 0) {
        // No node has a zone label at all.
        seen.add('');
        continue;
      }
      if (kinds[c] === 1 && ignored === null) {
        const zoneId = table.zoneId;
        const ids = new Set<number>();
        let last = -2;
        for (let i = 0; i < count; i++) {
          const z = zoneId[idx[i]];
          if (z !== last) {
            ids.add(z);
            last = z;
          }
        }
        for (const z of ids) seen.add(z < 0 ? '' : table.zones[z]);
        continue;
      }
      const key = constraints[c].topologyKey;
      for (let i = 0; i < count; i++) {
        const n = nodes[idx[i]];
        if (ignored === null || !ignored.has(n.name)) seen.add(n.label(key) ?? '');
      }
    }
    const counts = constraints.map((c) => snap.spreadCounts(pod.namespace, c.selector));
    const valueCounts = constraints.map((c, i) => (kinds[i] === 0 ? null : valueCountsFor(state, c, counts[i], wanted[i], requireAll, constraints, required)));
    const s: SpreadScoreState = {
      ignored,
      keys: constraints.map((c) => c.topologyKey),
      kinds,
      perNode: counts.map((c) => c.perNode),
      zoneCounts: valueCounts.map((m, i) => {
        if (kinds[i] !== 1) return null;
        const byId = new Float64Array(table.zones.length);
        for (const [v, n] of m!) if (v !== '') byId[table.internZone(v)] = n;
        return byId;
      }),
      valueCounts,
      weights: constraints.map((_c, i) => Math.log((kinds[i] === 0 ? count - (ignored?.size ?? 0) : wanted[i].size) + 2)),
      offsets: constraints.map((c) => c.maxSkew - 1),
      min: 0,
      max: 0,
    };
    state.write(PRESCORE_KEY, s);
    return true;
  },
  score(state, nodes, idx, count, out) {
    const s = state.read<SpreadScoreState>(PRESCORE_KEY);
    const { flags, zoneId } = state.snapshot.table;
    const noZones = state.snapshot.table.zones.length === 0;
    // One pass per constraint, in constraint order (the same float sums as upstream's per-node loop).
    const passes: number[] = [];
    for (let c = 0; c < s.keys.length; c++) if (!(s.kinds[c] === 1 && noZones)) passes.push(c);
    const ignored = s.ignored;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    if (passes.length === 0) out.fill(0, 0, count);
    for (let p = 0; p < passes.length; p++) {
      const c = passes[p];
      const firstPass = p === 0;
      // The last pass also rounds and tracks the range, unless ignored nodes need a pass of their own.
      const lastPass = p === passes.length - 1 && ignored === null;
      const w = s.weights[c];
      const off = s.offsets[c];
      if (s.kinds[c] === 0) {
        const perNode = s.perNode[c];
        for (let i = 0; i < count; i++) {
          const x = idx[i];
          const add = (flags[x] & FLAG_HOSTNAME_LABEL) !== 0 ? perNode[x] * w + off : 0;
          const sum = firstPass ? add : out[i] + add;
          if (lastPass) {
            const v = Math.round(sum);
            out[i] = v;
            if (v < min) min = v;
            if (v > max) max = v;
          } else out[i] = sum;
        }
      } else if (s.kinds[c] === 1) {
        const zc = s.zoneCounts[c]!;
        for (let i = 0; i < count; i++) {
          const z = zoneId[idx[i]];
          const add = z >= 0 ? zc[z] * w + off : 0;
          const sum = firstPass ? add : out[i] + add;
          if (lastPass) {
            const v = Math.round(sum);
            out[i] = v;
            if (v < min) min = v;
            if (v > max) max = v;
          } else out[i] = sum;
        }
      } else {
        const key = s.keys[c];
        const vc = s.valueCounts[c]!;
        for (let i = 0; i < count; i++) {
          const v = nodes[idx[i]].label(key);
          const add = v !== undefined ? (vc.get(v) ?? 0) * w + off : 0;
          out[i] = firstPass ? add : out[i] + add;
        }
        if (lastPass) {
          for (let i = 0; i < count; i++) {
            const v = Math.round(out[i]);
            out[i] = v;
            if (v < min) min = v;
            if (v > max) max = v;
          }
        }
      }
    }
    if (ignored !== null || passes.length === 0) {
      for (let i = 0; i < count; i++) {
        if (ignored !== null && ignored.has(nodes[idx[i]].name)) {
          out[i] = -1;
          continue;
        }
        const v = Math.round(out[i]);
        out[i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    s.min = min;
    s.max = max;
  },
  normalizeScore(state, _nodes, _idx, count, scores) {
    const { min, max } = state.read<SpreadScoreState>(PRESCORE_KEY);
    // -1 marks an ignored node (no raw score is negative).
    if (max === 0) {
      for (let i = 0; i < count; i++) scores[i] = scores[i] < 0 ? 0 : MAX_NODE_SCORE;
      return;
    }
    // Raw scores are small integers: map them through a table instead of dividing per node.
    const lut = spreadNormalizeTable(min, max);
    for (let i = 0; i < count; i++) {
      const v = scores[i];
      scores[i] = v < 0 ? 0 : lut ? lut[v - min] : Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max);
    }
  },
};

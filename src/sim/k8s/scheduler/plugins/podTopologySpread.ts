import type { CycleState } from '../cycleState';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { FLAG_HOSTNAME_LABEL } from '../nodeTable';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import { nodeHasAllKeys, nodeIncluded, podConstraints, selfMatches, type SpreadConstraint } from '../spreadConstraints';
import { unresolvable, unschedulable } from '../status';
import { initPreScoreState, KIND_HOSTNAME, KIND_ZONE, spreadNormalizeTable, type SpreadScoreState } from './spreadScoring';

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

/** After PreScore: the plugin's state, or undefined when it was skipped. */
export function spreadScoreState(state: CycleState): SpreadScoreState | undefined {
  return state.read<SpreadScoreState | undefined>(PRESCORE_KEY);
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
  const minMatch = constraints.map((c, i) => minimumOf(matchNum[i], c.minDomains));
  return { constraints, matchNum, minMatch };
}

/** Why a node with these labels fails the constraints for `pod` with these counts (undefined: it passes). */
function verdictAt(s: FilterState, pod: PodInfo, labels: Readonly<Record<string, string>>) {
  for (let c = 0; c < s.constraints.length; c++) {
    const con = s.constraints[c];
    if (!Object.prototype.hasOwnProperty.call(labels, con.topologyKey)) return REJECT_LABEL;
    const self = selfMatches(con, pod) ? 1 : 0;
    const skew = (s.matchNum[c].get(labels[con.topologyKey]) ?? 0) + self - s.minMatch[c];
    if (skew > con.maxSkew) return REJECT_SKEW;
  }
  return undefined;
}

/**
 * The counts with the pods nominated to `node` added in its domains (the
 * plugin's `AddPod` extension, `updateWithPod`): those in the pod's
 * namespace that a constraint's selector matches, where the node counts for
 * it. Undefined when none changes a count.
 */
function withNominated(s: FilterState, state: CycleState, node: NodeInfo, added: readonly PodInfo[]): FilterState | undefined {
  if (!nodeHasAllKeys(node.labels, s.constraints)) return undefined;
  let out: FilterState | undefined;
  for (const p of added) {
    if (p.namespace !== state.pod.namespace) continue;
    for (let c = 0; c < s.constraints.length; c++) {
      const con = s.constraints[c];
      if (!selfMatches(con, p) || !nodeIncluded(con, state.pod, node, state.requiredNodeAffinity)) continue;
      out ??= { constraints: s.constraints, matchNum: [...s.matchNum], minMatch: [...s.minMatch] };
      if (out.matchNum[c] === s.matchNum[c]) out.matchNum[c] = new Map(s.matchNum[c]);
      const v = node.labels[con.topologyKey];
      out.matchNum[c].set(v, (out.matchNum[c].get(v) ?? 0) + 1);
      out.minMatch[c] = minimumOf(out.matchNum[c], con.minDomains);
    }
  }
  return out;
}

/** The global minimum of a constraint's counts (0 when there are fewer domains than minDomains). */
function minimumOf(counts: Map<string, number>, minDomains: number): number {
  if (counts.size < minDomains) return 0;
  let min = Number.MAX_SAFE_INTEGER;
  for (const n of counts.values()) if (n < min) min = n;
  return min;
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
    const nominated = state.nominated;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[idx[i]];
      const added = nominated?.get(idx[i])?.nominatedPods;
      // RunFilterPluginsWithNominatedPods: the node must pass with the pods nominated to it, then without them.
      const withAdded = added ? withNominated(s, state, node, added) : undefined;
      const verdict = (withAdded ? verdictAt(withAdded, state.pod, node.labels) : undefined) ?? verdictAt(s, state.pod, node.labels);
      if (verdict) {
        out[i] = verdict;
        rejected++;
      }
    }
    return rejected;
  },
  preScore(state, nodes, idx, count) {
    const s = initPreScoreState(state, nodes, idx, count);
    if (!s) return false;
    state.write(PRESCORE_KEY, s);
    return true;
  },
  score(state, nodes, idx, count, out) {
    const s = state.read<SpreadScoreState>(PRESCORE_KEY);
    const { flags, zoneId } = state.snapshot.table;
    const noZones = state.snapshot.table.zones.length === 0;
    // One pass per constraint, in constraint order (the same float sums as upstream's per-node loop).
    const passes: number[] = [];
    for (let c = 0; c < s.keys.length; c++) if (!(s.kinds[c] === KIND_ZONE && noZones)) passes.push(c);
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
      if (s.kinds[c] === KIND_HOSTNAME) {
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
      } else if (s.kinds[c] === KIND_ZONE) {
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

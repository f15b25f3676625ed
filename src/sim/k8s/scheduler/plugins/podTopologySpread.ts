import type { CycleState } from '../cycleState';
import { RequiredNodeAffinity } from '../nodeSelectorTerms';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import type { SpreadCounts } from '../schedulingSnapshot';
import { LABEL_HOSTNAME, nodeHasAllKeys, nodeIncluded, podConstraints, selfMatches, type SpreadConstraint } from '../spreadConstraints';
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
  constraints: SpreadConstraint[];
  /** Per constraint: matching pods per topology value (every eligible domain present, possibly 0). */
  matchNum: Map<string, number>[];
  /** Per constraint: the global minimum (0 when fewer domains than minDomains). */
  minMatch: number[];
}

interface ScoreState {
  constraints: SpreadConstraint[];
  counts: SpreadCounts[];
  ignored: Set<string> | null;
  /** Per constraint (non-hostname): matching pods per topology value seen on the feasible nodes. */
  valueCounts: (Map<string, number> | null)[];
  weights: number[];
}

/** `calPreFilterState`: count matching pods per domain over all eligible nodes. */
function preFilter(state: CycleState): FilterState | undefined {
  const pod = state.pod;
  const constraints = podConstraints(pod, state.snapshot, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const required = new RequiredNodeAffinity(pod.pod);
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
function valueCountsFor(state: CycleState, c: SpreadConstraint, counts: SpreadCounts, wanted: Set<string>, requireAll: boolean, all: SpreadConstraint[], required: RequiredNodeAffinity): Map<string, number> {
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
    const v = node.labels[c.topologyKey] ?? '';
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
  filter(state, nodes, count, out) {
    const s = state.read<FilterState>(PREFILTER_KEY);
    for (let i = 0; i < count; i++) {
      const labels = nodes[i].labels;
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
      out[i] = verdict;
    }
  },
  preScore(state, nodes, count) {
    const pod = state.pod;
    const constraints = podConstraints(pod, state.snapshot, 'ScheduleAnyway');
    if (constraints.length === 0 || state.snapshot.nodes.length === 0) return false;
    // Only the pod's own constraints require every topology key on a node.
    const requireAll = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
    const required = new RequiredNodeAffinity(pod.pod);
    let ignored: Set<string> | null = null;
    const wanted = constraints.map(() => new Set<string>());
    for (let i = 0; i < count; i++) {
      const n = nodes[i];
      if (requireAll && !nodeHasAllKeys(n.labels, constraints)) {
        (ignored ??= new Set()).add(n.name);
        continue;
      }
      for (let c = 0; c < constraints.length; c++) {
        if (constraints[c].topologyKey !== LABEL_HOSTNAME) wanted[c].add(n.labels[constraints[c].topologyKey] ?? '');
      }
    }
    const counts = constraints.map((c) => state.snapshot.spreadCounts(pod.namespace, c.selector));
    const valueCounts = constraints.map((c, i) => (c.topologyKey === LABEL_HOSTNAME ? null : valueCountsFor(state, c, counts[i], wanted[i], requireAll, constraints, required)));
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? count - (ignored?.size ?? 0) : wanted[i].size) + 2));
    const s: ScoreState = { constraints, counts, ignored, valueCounts, weights };
    state.write(PRESCORE_KEY, s);
    return true;
  },
  score(state, nodes, count, out) {
    const s = state.read<ScoreState>(PRESCORE_KEY);
    for (let i = 0; i < count; i++) {
      const n = nodes[i];
      if (s.ignored?.has(n.name)) {
        out[i] = 0;
        continue;
      }
      let score = 0;
      for (let c = 0; c < s.constraints.length; c++) {
        const con = s.constraints[c];
        if (!Object.prototype.hasOwnProperty.call(n.labels, con.topologyKey)) continue;
        const cnt = con.topologyKey === LABEL_HOSTNAME ? s.counts[c].perNode[n.index] : (s.valueCounts[c]!.get(n.labels[con.topologyKey]) ?? 0);
        score += cnt * s.weights[c] + (con.maxSkew - 1);
      }
      out[i] = Math.round(score);
    }
  },
  normalizeScore(state, nodes, count, scores) {
    const s = state.read<ScoreState>(PRESCORE_KEY);
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (let i = 0; i < count; i++) {
      if (s.ignored?.has(nodes[i].name)) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < count; i++) {
      if (s.ignored?.has(nodes[i].name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  },
};

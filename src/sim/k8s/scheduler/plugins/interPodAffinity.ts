import type { Labels } from '../../api/selectors';
import { mergeNamespaces, termMatches, type AffinityTerm, type WeightedAffinityTerm } from '../affinityTerm';
import type { CycleState } from '../cycleState';
import type { NodeInfo } from '../nodeInfo';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import type { PodInfo } from '../podInfo';
import type { SchedulingSnapshot } from '../schedulingSnapshot';
import { unresolvable, unschedulable } from '../status';

const NAME = 'InterPodAffinity';
const PREFILTER_KEY = 'PreFilterInterPodAffinity';
const PRESCORE_KEY = 'PreScoreInterPodAffinity';
/** `HardPodAffinityWeight` default: an existing pod's required affinity counts this much in scoring. */
const HARD_POD_AFFINITY_WEIGHT = 1;
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
const REJECT_AFFINITY = unresolvable(NAME, ERR_REASON_AFFINITY);
const REJECT_ANTI = unschedulable(NAME, ERR_REASON_ANTI_AFFINITY);
const REJECT_EXISTING = unschedulable(NAME, ERR_REASON_EXISTING_ANTI_AFFINITY);

type Counts = Map<string, number>;

interface FilterState {
  affinity: AffinityTerm[];
  antiAffinity: AffinityTerm[];
  existingAntiCounts: Counts;
  affinityCounts: Counts;
  antiCounts: Counts;
}

const pair = (key: string, value: string) => `${key}\u0000${value}`;

function bump(m: Counts, node: NodeInfo, key: string, by: number): void {
  if (!Object.prototype.hasOwnProperty.call(node.labels, key)) return;
  const k = pair(key, node.labels[key]);
  const v = (m.get(k) ?? 0) + by;
  if (v === 0) m.delete(k);
  else m.set(k, v);
}

/** `podMatchesAllAffinityTerms` for the incoming pod's merged terms (no namespace labels needed). */
function matchesAll(terms: readonly AffinityTerm[], p: { namespace: string; labels: Labels }): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, p.namespace, p.labels, undefined)) return false;
  return true;
}

function preFilter(state: CycleState): FilterState | undefined {
  const pod = state.pod;
  const snap = state.snapshot;
  // The common case, without allocating: nothing to check.
  if (pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0 && snap.nodesWithRequiredAntiAffinityPods().length === 0) return undefined;
  const merge = (t: AffinityTerm) => mergeNamespaces(t, (sel) => snap.namespacesMatching(sel));
  const affinity = pod.requiredAffinityTerms.map(merge);
  const antiAffinity = pod.requiredAntiAffinityTerms.map(merge);
  const nsLabels = snap.namespaceLabels(pod.namespace);
  const existingAntiCounts: Counts = new Map();
  // Indexed loops: the node list is frozen, which for-of walks on V8's slow path.
  const withAnti = snap.nodesWithRequiredAntiAffinityPods();
  for (let n = 0; n < withAnti.length; n++) {
    const node = withAnti[n];
    for (const existing of node.podsWithRequiredAntiAffinity) {
      const terms = existing.requiredAntiAffinityTerms;
      for (let i = 0; i < terms.length; i++) if (termMatches(terms[i], pod.namespace, pod.labels, nsLabels)) bump(existingAntiCounts, node, terms[i].topologyKey, 1);
    }
  }
  const affinityCounts: Counts = new Map();
  const antiCounts: Counts = new Map();
  if (affinity.length > 0 || antiAffinity.length > 0) {
    for (const node of snap.nodes) {
      for (const existing of node.pods) {
        if (matchesAll(affinity, existing)) for (const t of affinity) bump(affinityCounts, node, t.topologyKey, 1);
        for (const t of antiAffinity) if (termMatches(t, existing.namespace, existing.labels, undefined)) bump(antiCounts, node, t.topologyKey, 1);
      }
    }
  }
  if (existingAntiCounts.size === 0 && affinity.length === 0 && antiAffinity.length === 0) return undefined;
  return { affinity, antiAffinity, existingAntiCounts, affinityCounts, antiCounts };
}

function satisfiesAffinity(s: FilterState, pod: PodInfo, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.affinity) {
    if (!Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey)) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere with the topology labels.
  if (!podsExist) return s.affinityCounts.size === 0 && matchesAll(s.affinity, pod);
  return true;
}

function satisfiesAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.antiCounts.size === 0) return true;
  for (const t of s.antiAffinity) {
    if (!Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey)) continue;
    if ((s.antiCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAntiCounts.size === 0) return true;
  for (const k in node.labels) if ((s.existingAntiCounts.get(pair(k, node.labels[k])) ?? 0) > 0) return false;
  return true;
}

/** Why `node` fails the filter for `pod` with these counts (undefined: it passes). */
function verdictOf(s: FilterState, pod: PodInfo, node: NodeInfo) {
  return !satisfiesAffinity(s, pod, node) ? REJECT_AFFINITY : !satisfiesAntiAffinity(s, node) ? REJECT_ANTI : !satisfiesExistingAntiAffinity(s, node) ? REJECT_EXISTING : undefined;
}

/**
 * The counts with the pods nominated to `node` added there (the plugin's
 * `AddPod` extension, `updateWithPod`): their required anti-affinity terms
 * that match the incoming pod, and their labels for its own terms.
 */
function withNominated(s: FilterState, state: CycleState, node: NodeInfo, added: readonly PodInfo[]): FilterState {
  const pod = state.pod;
  const nsLabels = state.snapshot.namespaceLabels(pod.namespace);
  const out: FilterState = { ...s, existingAntiCounts: new Map(s.existingAntiCounts), affinityCounts: new Map(s.affinityCounts), antiCounts: new Map(s.antiCounts) };
  for (const p of added) {
    for (const t of p.requiredAntiAffinityTerms) if (termMatches(t, pod.namespace, pod.labels, nsLabels)) bump(out.existingAntiCounts, node, t.topologyKey, 1);
    if (matchesAll(s.affinity, p)) for (const t of s.affinity) bump(out.affinityCounts, node, t.topologyKey, 1);
    // The incoming pod's terms have their namespaces merged: no namespace labels needed.
    for (const t of s.antiAffinity) if (termMatches(t, p.namespace, p.labels, undefined)) bump(out.antiCounts, node, t.topologyKey, 1);
  }
  return out;
}

type TopologyScore = Map<string, Map<string, number>>;

/** Adds the term's weight to the node's domain when it matches `p`; returns the map, created on first use. */
function processTerm(m: TopologyScore | null, t: AffinityTerm, weight: number, p: { namespace: string; labels: Labels }, nsLabels: Labels, node: NodeInfo, mult: number): TopologyScore | null {
  if (!termMatches(t, p.namespace, p.labels, nsLabels)) return m;
  if (!Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey)) return m;
  m ??= new Map();
  let byValue = m.get(t.topologyKey);
  if (!byValue) m.set(t.topologyKey, (byValue = new Map()));
  const v = node.labels[t.topologyKey];
  byValue.set(v, (byValue.get(v) ?? 0) + weight * mult);
  return m;
}

function processTerms(m: TopologyScore | null, terms: readonly WeightedAffinityTerm[], p: { namespace: string; labels: Labels }, nsLabels: Labels, node: NodeInfo, mult: number): TopologyScore | null {
  for (let i = 0; i < terms.length; i++) m = processTerm(m, terms[i], terms[i].weight, p, nsLabels, node, mult);
  return m;
}

function hasLabels(labels: Readonly<Record<string, string>>): boolean {
  for (const k in labels) if (Object.prototype.hasOwnProperty.call(labels, k)) return true;
  return false;
}

const NO_WEIGHTED_TERMS: readonly WeightedAffinityTerm[] = Object.freeze([]);

/** The incoming pod's preferred terms with their namespaces merged (none: a shared empty list). */
function mergedTerms(terms: readonly WeightedAffinityTerm[], snap: SchedulingSnapshot): readonly WeightedAffinityTerm[] {
  if (terms.length === 0) return NO_WEIGHTED_TERMS;
  return terms.map((t) => ({ ...mergeNamespaces(t, (sel) => snap.namespacesMatching(sel)), weight: t.weight }));
}

/** PreScore: weights of preferred terms (both directions) summed per topology domain. */
function preScore(state: CycleState): TopologyScore | undefined {
  const pod = state.pod;
  const snap = state.snapshot;
  const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
  const withAffinity = snap.nodesWithAffinityPods();
  if (!hasConstraints && withAffinity.length === 0) return undefined;
  // Why: this runs every cycle (existing pods with affinity are common, e.g. CoreDNS), so nothing is allocated unless a term matches.
  const prefAffinity = mergedTerms(pod.preferredAffinityTerms, snap);
  const prefAnti = mergedTerms(pod.preferredAntiAffinityTerms, snap);
  const nsLabels = snap.namespaceLabels(pod.namespace);
  let m: TopologyScore | null = null;
  const nodes = hasConstraints ? snap.nodes : withAffinity;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (!hasLabels(node.labels)) continue;
    const existingPods = hasConstraints ? node.pods : node.podsWithAffinity;
    for (let e = 0; e < existingPods.length; e++) {
      const existing = existingPods[e];
      m = processTerms(m, prefAffinity, existing, undefined, node, 1);
      m = processTerms(m, prefAnti, existing, undefined, node, -1);
      // Indexed: most pods' terms are the shared frozen empty list, which for-of walks on V8's slow path.
      const required = existing.requiredAffinityTerms;
      for (let i = 0; i < required.length; i++) m = processTerm(m, required[i], HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, node, 1);
      m = processTerms(m, existing.preferredAffinityTerms, pod, nsLabels, node, 1);
      m = processTerms(m, existing.preferredAntiAffinityTerms, pod, nsLabels, node, -1);
    }
  }
  return m === null || m.size === 0 ? undefined : m;
}

export const interPodAffinity: SchedulerPlugin = {
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
      const n = nodes[idx[i]];
      const added = nominated?.get(idx[i])?.nominatedPods;
      // RunFilterPluginsWithNominatedPods: the node must pass with the pods nominated to it, then without them.
      const verdict = (added ? verdictOf(withNominated(s, state, n, added), state.pod, n) : undefined) ?? verdictOf(s, state.pod, n);
      if (verdict) {
        out[i] = verdict;
        rejected++;
      }
    }
    return rejected;
  },
  preScore(state) {
    const m = preScore(state);
    if (!m) return false;
    state.write(PRESCORE_KEY, m);
    return true;
  },
  score(state, nodes, idx, count, out) {
    const m = state.read<TopologyScore>(PRESCORE_KEY);
    for (let i = 0; i < count; i++) {
      const labels = nodes[idx[i]].labels;
      let s = 0;
      for (const [key, byValue] of m) if (Object.prototype.hasOwnProperty.call(labels, key)) s += byValue.get(labels[key]) ?? 0;
      out[i] = s;
    }
  },
  normalizeScore(_state, _nodes, idx, count, scores) {
    let min = Number.MAX_SAFE_INTEGER;
    let max = Number.MIN_SAFE_INTEGER;
    for (let i = 0; i < count; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    const diff = max - min;
    for (let i = 0; i < count; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  },
};

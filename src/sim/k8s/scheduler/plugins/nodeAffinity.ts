import type { CycleState } from '../cycleState';
import { defaultNormalizeScore } from '../normalizeScore';
import { PreferredSchedulingTerms, type RequiredNodeAffinity } from '../nodeSelectorTerms';
import type { PreFilterOutcome, SchedulerPlugin } from '../plugin';
import { unresolvable } from '../status';

const NAME = 'NodeAffinity';
const PREFILTER_KEY = 'PreFilterNodeAffinity';
const PRESCORE_KEY = 'PreScoreNodeAffinity';
/** `ErrReasonPod`. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** `errReasonConflict`: every required term pins a different set of node names. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';
const REJECT = unresolvable(NAME, ERR_REASON_POD);

/** PreFilter: a required term pinning `metadata.name In` restricts the nodes to check (DaemonSet pods). */
function pinnedNodeNames(state: CycleState): PreFilterOutcome {
  const terms = state.pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let union: Set<string> | undefined;
  for (const t of terms) {
    let names: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      names = names ? new Set([...names].filter((n) => s.has(n))) : s;
    }
    // A term without a node-name pin lets every node through (terms are ORed).
    if (!names) return undefined;
    union ??= new Set();
    for (const n of names) union.add(n);
  }
  if (union && union.size === 0) return { status: unresolvable(NAME, ERR_REASON_CONFLICT) };
  return union ? { nodeNames: union } : undefined;
}

/**
 * Filter: `spec.nodeSelector` and required node affinity (labels and
 * `metadata.name` fields). Score (weight 2): Σ weights of matching
 * preferred terms, normalised to the best node.
 */
export const nodeAffinity: SchedulerPlugin = {
  name: NAME,
  preFilter(state) {
    const required = state.requiredNodeAffinity;
    if (required.isEmpty) return 'skip';
    state.write(PREFILTER_KEY, required);
    return pinnedNodeNames(state);
  },
  filter(state, nodes, idx, count, out) {
    const required = state.read<RequiredNodeAffinity>(PREFILTER_KEY);
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      if (required.match(nodes[idx[i]])) continue;
      out[i] = REJECT;
      rejected++;
    }
    return rejected;
  },
  preScore(state) {
    const preferred = state.pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (!preferred) return false;
    state.write(PRESCORE_KEY, new PreferredSchedulingTerms(preferred));
    return true;
  },
  score(state, nodes, idx, count, out) {
    const preferred = state.read<PreferredSchedulingTerms>(PRESCORE_KEY);
    for (let i = 0; i < count; i++) out[i] = preferred.score(nodes[idx[i]]);
  },
  normalizeScore(_state, _nodes, idx, count, scores) {
    defaultNormalizeScore(scores, count, false);
  },
};

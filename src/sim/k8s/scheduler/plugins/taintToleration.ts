import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { FLAG_DO_NOT_SCHEDULE_TAINTS, FLAG_PREFER_NO_SCHEDULE_TAINTS } from '../nodeTable';
import { defaultNormalizeScore } from '../normalizeScore';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import { unresolvable, type Status } from '../status';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../tolerations';

const NAME = 'TaintToleration';
const PRESCORE_KEY = 'PreScoreTaintToleration';
const rejections = new Map<string, Status>();
const NO_TOLERATIONS: Toleration[] = [];
const preferNoSchedule = (t: Toleration): boolean => !t.effect || t.effect === 'PreferNoSchedule';

/** `node(s) had untolerated taint {key: value}` (empty value prints as `{key: }`). */
export function untoleratedTaintReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

function rejection(t: Taint): Status {
  const reason = untoleratedTaintReason(t);
  let s = rejections.get(reason);
  if (!s) {
    if (rejections.size > 1000) rejections.clear();
    rejections.set(reason, (s = unresolvable(NAME, reason)));
  }
  return s;
}

/**
 * Filter: the first NoSchedule/NoExecute taint the pod does not tolerate
 * rejects the node. Score (weight 3): fewer untolerated PreferNoSchedule
 * taints is better, normalised reversed (`100 − n×100/max`).
 */
export const taintToleration: SchedulerPlugin = {
  name: NAME,
  filter(state, nodes, idx, count, out) {
    if (!state.snapshot.table.any(FLAG_DO_NOT_SCHEDULE_TAINTS)) return 0;
    const tolerations = state.pod.pod.spec?.tolerations;
    const flags = state.snapshot.table.flags;
    let rejected = 0;
    for (let i = 0; i < count; i++) {
      if ((flags[idx[i]] & FLAG_DO_NOT_SCHEDULE_TAINTS) === 0) continue;
      const t = findUntoleratedTaint(nodes[idx[i]].taints, tolerations);
      if (t) {
        out[i] = rejection(t);
        rejected++;
      }
    }
    return rejected;
  },
  preScore(state) {
    // getAllTolerationPreferNoSchedule: tolerations with effect PreferNoSchedule or none.
    const all = state.pod.pod.spec?.tolerations;
    // Why: most pods carry only the NoExecute defaults; they share the empty list instead of a fresh one per cycle.
    const tols = all && all.some(preferNoSchedule) ? all.filter(preferNoSchedule) : NO_TOLERATIONS;
    state.write(PRESCORE_KEY, tols);
    return true;
  },
  score(state, nodes, idx, count, out) {
    // No node with a PreferNoSchedule taint: all count 0, normalised (reversed) to 100.
    if (!state.snapshot.table.any(FLAG_PREFER_NO_SCHEDULE_TAINTS)) return MAX_NODE_SCORE;
    const tols = state.read<Toleration[]>(PRESCORE_KEY);
    const flags = state.snapshot.table.flags;
    for (let i = 0; i < count; i++) {
      let c = 0;
      if ((flags[idx[i]] & FLAG_PREFER_NO_SCHEDULE_TAINTS) !== 0) {
        for (const t of nodes[idx[i]].taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) c++;
      }
      out[i] = c;
    }
  },
  normalizeScore(_state, _nodes, idx, count, scores) {
    defaultNormalizeScore(scores, count, true);
  },
};

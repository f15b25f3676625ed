import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { defaultNormalizeScore } from '../normalizeScore';
import type { SchedulerPlugin } from '../plugin';
import { unresolvable, type Status } from '../status';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../tolerations';

const NAME = 'TaintToleration';
const PRESCORE_KEY = 'PreScoreTaintToleration';
const rejections = new Map<string, Status>();

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
  filter(state, nodes, count, out) {
    const tolerations = state.pod.pod.spec?.tolerations;
    for (let i = 0; i < count; i++) {
      const n = nodes[i];
      if (!n.hasDoNotScheduleTaints) {
        out[i] = undefined;
        continue;
      }
      const t = findUntoleratedTaint(n.taints, tolerations);
      out[i] = t ? rejection(t) : undefined;
    }
  },
  preScore(state) {
    // getAllTolerationPreferNoSchedule: tolerations with effect PreferNoSchedule or none.
    const tols = (state.pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    state.write(PRESCORE_KEY, tols);
    return true;
  },
  score(state, nodes, count, out) {
    const tols = state.read<Toleration[]>(PRESCORE_KEY);
    for (let i = 0; i < count; i++) {
      const n = nodes[i];
      let c = 0;
      if (n.hasPreferNoScheduleTaints) {
        for (const t of n.taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) c++;
      }
      out[i] = c;
    }
  },
  normalizeScore(_state, _nodes, count, scores) {
    defaultNormalizeScore(scores, count, true);
  },
};

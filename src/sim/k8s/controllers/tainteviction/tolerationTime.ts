import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '../../scheduler/tolerations';

/**
 * Kernels of the taint eviction controller (`pkg/controller/tainteviction`):
 * which tolerations a pod uses against a node's NoExecute taints, and how
 * long they let it stay.
 */

/** A node's NoExecute taints (`getNoExecuteTaints`). */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * `GetMatchingTolerations`: whether every taint is tolerated, and the
 * tolerations used (the first matching one per taint).
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/**
 * `getMinTolerationTime`: the smallest `tolerationSeconds` among the used
 * tolerations, in ms; 0 when none were used or one is ≤ 0; -1 (forever)
 * when none sets a time.
 * @example minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 5 }]) // 5000
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

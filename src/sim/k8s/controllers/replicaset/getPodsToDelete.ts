import { parseTimestamp } from '../../../engine/clock';
import { isPodReady, type PodObj } from './podTally';

const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function phaseRank(phase: string | undefined): number {
  return phase === 'Pending' ? 0 : phase === 'Unknown' ? 1 : phase === 'Running' ? 2 : 3;
}

function deletionCost(pod: PodObj): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

function readyTime(pod: PodObj): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c && c.status === 'True' ? parseTimestamp(c.lastTransitionTime) : undefined;
}

function maxRestarts(pod: PodObj): number {
  let m = 0;
  for (const s of pod.status?.containerStatuses ?? []) m = Math.max(m, s.restartCount ?? 0);
  return m;
}

/** floor(log2(elapsed ns)) bucket used by LogarithmicScaleDown. */
function logBucket(now: number, t: number | undefined): number {
  if (t === undefined) return -1;
  const ns = Math.max(1, (now - t) * 1e6);
  return Math.floor(Math.log2(ns));
}

/**
 * `getPodsToDelete`: ranks active pods the way `ActivePodsWithRanks` does
 * (unscheduled, Pending < Unknown < Running, not ready, lower deletion cost,
 * more pods of the same workload on the node, more recently ready, more
 * restarts, newer) and returns the first `diff`.
 */
export function getPodsToDelete(filteredPods: PodObj[], relatedPods: PodObj[], diff: number, now: number): PodObj[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    const node = p.spec?.nodeName;
    if (node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp) podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const rank = (p: PodObj) => (p.spec?.nodeName ? (podsOnNode.get(p.spec.nodeName) ?? 0) : 0);
  const sorted = [...filteredPods].sort((a, b) => compareForDeletion(a, b, rank, now));
  return sorted.slice(0, diff);
}

function compareForDeletion(a: PodObj, b: PodObj, rank: (p: PodObj) => number, now: number): number {
  // 1. Unassigned < assigned.
  const na = a.spec?.nodeName ? 1 : 0;
  const nb = b.spec?.nodeName ? 1 : 0;
  if (na !== nb) return na - nb;
  // 2. PodPending < PodUnknown < PodRunning.
  const pa = phaseRank(a.status?.phase);
  const pb = phaseRank(b.status?.phase);
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  const ra = isPodReady(a) ? 1 : 0;
  const rb = isPodReady(b) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  // 5. Doubled up < not doubled up (higher rank first).
  const ka = rank(a);
  const kb = rank(b);
  if (ka !== kb) return kb - ka;
  // 6. Been ready for empty time < less time < more time (log buckets, then UID).
  if (ra === 1 && rb === 1) {
    const ba = logBucket(now, readyTime(a));
    const bb = logBucket(now, readyTime(b));
    if (ba !== bb) return ba - bb;
  }
  // 7. Pods with containers with higher restart counts < lower restart counts.
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xb - xa;
  // 8. Empty creation time pods < newer pods < older pods (log buckets, then UID).
  const ta = logBucket(now, parseTimestamp(a.metadata.creationTimestamp));
  const tb = logBucket(now, parseTimestamp(b.metadata.creationTimestamp));
  if (ta !== tb) return ta - tb;
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

import type { PodCondition } from 'kubernetes-types/core/v1';

/** How many recent lists are looked through: pods move through the same few stages in waves. */
const RECENT = 16;
const recent: (PodCondition[] | undefined)[] = Array.from({ length: RECENT }, () => undefined);
let nextSlot = 0;
/** Where the list handed out last is. */
let lastFound = 0;
/**
 * The list handed out last per stage (which of the sandbox, initialized and
 * ready conditions are True): the pods syncing one after another are at
 * different stages (just bound, sandbox ready, started), so the list found
 * last overall is seldom the one the next pod needs (7 lists looked at per
 * call, where the stage's own last list is the one nearly every time).
 */
const byStage: (PodCondition[] | undefined)[] = Array.from({ length: 8 }, () => undefined);

function sameItems(l: PodCondition[], c0: PodCondition, c1: PodCondition, c2: PodCondition, c3: PodCondition, other: PodCondition | undefined, length: number): boolean {
  return l[2] === c2 && l[0] === c0 && l[1] === c1 && l[3] === c3 && l.length === length && (other === undefined || l[4] === other);
}

/**
 * The conditions list `[c0, c1, c2, c3]` (plus `other`, when given) as a
 * shared array: the kubelet's conditions are shared objects per
 * second (`sharedPodCondition`), so the pods that reach the same stage in
 * the same seconds report the very same list, and stored objects are never
 * changed. One of the last lists built when it has the same items, else a
 * new one (88 bytes less per pod when found, kept and built).
 * @example sharedConditionList(a, b, c, d, s) === sharedConditionList(a, b, c, d, s)
 */
export function sharedConditionList(c0: PodCondition, c1: PodCondition, c2: PodCondition, c3: PodCondition, other: PodCondition | undefined): PodCondition[] {
  const length = other === undefined ? 4 : 5;
  const stage = (c0.status === 'True' ? 1 : 0) + (c1.status === 'True' ? 2 : 0) + (c2.status === 'True' ? 4 : 0);
  const hinted = byStage[stage];
  if (hinted !== undefined && sameItems(hinted, c0, c1, c2, c3, other, length)) return hinted;
  // The list found last first (pods of a wave come one after another), then the others from the newest.
  for (let k = 0; k < RECENT; k++) {
    const i = (lastFound + RECENT - k) % RECENT;
    const l = recent[i];
    if (l !== undefined && sameItems(l, c0, c1, c2, c3, other, length)) {
      lastFound = i;
      byStage[stage] = l;
      return l;
    }
  }
  // Not frozen: V8 iterates a frozen array (for…of) through a slow path that allocates per item; stored objects are never changed anyway.
  const list = other === undefined ? [c0, c1, c2, c3] : [c0, c1, c2, c3, other];
  recent[nextSlot] = list;
  byStage[stage] = list;
  lastFound = nextSlot;
  nextSlot = (nextSlot + 1) % RECENT;
  return list;
}

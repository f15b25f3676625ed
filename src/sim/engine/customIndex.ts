import type { StoredObject } from './store';

/** A custom index: maps an object to the index values it should be found under. */
export type IndexFn = (obj: StoredObject) => readonly string[] | string | undefined;

/**
 * A custom index of one table: index value -> keys of the objects under it,
 * in the order they came under it.
 *
 * Two indexes can be paired (`ownerUid` with `controllerUid`: a pod's one
 * owner is its controller). Under a value that both reach through the same
 * writes, the pair holds one Set: the two would hold the same keys in the
 * same order. A write that moves a key under that value in one index only
 * first gives the other its own copy.
 */
export interface CustomIndex {
  fn: IndexFn;
  dependsOn?: (obj: StoredObject) => unknown;
  map: Map<string, Set<string>>;
  /**
   * A list index keeps each value's keys in an array instead (`map` stays
   * empty): adding a key is a push, with no search of a Set's hash chain
   * (each a comparison with another pod's key). For values with few keys
   * that are read as lists (pods by node).
   */
  lists: Map<string, string[]> | undefined;
  /**
   * A list index's keys still to add to `lists`, in order: value, key,
   * value, key, … A new key under a value is appended here, one array the
   * write path keeps warm, instead of to its value's array (a cold array in
   * a Map of 5,000 nodes at every bind, when nothing reads pods by node on
   * the hot path). Every read and every other change first moves them in (`listsOf`).
   */
  pending: string[] | undefined;
  /** The index this one shares Sets with; the pair is reindexed by the one registered second. */
  partner?: CustomIndex;
  /** True on the second of a pair. */
  leads: boolean;
}

const NONE: readonly string[] = [];

export function asArray(v: readonly string[] | string | undefined): readonly string[] {
  return v === undefined ? NONE : typeof v === 'string' ? [v] : v;
}

export function addTo(map: Map<string, Set<string>>, value: string, key: string): void {
  let set = map.get(value);
  if (!set) map.set(value, (set = new Set()));
  set.add(key);
}

/** Adds `key` under `value` in a list index (the caller knows it is not there yet). */
export function pushTo(lists: Map<string, string[]>, value: string, key: string): void {
  const list = lists.get(value);
  if (list === undefined) lists.set(value, [key]);
  else list.push(key);
}

/** A list index's `lists`, with its pending keys moved in. */
export function listsOf(idx: CustomIndex): Map<string, string[]> {
  const lists = idx.lists!;
  const p = idx.pending!;
  if (p.length > 0) {
    for (let i = 0; i < p.length; i += 2) pushTo(lists, p[i], p[i + 1]);
    p.length = 0;
  }
  return lists;
}

function removeFromList(lists: Map<string, string[]>, value: string, key: string): void {
  const list = lists.get(value);
  if (list === undefined) return;
  const i = list.indexOf(key);
  if (i < 0) return;
  if (list.length === 1) lists.delete(value);
  else list.splice(i, 1);
}

/** Moves `key` from `from` to `to` in the index's Sets or lists (either undefined: none). */
function move(idx: CustomIndex, key: string, from: string | undefined, to: string | undefined): void {
  if (idx.lists !== undefined) {
    if (from !== undefined) removeFromList(listsOf(idx), from, key);
    if (to !== undefined) idx.pending!.push(to, key);
    return;
  }
  if (from !== undefined) removeFrom(idx.map, from, key);
  if (to !== undefined) addTo(idx.map, to, key);
}

export function removeFrom(map: Map<string, Set<string>>, value: string, key: string): void {
  const set = map.get(value);
  if (set) {
    set.delete(key);
    if (set.size === 0) map.delete(value);
  }
}

type Obj = StoredObject;

function unchanged(idx: CustomIndex, old: Obj, next: Obj): boolean {
  return idx.dependsOn !== undefined && idx.dependsOn(old) === idx.dependsOn(next);
}

/** Moves `key` in one index for a write from `old` to `next` (undefined: a create or a delete). */
export function reindexCustom(idx: CustomIndex, key: string, old: Obj | undefined, next: Obj | undefined): void {
  if (old && next && unchanged(idx, old, next)) return;
  const o = old ? idx.fn(old) : undefined;
  const n = next ? idx.fn(next) : undefined;
  if ((o === undefined || typeof o === 'string') && (n === undefined || typeof n === 'string')) {
    // One value or none on each side (a pod's node), without the lists below.
    if (o === n) return;
    move(idx, key, o, n);
    return;
  }
  const ov = asArray(o);
  const nv = asArray(n);
  if (ov.length === 1 && nv.length === 1 && ov[0] === nv[0]) return;
  for (let i = 0; i < ov.length; i++) if (!nv.includes(ov[i]) && ov.indexOf(ov[i]) === i) move(idx, key, ov[i], undefined);
  for (let i = 0; i < nv.length; i++) if (!ov.includes(nv[i]) && nv.indexOf(nv[i]) === i) move(idx, key, undefined, nv[i]);
}

/** `reindexCustom` for a pair `a` (registered second) and `b`, keeping their common Sets shared. */
export function reindexPair(a: CustomIndex, b: CustomIndex, key: string, old: Obj | undefined, next: Obj | undefined): void {
  const both = old !== undefined && next !== undefined;
  const skipA = both && unchanged(a, old, next);
  const skipB = both && unchanged(b, old, next);
  if (skipA && skipB) return;
  const oa = old && !skipA ? asArray(a.fn(old)) : NONE;
  const na = next && !skipA ? asArray(a.fn(next)) : NONE;
  const ob = old && !skipB ? asArray(b.fn(old)) : NONE;
  const nb = next && !skipB ? asArray(b.fn(next)) : NONE;
  // A create or delete under one value in both (an object whose one owner is its controller): what the loop below would do.
  if (!both) {
    const va = old ? oa : na;
    const vb = old ? ob : nb;
    if (va.length === 1 && vb.length === 1 && va[0] === vb[0]) {
      const d = old ? -1 : 1;
      moveInPair(a.map, b.map, va[0], key, d, d);
      return;
    }
  }
  // Every value either index has before or after, once (the lists are short: an object's owners).
  const lists = [oa, na, ob, nb];
  for (let i = 0; i < 4; i++) {
    const list = lists[i];
    for (let k = 0; k < list.length; k++) {
      const v = list[k];
      if (list.indexOf(v) !== k || seenBefore(lists, i, v)) continue;
      moveInPair(a.map, b.map, v, key, change(oa, na, v), change(ob, nb, v));
    }
  }
}

function seenBefore(lists: readonly (readonly string[])[], i: number, v: string): boolean {
  for (let j = 0; j < i; j++) if (lists[j].includes(v)) return true;
  return false;
}

/** +1: `v` is new in `after`; -1: it left; 0: no change. */
function change(before: readonly string[], after: readonly string[], v: string): number {
  return (after.includes(v) ? 1 : 0) - (before.includes(v) ? 1 : 0);
}

function moveInPair(ma: Map<string, Set<string>>, mb: Map<string, Set<string>>, v: string, key: string, da: number, db: number): void {
  if (da === 0 && db === 0) return;
  const sa = ma.get(v);
  const shared = sa !== undefined && sa === mb.get(v);
  if (da === db) {
    if (shared) {
      if (da > 0) sa.add(key);
      else {
        sa.delete(key);
        if (sa.size === 0) {
          ma.delete(v);
          mb.delete(v);
        }
      }
      return;
    }
    if (da > 0 && sa === undefined && !mb.has(v)) {
      const set = new Set<string>().add(key);
      ma.set(v, set);
      mb.set(v, set);
      return;
    }
  } else if (shared) mb.set(v, new Set(sa));
  if (da > 0) addTo(ma, v, key);
  else if (da < 0) removeFrom(ma, v, key);
  if (db > 0) addTo(mb, v, key);
  else if (db < 0) removeFrom(mb, v, key);
}

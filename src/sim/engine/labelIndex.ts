/**
 * The store's label index for one label key: the object keys under each
 * value, and the keys of objects that have the label key at all (for
 * `Exists` selectors). Both are insertion-ordered Sets, and callers see
 * that order (a selector's candidates are listed in it).
 *
 * While every object with the label key has been added under one value
 * and none has changed its value (the common case: `app=web` on all of a
 * Deployment's pods), the two Sets would hold the same keys in the same
 * order: `keys` is then that value's Set itself, and each write touches
 * one Set instead of two. The first write that would make them differ
 * gives `keys` a copy of its own first.
 */
export interface LabelKeyIndex {
  readonly byValue: Map<string, Set<string>>;
  keys: Set<string>;
  /** `keys` is the only value's Set. */
  shared: boolean;
}

export type LabelIndex = Map<string, LabelKeyIndex>;

/** The key set stops being the value set: later writes may differ. */
function unshare(idx: LabelKeyIndex): void {
  idx.keys = new Set(idx.keys);
  idx.shared = false;
}

/** Object `key` gained label `name=value`. */
export function addLabel(index: LabelIndex, name: string, value: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) {
    const set = new Set<string>().add(key);
    index.set(name, { byValue: new Map([[value, set]]), keys: set, shared: true });
    return;
  }
  let set = idx.byValue.get(value);
  if (idx.shared) {
    if (set !== undefined) {
      set.add(key);
      return;
    }
    unshare(idx);
  }
  if (set === undefined) idx.byValue.set(value, (set = new Set()));
  set.add(key);
  idx.keys.add(key);
}

/** Object `key` lost label `name` (it had `value`). */
export function removeLabel(index: LabelIndex, name: string, value: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) return;
  const set = idx.byValue.get(value);
  if (set !== undefined) {
    set.delete(key);
    if (set.size === 0) idx.byValue.delete(value);
  }
  if (!idx.shared) idx.keys.delete(key);
  if (idx.keys.size === 0) index.delete(name);
}

/** Object `key` keeps label `name` with another value (it keeps its place among the keys with `name`). */
export function changeLabel(index: LabelIndex, name: string, from: string, to: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) return;
  if (idx.shared) unshare(idx);
  const set = idx.byValue.get(from);
  if (set !== undefined) {
    set.delete(key);
    if (set.size === 0) idx.byValue.delete(from);
  }
  let next = idx.byValue.get(to);
  if (next === undefined) idx.byValue.set(to, (next = new Set()));
  next.add(key);
}

/**
 * Moves `key` between label sets for a write that changes labels `from`
 * into `to` (either may be undefined: a create or a delete).
 */
export function reindexLabels(index: LabelIndex, key: string, from: Record<string, string> | undefined, to: Record<string, string> | undefined): void {
  if (from === to) return;
  if (from) {
    for (const k in from) {
      if (to === undefined || !(k in to)) removeLabel(index, k, from[k], key);
      else if (to[k] !== from[k]) changeLabel(index, k, from[k], to[k], key);
    }
  }
  if (to) for (const k in to) if (from === undefined || !(k in from)) addLabel(index, k, to[k], key);
}

/**
 * The store's label index for one label key: the object keys under each
 * value, and the keys of objects that have the label key at all (for
 * `Exists` selectors). Both are insertion-ordered, and callers see that
 * order (a selector's candidates are listed in it).
 *
 * The keys with the label key are usually the value Sets one after the
 * other: objects come under a value that is new or the newest (a
 * Deployment's pods all carry one `pod-template-hash`; its next rollout's
 * pods another). While that holds, `keys` is not kept at all and each write
 * touches one Set instead of two. The first write that breaks it (an object
 * added under an older value, or changing its value) or an `Exists` query
 * over several values builds `keys` from the value Sets, and from then on
 * it is kept as well.
 */
export interface LabelKeyIndex {
  /** Value -> keys; a value's Set leaves when it empties, and comes back last. */
  readonly byValue: Map<string, Set<string>>;
  /** Keys with the label key; undefined while they are `byValue`'s Sets in order. */
  keys: Set<string> | undefined;
  /** The value whose Set came into `byValue` last. */
  last: string;
}

export type LabelIndex = Map<string, LabelKeyIndex>;

/** Keeps `keys` from now on. */
function materialize(idx: LabelKeyIndex): Set<string> {
  const keys = new Set<string>();
  for (const set of idx.byValue.values()) for (const k of set) keys.add(k);
  idx.keys = keys;
  return keys;
}

/** Keys of objects that have label `name`, in the order they gained it. */
export function keysWithLabelKey(index: LabelIndex, name: string): ReadonlySet<string> | undefined {
  const idx = index.get(name);
  if (idx === undefined) return undefined;
  if (idx.keys !== undefined) return idx.keys;
  if (idx.byValue.size === 1) return idx.byValue.values().next().value;
  return materialize(idx);
}

/** Object `key` gained label `name=value`. */
function addLabel(index: LabelIndex, name: string, value: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) {
    index.set(name, { byValue: new Map([[value, new Set<string>().add(key)]]), keys: undefined, last: value });
    return;
  }
  let set = idx.byValue.get(value);
  let keys = idx.keys;
  if (keys === undefined) {
    if (set === undefined) {
      idx.byValue.set(value, new Set<string>().add(key));
      idx.last = value;
      return;
    }
    if (value === idx.last) {
      set.add(key);
      return;
    }
    keys = materialize(idx);
  }
  if (set === undefined) idx.byValue.set(value, (set = new Set()));
  set.add(key);
  keys.add(key);
}

/** Object `key` lost label `name` (it had `value`). */
function removeLabel(index: LabelIndex, name: string, value: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) return;
  const set = idx.byValue.get(value);
  if (set !== undefined) {
    set.delete(key);
    if (set.size === 0) idx.byValue.delete(value);
  }
  idx.keys?.delete(key);
  if (idx.byValue.size === 0) index.delete(name);
}

/** Object `key` keeps label `name` with another value (it keeps its place among the keys with `name`). */
function changeLabel(index: LabelIndex, name: string, from: string, to: string, key: string): void {
  const idx = index.get(name);
  if (idx === undefined) return;
  if (idx.keys === undefined) materialize(idx);
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

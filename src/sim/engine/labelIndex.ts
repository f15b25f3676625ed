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

/** A label `name=value` whose key Set is shared with other labels. */
interface Slot {
  readonly name: string;
  readonly value: string;
}

/**
 * The label indexes of one table. Labels that objects gain together in the
 * same writes (a ReplicaSet's pods' `app` and `pod-template-hash`) hold one
 * Set between them: two labels whose value Sets are made by one write (for
 * the one object that write adds) share that Set, and `shared` lists the
 * labels holding it. A write that would give or take an object under some
 * of those labels only first gives each of them its own copy, so every
 * label's keys stay what its own Set would hold, in the same order.
 */
export interface LabelIndex {
  readonly byKey: Map<string, LabelKeyIndex>;
  readonly shared: Map<Set<string>, Slot[]>;
}

export function newLabelIndex(): LabelIndex {
  return { byKey: new Map(), shared: new Map() };
}

/** The Set made by the current write for its object (one key), and the label it was made for. */
let fresh: Set<string> | undefined;
let freshSlot: Slot | undefined;

/**
 * The Set to change under `name=value` for an object that comes (`adds`) or
 * goes: `set` itself when every label sharing it takes the same step in this
 * write (`to` are the object's new labels), else a copy of its own.
 *
 * The same step: all gain the object, none of them rebuilding its keys
 * (`materialize` would see the object already there, out of its place);
 * or all lose their label (a label changing its value rebuilds its keys).
 */
function own(index: LabelIndex, idx: LabelKeyIndex, name: string, value: string, set: Set<string>, to: Labels | undefined, adds: boolean): Set<string> {
  const slots = index.shared.get(set);
  if (slots === undefined) return set;
  let together = true;
  for (const s of slots) {
    if (!adds) together &&= to === undefined || !(s.name in to);
    else if (to === undefined || to[s.name] !== s.value) together = false;
    else {
      const other = index.byKey.get(s.name);
      together &&= other !== undefined && (other.keys !== undefined || other.last === s.value);
    }
  }
  if (together) return set;
  const copy = new Set(set);
  idx.byValue.set(value, copy);
  slots.splice(slots.findIndex((s) => s.name === name && s.value === value), 1);
  if (slots.length === 1) index.shared.delete(set);
  return copy;
}

/** A new Set holding `key` for `name=value`: the one this write already made, shared, if any. */
function newSet(index: LabelIndex, name: string, value: string, key: string): Set<string> {
  if (fresh === undefined) {
    fresh = new Set<string>().add(key);
    freshSlot = { name, value };
    return fresh;
  }
  const slots = index.shared.get(fresh);
  if (slots === undefined) index.shared.set(fresh, [freshSlot!, { name, value }]);
  else slots.push({ name, value });
  return fresh;
}

/** `set` lost its last key. */
function emptied(index: LabelIndex, set: Set<string>): void {
  if (index.shared.size > 0) index.shared.delete(set);
}

type Labels = Record<string, string>;

/** Keeps `keys` from now on. */
function materialize(idx: LabelKeyIndex): Set<string> {
  const keys = new Set<string>();
  for (const set of idx.byValue.values()) for (const k of set) keys.add(k);
  idx.keys = keys;
  return keys;
}

/** Keys of objects that have label `name`, in the order they gained it. */
export function keysWithLabelKey(index: LabelIndex, name: string): ReadonlySet<string> | undefined {
  const idx = index.byKey.get(name);
  if (idx === undefined) return undefined;
  if (idx.keys !== undefined) return idx.keys;
  if (idx.byValue.size === 1) return idx.byValue.values().next().value;
  return materialize(idx);
}

/** Object `key` gained label `name=value` (`to`: its labels now). */
function addLabel(index: LabelIndex, name: string, value: string, key: string, to: Labels): void {
  const idx = index.byKey.get(name);
  if (idx === undefined) {
    index.byKey.set(name, { byValue: new Map([[value, newSet(index, name, value, key)]]), keys: undefined, last: value });
    return;
  }
  let set = idx.byValue.get(value);
  if (set !== undefined && index.shared.size > 0) set = own(index, idx, name, value, set, to, true);
  let keys = idx.keys;
  if (keys === undefined) {
    if (set === undefined) {
      idx.byValue.set(value, newSet(index, name, value, key));
      idx.last = value;
      return;
    }
    if (value === idx.last) {
      set.add(key);
      return;
    }
    keys = materialize(idx);
  }
  if (set === undefined) idx.byValue.set(value, (set = newSet(index, name, value, key)));
  else set.add(key);
  keys.add(key);
}

/** Object `key` is no longer under `name=value` (`to`: its labels now). */
function leave(index: LabelIndex, idx: LabelKeyIndex, name: string, value: string, key: string, to: Labels | undefined): void {
  let set = idx.byValue.get(value);
  if (set === undefined) return;
  if (index.shared.size > 0) set = own(index, idx, name, value, set, to, false);
  set.delete(key);
  if (set.size === 0) {
    idx.byValue.delete(value);
    emptied(index, set);
  }
}

/** Object `key` lost label `name` (it had `value`). */
function removeLabel(index: LabelIndex, name: string, value: string, key: string, to: Labels | undefined): void {
  const idx = index.byKey.get(name);
  if (idx === undefined) return;
  leave(index, idx, name, value, key, to);
  idx.keys?.delete(key);
  if (idx.byValue.size === 0) index.byKey.delete(name);
}

/** Object `key` keeps label `name` with another value (it keeps its place among the keys with `name`). */
function changeLabel(index: LabelIndex, name: string, from: string, to: string, key: string, labels: Labels): void {
  const idx = index.byKey.get(name);
  if (idx === undefined) return;
  if (idx.keys === undefined) materialize(idx);
  leave(index, idx, name, from, key, labels);
  let next = idx.byValue.get(to);
  if (next !== undefined && index.shared.size > 0) next = own(index, idx, name, to, next, labels, true);
  if (next === undefined) idx.byValue.set(to, (next = new Set()));
  next.add(key);
}

/**
 * Moves `key` between label sets for a write that changes labels `from`
 * into `to` (either may be undefined: a create or a delete).
 */
export function reindexLabels(index: LabelIndex, key: string, from: Labels | undefined, to: Labels | undefined): void {
  if (from === to) return;
  if (from) {
    for (const k in from) {
      if (to === undefined || !(k in to)) removeLabel(index, k, from[k], key, to);
      else if (to[k] !== from[k]) changeLabel(index, k, from[k], to[k], key, to);
    }
  }
  if (to) {
    fresh = undefined;
    for (const k in to) if (from === undefined || !(k in from)) addLabel(index, k, to[k], key, to);
    fresh = freshSlot = undefined;
  }
}

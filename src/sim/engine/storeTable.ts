import { addTo, asArray, pushTo, reindexCustom, reindexPair, removeFrom, type CustomIndex, type IndexFn } from './customIndex';
import { newLabelIndex, reindexLabels, type LabelIndex } from './labelIndex';
import type { StoredObject, WatchHandler } from './store';
import { WatchHistory } from './watchHistory';

/**
 * A stored object under its key. The entry outlives the versions it holds:
 * an update replaces `obj` in place (no search of the table to write), and
 * `key` is the one string every event, queue and index then uses for the
 * object. A lookup with that very string compares one pointer per probe; an
 * equal string built anew (`${ns}/${name}`) is compared character by
 * character, which at 150,000 pods is a cache miss per lookup.
 */
export interface Entry {
  readonly key: string;
  obj: StoredObject;
  /** The key was deleted (an object created under it again gets an entry of its own). */
  removed: boolean;
}

/** One resource's table in the object store: its objects, indexes, watchers and recent watch events. */
export class Table {
  readonly objects = new Map<string, Entry>();
  /**
   * Keys by namespace, built at the first query by namespace (a scan of
   * `objects`, in their order: the order the Sets would have had) and kept
   * from then on. A table nobody asks by namespace (pods, mostly) keeps none.
   */
  byNamespace: Map<string, Set<string>> | undefined = undefined;
  readonly labels: LabelIndex = newLabelIndex();
  readonly custom = new Map<string, CustomIndex>();
  /** `custom`'s values, for the write path (no iterator per write). */
  readonly customList: CustomIndex[] = [];
  readonly watchers: WatchHandler[] = [];
  /** Recent watch events, for watches from an older resourceVersion. */
  readonly history = new WatchHistory();
  /**
   * The key read or written last and the entry `objects` holds under it now
   * (undefined: none). A write reads the object its caller has just read
   * (a kubelet's status write, a node's), and the second read then needs no
   * search of a 150,000-pod table. Every write and removal sets it, so it is
   * always what `objects.get(lastKey)` would answer.
   */
  lastKey: string | undefined = undefined;
  lastEntry: Entry | undefined = undefined;
  constructor(readonly indexLabels: boolean) {}
}

/** The entry under `key`, remembered as the table's last. */
export function entryOf(t: Table, key: string): Entry | undefined {
  if (key === t.lastKey) return t.lastEntry;
  const e = t.objects.get(key);
  t.lastKey = key;
  t.lastEntry = e;
  return e;
}

/** The object under `key` (see `entryOf`). */
export function lookup(t: Table, key: string): StoredObject | undefined {
  return entryOf(t, key)?.obj;
}

/** The table's namespace index, built now if nobody asked for it before. */
export function namespaces(t: Table): Map<string, Set<string>> {
  if (t.byNamespace === undefined) {
    t.byNamespace = new Map();
    for (const [key, e] of t.objects) addTo(t.byNamespace, e.obj.metadata.namespace ?? '', key);
  }
  return t.byNamespace;
}

/** Moves `key` in the table's indexes for a write from `old` to `next` (undefined: a create or a delete). */
export function reindex(t: Table, key: string, old: StoredObject | undefined, next: StoredObject | undefined): void {
  const oldNs = old?.metadata.namespace ?? '';
  const newNs = next?.metadata.namespace ?? '';
  if (t.byNamespace !== undefined && (!old || !next || oldNs !== newNs)) {
    if (old) removeFrom(t.byNamespace, oldNs, key);
    if (next) addTo(t.byNamespace, newNs, key);
  }
  if (t.indexLabels) reindexLabels(t.labels, key, old?.metadata.labels, next?.metadata.labels);
  // Indexes registered with one `dependsOn` (a resource's owner indexes) ask it once per write; unchanged, none moves.
  let dep: ((obj: StoredObject) => unknown) | undefined;
  let same = false;
  for (let i = 0; i < t.customList.length; i++) {
    const idx = t.customList[i];
    if (old !== undefined && next !== undefined && idx.dependsOn !== undefined) {
      if (idx.dependsOn !== dep) {
        dep = idx.dependsOn;
        same = dep(old) === dep(next);
      }
      if (same && (idx.partner === undefined || idx.partner.dependsOn === dep)) continue;
    }
    if (idx.partner === undefined) reindexCustom(idx, key, old, next);
    else if (idx.leads) reindexPair(idx, idx.partner, key, old, next);
  }
}

/** Registers (or replaces) a custom index on `t` and indexes its objects; see `ObjectStore.addIndex`. */
export function registerIndex(t: Table, name: string, fn: IndexFn, dependsOn: ((obj: StoredObject) => unknown) | undefined, pairWith: string | undefined, list: boolean): void {
  const map = new Map<string, Set<string>>();
  const idx: CustomIndex = { fn, dependsOn, map, lists: list ? new Map() : undefined, pending: list ? [] : undefined, leads: false };
  const replaced = t.custom.get(name);
  if (replaced?.partner) {
    replaced.partner.partner = undefined;
    replaced.partner.leads = false;
  }
  const i = replaced ? t.customList.indexOf(replaced) : -1;
  if (i >= 0) t.customList[i] = idx;
  else t.customList.push(idx);
  t.custom.set(name, idx);
  const partner = pairWith === undefined ? undefined : t.custom.get(pairWith);
  if (partner && partner !== idx && !partner.partner && t.objects.size === 0) {
    idx.partner = partner;
    idx.leads = true;
    partner.partner = idx;
  }
  for (const [key, e] of t.objects) {
    const values = asArray(fn(e.obj));
    for (let k = 0; k < values.length; k++) {
      if (values.indexOf(values[k]) !== k) continue;
      if (idx.lists !== undefined) pushTo(idx.lists, values[k], key);
      else addTo(map, values[k], key);
    }
  }
}

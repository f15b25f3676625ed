import { flat } from '../../lib/flat';
import { listsOf, type CustomIndex, type IndexFn } from './customIndex';
import { keysWithLabelKey } from './labelIndex';
import { Revisions } from './revisions';
import type { EventsSince } from './watchHistory';
import { entryOf, lookup, namespaces, registerIndex, reindex, Table, type Entry } from './storeTable';

export type { IndexFn } from './customIndex';
export { WATCH_HISTORY_SIZE, type EventsSince } from './watchHistory';

/**
 * The object store behind the simulated API server: one table per resource,
 * every write reported to watchers as ADDED / MODIFIED / DELETED, and indexes
 * (by namespace, by label, and custom ones such as pods by node) so that no
 * controller needs a full scan per reconcile.
 *
 * Objects are immutable once stored: writers put a new object, never mutate
 * the old one (tests deep-freeze them to prove it).
 */

export interface StoredMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: Record<string, string>;
}

export interface StoredObject {
  metadata: StoredMeta;
}

/** The store's entry for one key, to read again without a search (`ObjectStore.handle`). */
export interface StoreHandle {
  readonly key: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends StoredObject = StoredObject> {
  type: WatchEventType;
  resource: string;
  key: string;
  object: T;
  /** The previous version, for MODIFIED and DELETED. */
  old?: T;
}

export type WatchHandler = (event: WatchEvent) => void;

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? flat(`${namespace}/${name}`) : name;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * A resource kept outside the generic tables (e.g. Events, in a compact
 * log): the store routes reads and writes for it here and lets it report
 * watch events.
 */
export interface VirtualTable {
  get(key: string): StoredObject | undefined;
  list(namespace?: string): StoredObject[];
  count(namespace?: string): number;
  /** Keys under an index value (the table decides which indexes it has). */
  byIndex(name: string, value: string): string[];
  /** Stores an object written through the API. */
  put(obj: StoredObject): WatchEvent;
  remove(key: string, final?: StoredObject): WatchEvent | undefined;
}


export interface TableOptions {
  /** Index labels for selector queries (default true; events do not need it). */
  indexLabels?: boolean;
}

export class ObjectStore {
  private readonly tables = new Map<string, Table>();
  private readonly virtual = new Map<string, { table: VirtualTable; watchers: WatchHandler[] }>();
  private readonly anyWatchers: WatchHandler[] = [];
  private readonly revisions = new Revisions();
  /** The last `tables` lookup and its answer (a status write asks for its table three times). */
  private lastResource = '';
  private lastTable: Table | undefined = undefined;

  /** Declares a resource table (idempotent). */
  define(resource: string, options: TableOptions = {}): void {
    if (!this.tables.has(resource)) this.tables.set(resource, new Table(options.indexLabels ?? true));
    this.lastResource = '';
    this.lastTable = undefined;
  }

  /** Declares a resource served by a virtual table. */
  defineVirtual(resource: string, table: VirtualTable): void {
    // A virtual table serves the resource alone (the read paths look in `tables` first).
    this.tables.delete(resource);
    this.virtual.set(resource, { table, watchers: [] });
    this.lastResource = '';
    this.lastTable = undefined;
  }

  /** `tables.get(resource)`. */
  private tableFor(resource: string): Table | undefined {
    if (resource === this.lastResource) return this.lastTable;
    const t = this.tables.get(resource);
    this.lastResource = resource;
    this.lastTable = t;
    return t;
  }

  /** Whether anyone watches a resource (virtual tables skip building events nobody reads). */
  hasWatchers(resource: string): boolean {
    if (this.anyWatchers.length > 0) return true;
    return (this.tables.get(resource)?.watchers.length ?? this.virtual.get(resource)?.watchers.length ?? 0) > 0;
  }

  /** Reports a change made inside a virtual table to watchers. */
  emitVirtual(event: WatchEvent): void {
    const v = this.virtual.get(event.resource);
    if (v) for (let i = 0; i < v.watchers.length; i++) v.watchers[i](event);
    for (let i = 0; i < this.anyWatchers.length; i++) this.anyWatchers[i](event);
  }

  private table(resource: string): Table {
    const t = this.tableFor(resource);
    if (!t) throw new Error(`store: unknown resource ${resource}`);
    return t;
  }

  has(resource: string): boolean {
    return this.tables.has(resource) || this.virtual.has(resource);
  }

  resources(): string[] {
    return [...this.tables.keys(), ...this.virtual.keys()];
  }

  /** The next resourceVersion (a cluster-wide counter, as etcd's revision). */
  nextResourceVersion(): string {
    return this.revisions.nextString();
  }

  /** `nextResourceVersion` as a number (for tables that keep it as one). */
  nextRevision(): number {
    return this.revisions.next();
  }

  get currentResourceVersion(): number {
    return this.revisions.current;
  }

  get<T extends StoredObject = StoredObject>(resource: string, key: string): T | undefined {
    const t = this.tableFor(resource);
    if (t !== undefined) return lookup(t, key) as T | undefined;
    const v = this.virtual.get(resource);
    if (v) return v.table.get(key) as T | undefined;
    return lookup(this.table(resource), key) as T | undefined;
  }

  /**
   * A handle on the object under `key` in a generic table (undefined: none
   * there, or a virtual table): `read` then gives the object's current
   * version without searching the table, as long as the key is not deleted.
   * (A kubelet reads each of its pods three times on the way to Running.)
   */
  handle(resource: string, key: string): StoreHandle | undefined {
    const t = this.tableFor(resource);
    return t === undefined ? undefined : entryOf(t, key);
  }

  /** `get` of the handle's key (undefined once the key was deleted), with no search. */
  read<T extends StoredObject = StoredObject>(resource: string, handle: StoreHandle): T | undefined {
    const t = this.tableFor(resource);
    const e = handle as Entry;
    if (t === undefined || e.removed) return undefined;
    // Remembered as the table's last read, as `get` does: a write of a copy of it needs no search either.
    t.lastKey = e.key;
    t.lastEntry = e;
    return e.obj as T;
  }

  /**
   * The key of the object read or written last in `resource`'s table if
   * that object's metadata is `metadata` (a caller writing back a copy of
   * what it has just read), else undefined.
   */
  lastKeyFor(resource: string, metadata: StoredMeta): string | undefined {
    const t = this.tableFor(resource);
    return t !== undefined && t.lastEntry !== undefined && t.lastEntry.obj.metadata === metadata ? t.lastKey : undefined;
  }

  /** Objects of a resource, optionally in one namespace, in creation order. */
  list<T extends StoredObject = StoredObject>(resource: string, namespace?: string): T[] {
    const v = this.virtual.get(resource);
    if (v) return v.table.list(namespace) as T[];
    const t = this.table(resource);
    if (namespace === undefined) {
      const all: T[] = [];
      for (const e of t.objects.values()) all.push(e.obj as T);
      return all;
    }
    const keys = namespaces(t).get(namespace);
    if (!keys) return [];
    const out: T[] = [];
    for (const k of keys) out.push(t.objects.get(k)!.obj as T);
    return out;
  }

  count(resource: string, namespace?: string): number {
    const v = this.virtual.get(resource);
    if (v) return v.table.count(namespace);
    const t = this.table(resource);
    return namespace === undefined ? t.objects.size : (namespaces(t).get(namespace)?.size ?? 0);
  }

  /** Keys of objects carrying label `key=value` (all namespaces); undefined when the table has no label index (virtual). */
  keysWithLabel(resource: string, key: string, value: string): ReadonlySet<string> | undefined {
    if (this.virtual.has(resource)) return undefined;
    return this.table(resource).labels.byKey.get(key)?.byValue.get(value) ?? EMPTY;
  }

  /** Keys of objects that have label `key` with any value (all namespaces); undefined without a label index. */
  keysWithLabelKey(resource: string, key: string): ReadonlySet<string> | undefined {
    if (this.virtual.has(resource)) return undefined;
    return keysWithLabelKey(this.table(resource).labels, key) ?? EMPTY;
  }

  /** Keys of objects in a namespace. */
  keysInNamespace(resource: string, namespace: string): ReadonlySet<string> {
    const v = this.virtual.get(resource);
    if (v) return new Set(v.table.list(namespace).map((o) => objectKey(o.metadata.namespace, o.metadata.name)));
    return namespaces(this.table(resource)).get(namespace) ?? EMPTY;
  }

  /**
   * Registers a custom index; existing objects are indexed at once.
   * `dependsOn` names the part of the object the index reads: when a write
   * leaves that part identical (same reference), the index is not recomputed.
   * `pairWith` names an index registered before, registered with the same
   * `dependsOn`, that usually gives the same values (see `CustomIndex`): the
   * two then share their Sets. The pair is made only while the table is empty.
   */
  addIndex(resource: string, name: string, fn: IndexFn, dependsOn?: (obj: StoredObject) => unknown, pairWith?: string): void {
    registerIndex(this.table(resource), name, fn, dependsOn, pairWith, false);
  }

  /**
   * `addIndex` for values that hold few keys each and are read with
   * `listByIndex` (pods by node): each value's keys sit in an array, so a
   * write adds a key without searching a Set. `byIndex` answers a copy.
   */
  addListIndex(resource: string, name: string, fn: IndexFn, dependsOn?: (obj: StoredObject) => unknown): void {
    registerIndex(this.table(resource), name, fn, dependsOn, undefined, true);
  }

  /** Keys under a custom index value. */
  byIndex(resource: string, name: string, value: string): ReadonlySet<string> {
    const v = this.virtual.get(resource);
    if (v) return new Set(v.table.byIndex(name, value));
    const idx = this.index(resource, name);
    if (idx.lists !== undefined) {
      const list = listsOf(idx).get(value);
      return list === undefined ? EMPTY : new Set(list);
    }
    return idx.map.get(value) ?? EMPTY;
  }

  private index(resource: string, name: string): CustomIndex {
    const idx = this.table(resource).custom.get(name);
    if (!idx) throw new Error(`store: no index ${name} on ${resource}`);
    return idx;
  }

  /** Objects under a custom index value. */
  listByIndex<T extends StoredObject = StoredObject>(resource: string, name: string, value: string): T[] {
    const v = this.virtual.get(resource);
    if (v) return v.table.byIndex(name, value).map((k) => v.table.get(k) as T);
    const t = this.table(resource);
    const idx = this.index(resource, name);
    const keys: Iterable<string> = (idx.lists !== undefined ? listsOf(idx).get(value) : idx.map.get(value)) ?? EMPTY;
    const out: T[] = [];
    for (const k of keys) out.push(t.objects.get(k)!.obj as T);
    return out;
  }

  /**
   * Stores a new or changed object (its metadata must already carry its
   * resourceVersion). `key` is its `objectKey` when the caller has it.
   */
  put(resource: string, obj: StoredObject, key = objectKey(obj.metadata.namespace, obj.metadata.name)): WatchEvent {
    const t = this.tableFor(resource);
    if (t === undefined) return this.putVirtual(resource, obj);
    return this.write(t, resource, obj, key, entryOf(t, key));
  }

  /**
   * `put` for a caller that has just read the stored version of `key` with
   * `get` (`old`, undefined when there was none) and written nothing since:
   * the table is not searched again (in a 150,000-pod table each search
   * costs more than the rest of a write's bookkeeping).
   */
  putOver(resource: string, obj: StoredObject, key: string, old: StoredObject | undefined): WatchEvent {
    const t = this.tableFor(resource);
    if (t === undefined) return this.putVirtual(resource, obj);
    // The entry read last holds `old` unless the caller read other keys since.
    const last = t.lastEntry;
    const entry = old === undefined ? undefined : last !== undefined && last.obj === old ? last : t.objects.get(key);
    return this.write(t, resource, obj, key, entry);
  }

  private putVirtual(resource: string, obj: StoredObject): WatchEvent {
    const v = this.virtual.get(resource);
    if (!v) throw new Error(`store: unknown resource ${resource}`);
    return v.table.put(obj);
  }

  /** Stores `obj` in `entry` (the key's, undefined for a new key); the events carry the entry's key. */
  private write(t: Table, resource: string, obj: StoredObject, key: string, entry: Entry | undefined): WatchEvent {
    let old: StoredObject | undefined;
    if (entry !== undefined) {
      old = entry.obj;
      key = entry.key;
      // An object moving to another namespace under its key leaves the scan's order: the index must exist before.
      if (t.byNamespace === undefined && old.metadata.namespace !== obj.metadata.namespace) namespaces(t);
      entry.obj = obj;
    } else {
      entry = { key, obj, removed: false };
      t.objects.set(key, entry);
    }
    t.lastKey = key;
    t.lastEntry = entry;
    reindex(t, key, old, obj);
    const event: WatchEvent = old ? { type: 'MODIFIED', resource, key, object: obj, old } : { type: 'ADDED', resource, key, object: obj };
    this.emit(t, event);
    return event;
  }

  /** Removes an object; `final` is the version to report (with its last resourceVersion). */
  remove(resource: string, key: string, final?: StoredObject): WatchEvent | undefined {
    const v = this.virtual.get(resource);
    if (v) return v.table.remove(key, final);
    const t = this.table(resource);
    const entry = entryOf(t, key);
    if (entry === undefined) return undefined;
    const old = entry.obj;
    key = entry.key;
    entry.removed = true;
    t.objects.delete(key);
    t.lastKey = key;
    t.lastEntry = undefined;
    reindex(t, key, old, undefined);
    const event: WatchEvent = { type: 'DELETED', resource, key, object: final ?? old, old };
    this.emit(t, event);
    return event;
  }

  /** Watches one resource (synchronously, after each write). Returns an unsubscribe function. */
  watch(resource: string, handler: WatchHandler): () => void {
    const list = this.virtual.get(resource)?.watchers ?? this.table(resource).watchers;
    list.push(handler);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Whether `handler` is the watcher of `resource` registered last (one registered now would be called right after it). */
  isLastWatcher(resource: string, handler: WatchHandler): boolean {
    return (this.virtual.get(resource)?.watchers ?? this.table(resource).watchers).at(-1) === handler;
  }

  /**
   * The events of a resource with a resourceVersion above `rv`, oldest
   * first (what a watch from `rv` replays); `{ expired }` when some of them
   * have left the window — the watch cache's "too old resource version: rv
   * (expired)". Undefined for virtual tables, which keep no history.
   */
  eventsSince(resource: string, rv: number): EventsSince | undefined {
    if (this.virtual.has(resource)) return undefined;
    return this.table(resource).history.since(rv);
  }

  /** Watches every resource. */
  watchAll(handler: WatchHandler): () => void {
    this.anyWatchers.push(handler);
    return () => {
      const i = this.anyWatchers.indexOf(handler);
      if (i >= 0) this.anyWatchers.splice(i, 1);
    };
  }

  private emit(t: Table, event: WatchEvent): void {
    t.history.push(event);
    for (let i = 0; i < t.watchers.length; i++) t.watchers[i](event);
    for (let i = 0; i < this.anyWatchers.length; i++) this.anyWatchers[i](event);
  }
}

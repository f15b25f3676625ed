import type { ObjectReference } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toTimestamp } from '../../engine/clock';
import { objectKey, type ObjectStore, type StoredObject, type VirtualTable, type WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { eventName, eventUid } from './eventIdentity';
import { NewestByUid } from './newestByUid';
import { ObjectKinds } from './objectKinds';
import { buildRef, NO_RV, ODD_RV, rvCode, type ObjectKind } from './involvedRefs';
import { ALIVE, COUNT, CREATE_RV, FIELD_PATH, FIRST_AT, INVOLVED_RV, KIND, LAST_AT, MESSAGE, NAME, NUMS, PREV_SAME, REASON, REFS, RV, SLOT, SOURCE, UID, WARNING } from './eventRows';
import { F64Rows, PAGE_SIZE, RefRows, rowOffset, U8Column } from './pagedColumns';

/** kube-apiserver `--event-ttl` default: an Event lives one hour after its last update. */
export const EVENT_TTL_MS = 60 * 60_000;

export interface EventSourceRef {
  component: string;
  host?: string;
}

export interface NewEvent {
  namespace: string;
  involved: ObjectReference;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: EventSourceRef;
}

/**
 * The `events` resource, stored as columns instead of one object per event:
 * there are several Events per pod, and at 150,000 pods keeping each as a
 * full object (with its uid, name and index entries) costs more than the
 * pods themselves. Reads (get, list, by involved object, watch) see ordinary
 * core/v1 Event objects, built on demand; the uid and the name
 * (`<object>.<hex nanoseconds>`) are derived deterministically at read time.
 * An event holds its object's own name and uid strings and a shared
 * `ObjectKind`: nothing allocated per involved object.
 * Events expire an hour after their last update, as with the API server's
 * default `--event-ttl`.
 */
export class EventLog implements VirtualTable {
  private base = 0;
  /** Events in the columns (the next one goes to index `length`). */
  private length = 0;
  // Paged rows: appending copies nothing; an event's fields of a kind sit together.
  private readonly nums = new F64Rows(NUMS);
  private readonly refs = new RefRows<unknown>(REFS);
  /** ALIVE and WARNING. */
  private readonly flags = new U8Column();
  /** Entries the columns have room for. */
  private capacity = 0;
  /** Entries below this one have expired or were deleted (`expire` starts here). */
  private expiredTo = 0;
  private live = 0;
  /**
   * The newest event (id) about each object, by uid; older ones follow
   * `prevSame`. A negative entry `-(slot + 2)` stands for an object whose
   * events were all compacted away while the recorder still remembers it in
   * `slot` (so the recorder finds its objects with this one lookup).
   */
  private readonly byUid = new NewestByUid();
  private readonly kinds = new ObjectKinds();
  /** Whether the recorder still remembers `uid` in `slot` (set by the recorder). */
  private remembers: (uid: string, slot: number) => boolean = () => false;
  private byName: Map<string, number> | undefined;
  /** Events written through the API by users (`kubectl create -f event.yaml`) are kept as objects. */
  private readonly external = new Map<string, KubeObject>();
  /** The text of involved resourceVersions that are not plain numbers (ODD_RV), by event id. */
  private readonly oddRvs = new Map<number, unknown>();
  /** References given whole to `append`, returned as given, by event id. */
  private readonly givenRefs = new Map<number, ObjectReference>();

  constructor(
    private readonly store: ObjectStore,
    private readonly resource: string,
    private readonly salt: number,
    /** The virtual time now (the recorder's correlator reads it too). */
    readonly now: () => number,
  ) {}

  /** Records a new Event about the object `e.involved` refers to; returns its id for later `bump`. */
  append(e: NewEvent): number {
    const r = e.involved;
    const kind = this.kinds.of(r.kind, r.apiVersion, r.namespace, e.namespace);
    this.expire();
    const prev = this.byUid.get(r.uid ?? '');
    // The object keeps the recorder's slot it may have.
    const slot = prev === undefined ? -1 : prev < 0 ? -prev - 2 : this.nums.get(prev - this.base, SLOT);
    const id = this.add(kind, r.name, r.uid, prev, slot, r.resourceVersion, r.fieldPath || '', e.reason, e.message, e.type, e.source);
    this.givenRefs.set(id, r);
    return id;
  }

  /** The index entry of `uid`: its newest event's id, a negative remembered-slot mark (see `byUid`), or undefined. */
  newest(uid: string): number | undefined {
    return this.byUid.get(uid);
  }

  /** The recorder's slot stored with the live event `id`. */
  slotOf(id: number): number {
    return this.nums.get(id - this.base, SLOT);
  }

  /** Whether a compaction ever dropped events (before that, the index has an entry for every uid ever recorded). */
  get compacted(): boolean {
    return this.base > 0;
  }

  /** The recorder tells the log which objects it remembers (kept in the index across compactions). */
  setRemembers(remembers: (uid: string, slot: number) => boolean): void {
    this.remembers = remembers;
  }

  /** Drops a remembered-slot mark for `uid` (the recorder forgot the object). */
  forgetMark(uid: string): void {
    const v = this.byUid.get(uid);
    if (v !== undefined && v < 0) this.byUid.delete(uid);
  }

  /**
   * Records a new Event about this version of `obj` (the recorder's hot
   * path): its involvedObject is the reference client-go builds, with
   * `fieldPath` ('' for none). `prev` is what `newest` gave for the uid
   * just before; `slot` the recorder's cache slot for the object. An event
   * the correlator held back before comes with the `count` and `firstAt` of
   * all its occurrences (client-go creates it so when its patch finds none).
   */
  record(obj: KubeObject, fieldPath: string, reason: string, message: string, type: 'Normal' | 'Warning', source: EventSourceRef, prev: number | undefined, slot: number, count = 1, firstAt?: number): number {
    this.expire();
    const meta = obj.metadata;
    const ns = meta.namespace;
    // (A compaction in `expire` may have just dropped `prev`: then it is below `base`, which the chain and the index treat as none.)
    return this.add(this.kinds.of(obj.kind, obj.apiVersion, ns, ns || 'default'), meta.name, meta.uid, prev, slot, meta.resourceVersion, fieldPath, reason, message, type, source, count, firstAt);
  }

  /** Appends an event (expired ones are gone); `prev` is the newest event about the same object (the index's entry for its uid). */
  private add(kind: ObjectKind, name: string | undefined, uid: string | undefined, prev: number | undefined, slot: number, involvedRv: unknown, fieldPath: string, reason: string, message: string, type: 'Normal' | 'Warning', source: EventSourceRef, count = 1, firstAt?: number): number {
    const at = this.now();
    const rv = this.store.nextRevision();
    const i = this.length;
    if (i === this.capacity) this.grow();
    const id = this.base + i;
    this.length = i + 1;
    const code = rvCode(involvedRv);
    if (code === ODD_RV) this.oddRvs.set(id, involvedRv);
    const r = this.refs.page(i);
    const ro = rowOffset(i, REFS);
    r[ro + KIND] = kind;
    r[ro + NAME] = name;
    r[ro + UID] = uid;
    r[ro + FIELD_PATH] = fieldPath;
    r[ro + REASON] = reason;
    r[ro + MESSAGE] = flat(message);
    r[ro + SOURCE] = source;
    const n = this.nums.page(i);
    const no = rowOffset(i, NUMS);
    n[no + FIRST_AT] = firstAt ?? at;
    n[no + LAST_AT] = at;
    n[no + COUNT] = count;
    n[no + RV] = rv;
    n[no + CREATE_RV] = rv;
    n[no + INVOLVED_RV] = code;
    n[no + PREV_SAME] = prev === undefined || prev < 0 ? -1 : prev;
    n[no + SLOT] = slot;
    this.flags.set(i, type === 'Warning' ? ALIVE | WARNING : ALIVE);
    this.live++;
    this.byUid.set(uid ?? '', id);
    if (this.byName) this.byName.set(this.keyOf(id), id);
    if (this.store.hasWatchers(this.resource)) this.store.emitVirtual({ type: 'ADDED', resource: this.resource, key: this.keyOf(id), object: this.materialize(id) });
    return id;
  }

  /** One more page in every column. */
  private grow(): void {
    this.capacity += PAGE_SIZE;
    for (const col of this.columns()) col.reserve(this.capacity);
  }

  private columns(): { reserve(n: number): void; dropPages(count: number): void }[] {
    return [this.nums, this.refs, this.flags];
  }

  /** A repeat: count + `by` (with the repeats the correlator held back), lastTimestamp now, an aggregate's newest message. */
  bump(id: number, by = 1, message?: string): boolean {
    const i = id - this.base;
    if (i < 0 || i >= this.length || this.flags.get(i) === 0) return false;
    const old = this.store.hasWatchers(this.resource) ? this.materialize(id) : undefined;
    this.nums.set(i, COUNT, this.nums.get(i, COUNT) + by);
    if (message !== undefined) this.refs.set(i, MESSAGE, flat(message));
    this.nums.set(i, LAST_AT, this.now());
    this.nums.set(i, RV, this.store.nextRevision());
    if (old) this.store.emitVirtual({ type: 'MODIFIED', resource: this.resource, key: this.keyOf(id), object: this.materialize(id), old });
    return true;
  }

  /**
   * Whether a live event `id` has this source (the same shared object), field
   * path ('' as none), type, reason and message: what the recorder compares
   * before counting a repeat on it.
   */
  repeats(id: number, source: EventSourceRef, fieldPath: string | undefined, type: 'Normal' | 'Warning', reason: string, message: string): boolean {
    return this.similar(id, source, type, reason) === message && this.refs.get(id - this.base, FIELD_PATH) === (fieldPath || '');
  }

  /** The message of the live event `id` if it has this source, type and reason (client-go's aggregation groups by them). */
  similar(id: number, source: EventSourceRef, type: 'Normal' | 'Warning', reason: string): string | undefined {
    const i = id - this.base;
    if (i < 0 || i >= this.length) return undefined;
    const flags = this.flags.get(i);
    if (flags === 0) return undefined;
    const r = this.refs.page(i);
    const ro = rowOffset(i, REFS);
    return r[ro + SOURCE] === source && r[ro + REASON] === reason && (flags & WARNING) === (type === 'Warning' ? WARNING : 0) ? (r[ro + MESSAGE] as string) : undefined;
  }

  /** The count of event `id`, and when it was last seen (its lastTimestamp). */
  countOf(id: number): number {
    return this.nums.get(id - this.base, COUNT);
  }
  lastAt(id: number): number {
    return this.nums.get(id - this.base, LAST_AT);
  }

  isLive(id: number): boolean {
    const i = id - this.base;
    return i >= 0 && i < this.length && this.flags.get(i) !== 0;
  }

  get(key: string): StoredObject | undefined {
    const ext = this.external.get(key);
    if (ext) return ext;
    const id = this.names().get(key);
    return id === undefined || !this.isLive(id) ? undefined : this.materialize(id);
  }

  list(namespace?: string): StoredObject[] {
    const out: StoredObject[] = [];
    for (let i = 0; i < this.length; i++) if (this.flags.get(i) && (namespace === undefined || this.namespaceOf(i) === namespace)) out.push(this.materialize(this.base + i));
    for (const e of this.external.values()) if (namespace === undefined || e.metadata.namespace === namespace) out.push(e);
    return out;
  }

  count(namespace?: string): number {
    if (namespace === undefined) return this.live + this.external.size;
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.flags.get(i) && this.namespaceOf(i) === namespace) n++;
    for (const e of this.external.values()) if (e.metadata.namespace === namespace) n++;
    return n;
  }

  byIndex(name: string, value: string): string[] {
    if (name !== 'involvedUid') throw new Error(`events: no index ${name}`);
    const ids: string[] = [];
    for (let id = this.byUid.get(value) ?? -1; id >= this.base; id = this.nums.get(id - this.base, PREV_SAME)) if (this.flags.get(id - this.base)) ids.push(this.keyOf(id));
    // The chain runs newest first; the index lists oldest first.
    ids.reverse();
    for (const [k, e] of this.external) if ((e.involvedObject as ObjectReference | undefined)?.uid === value) ids.push(k);
    return ids;
  }

  put(obj: StoredObject): WatchEvent {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const id = this.names().get(key);
    if (id !== undefined && this.isLive(id)) {
      // An update of a logged event through the API: it becomes an ordinary stored object.
      this.kill(id);
    }
    const old = this.external.get(key);
    this.external.set(key, obj as KubeObject);
    const event: WatchEvent = old ? { type: 'MODIFIED', resource: this.resource, key, object: obj, old } : { type: 'ADDED', resource: this.resource, key, object: obj };
    this.store.emitVirtual(event);
    return event;
  }

  remove(key: string, final?: StoredObject): WatchEvent | undefined {
    const ext = this.external.get(key);
    let old: StoredObject | undefined = ext;
    if (ext) this.external.delete(key);
    else {
      const id = this.names().get(key);
      if (id === undefined || !this.isLive(id)) return undefined;
      old = this.materialize(id);
      this.kill(id);
    }
    const event: WatchEvent = { type: 'DELETED', resource: this.resource, key, object: final ?? old!, old };
    this.store.emitVirtual(event);
    return event;
  }

  private kill(id: number): void {
    const i = id - this.base;
    this.flags.set(i, 0);
    this.live--;
  }

  /** Drops events an hour past their last update (oldest first), and compacts the columns now and then. */
  private expire(): void {
    const cutoff = this.now() - EVENT_TTL_MS;
    let i = this.expiredTo;
    while (i < this.length && (!this.flags.get(i) || this.nums.get(i, LAST_AT) <= cutoff)) {
      if (this.flags.get(i)) {
        const key = this.keyOf(this.base + i);
        const old = this.store.hasWatchers(this.resource) ? this.materialize(this.base + i) : undefined;
        this.kill(this.base + i);
        if (old) this.store.emitVirtual({ type: 'DELETED', resource: this.resource, key, object: old, old });
      }
      i++;
    }
    this.expiredTo = i;
    // Whole pages go: the typed columns drop them without copying.
    if (i >= PAGE_SIZE && i * 2 > this.length) this.compact(i - (i % PAGE_SIZE));
  }

  /** Forgets the first `n` entries (a whole number of pages). */
  private compact(n: number): void {
    // An object whose newest event goes is out of the index (its older ones go too).
    const cut = this.base + n;
    const byUid = this.byUid.entries();
    for (let j = 0; j < n; j++) {
      const uid = (this.refs.get(j, UID) as string | undefined) ?? '';
      const newest = byUid.get(uid);
      if (newest === undefined || newest < 0 || newest >= cut) continue;
      const slot = this.nums.get(newest - this.base, SLOT);
      if (slot >= 0 && this.remembers(uid, slot)) byUid.set(uid, -slot - 2);
      else byUid.delete(uid);
    }
    for (const col of this.columns()) col.dropPages(n / PAGE_SIZE);
    for (const m of [this.oddRvs, this.givenRefs]) for (const id of m.keys()) if (id < cut) m.delete(id);
    this.capacity -= n;
    this.length -= n;
    this.expiredTo -= n;
    this.base = cut;
    this.byName = undefined;
  }

  private names(): Map<string, number> {
    if (!this.byName) {
      this.byName = new Map();
      for (let i = 0; i < this.length; i++) if (this.flags.get(i)) this.byName.set(this.keyOf(this.base + i), this.base + i);
    }
    return this.byName;
  }

  private keyOf(id: number): string {
    const i = id - this.base;
    return flat(`${this.namespaceOf(i)}/${this.nameOf(i)}`);
  }

  /** The namespace of entry `i`'s Event. */
  private namespaceOf(i: number): string {
    return (this.refs.get(i, KIND) as ObjectKind).eventNamespace;
  }

  private nameOf(i: number): string {
    return eventName(this.refs.get(i, NAME) as string | undefined, this.nums.get(i, FIRST_AT), this.nums.get(i, CREATE_RV));
  }

  private uidOf(i: number): string {
    return eventUid(this.salt, this.nums.get(i, CREATE_RV));
  }

  private involvedOf(id: number): ObjectReference {
    const given = this.givenRefs.size === 0 ? undefined : this.givenRefs.get(id);
    if (given) return given;
    const i = id - this.base;
    const code = this.nums.get(i, INVOLVED_RV);
    const rv = code >= 0 ? String(code) : code === NO_RV ? undefined : (this.oddRvs.get(id) as string);
    return buildRef(this.refs.get(i, KIND) as ObjectKind, this.refs.get(i, NAME) as string | undefined, this.refs.get(i, UID) as string | undefined, rv, this.refs.get(i, FIELD_PATH) as string);
  }

  private materialize(id: number): KubeObject {
    const i = id - this.base;
    const source = this.refs.get(i, SOURCE) as EventSourceRef;
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.nameOf(i), namespace: this.namespaceOf(i), uid: this.uidOf(i), resourceVersion: String(this.nums.get(i, RV)), creationTimestamp: toTimestamp(this.nums.get(i, FIRST_AT)) },
      involvedObject: this.involvedOf(id),
      reason: this.refs.get(i, REASON) as string,
      message: this.refs.get(i, MESSAGE) as string,
      source,
      firstTimestamp: toTimestamp(this.nums.get(i, FIRST_AT)),
      lastTimestamp: toTimestamp(this.nums.get(i, LAST_AT)),
      count: this.nums.get(i, COUNT),
      type: this.flags.get(i) & WARNING ? 'Warning' : 'Normal',
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
  }
}

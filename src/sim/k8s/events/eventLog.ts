import type { ObjectReference } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toTimestamp } from '../../engine/clock';
import { objectKey, type ObjectStore, type StoredObject, type VirtualTable, type WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { F64Column, PAGE_SIZE, U8Column } from './pagedColumns';

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

const HEX = '0123456789abcdef';

/**
 * The `events` resource, stored as columns instead of one object per event:
 * there are several Events per pod, and at 150,000 pods keeping each as a
 * full object (with its uid, name and index entries) costs more than the
 * pods themselves. Reads (get, list, by involved object, watch) see ordinary
 * core/v1 Event objects, built on demand; the uid and the name
 * (`<object>.<hex nanoseconds>`) are derived deterministically at read time.
 * Events expire an hour after their last update, as with the API server's
 * default `--event-ttl`.
 */
export class EventLog implements VirtualTable {
  private base = 0;
  /** Events in the columns (the next one goes to index `length`). */
  private length = 0;
  private ns: string[] = [];
  private involved: ObjectReference[] = [];
  private reason: string[] = [];
  private message: string[] = [];
  private source: EventSourceRef[] = [];
  // Numbers and flags in typed columns: nothing for the garbage collector to scan or copy.
  private readonly warning = new U8Column();
  private readonly firstAt = new F64Column();
  private readonly lastAt = new F64Column();
  private readonly count_ = new F64Column();
  private readonly rv = new F64Column();
  private readonly createRv = new F64Column();
  private readonly alive = new U8Column();
  /** The previous event (id) about the same object, or -1: the `involvedUid` index as a chain. */
  private readonly prevSame = new F64Column();
  /** Entries the columns have room for. */
  private capacity = 0;
  /** Entries below this one have expired or were deleted (`expire` starts here). */
  private expiredTo = 0;
  private live = 0;
  /** The newest event (id) about each object, by uid; older ones follow `prevSame`. */
  private readonly byUid = new Map<string, number>();
  private byName: Map<string, number> | undefined;
  /** Events written through the API by users (`kubectl create -f event.yaml`) are kept as objects. */
  private readonly external = new Map<string, KubeObject>();

  constructor(
    private readonly store: ObjectStore,
    private readonly resource: string,
    private readonly salt: number,
    private readonly now: () => number,
  ) {}

  /** Records a new Event; returns its id for later `bump`. */
  append(e: NewEvent): number {
    return this.add(e.namespace, e.involved, e.reason, e.message, e.type, e.source);
  }

  /** `append` without a NewEvent object (the recorder's hot path). */
  add(namespace: string, involved: ObjectReference, reason: string, message: string, type: 'Normal' | 'Warning', source: EventSourceRef): number {
    this.expire();
    const at = this.now();
    const rv = this.store.nextRevision();
    const i = this.length;
    if (i === this.capacity) this.grow();
    const id = this.base + i;
    this.length = i + 1;
    this.ns.push(namespace);
    this.involved.push(involved);
    this.reason.push(reason);
    this.message.push(flat(message));
    this.source.push(source);
    this.warning.set(i, type === 'Warning' ? 1 : 0);
    this.firstAt.set(i, at);
    this.lastAt.set(i, at);
    this.count_.set(i, 1);
    this.rv.set(i, rv);
    this.createRv.set(i, rv);
    this.alive.set(i, 1);
    this.live++;
    const uid = involved.uid ?? '';
    this.prevSame.set(i, this.byUid.get(uid) ?? -1);
    this.byUid.set(uid, id);
    if (this.byName) this.byName.set(this.keyOf(id), id);
    if (this.store.hasWatchers(this.resource)) this.store.emitVirtual({ type: 'ADDED', resource: this.resource, key: this.keyOf(id), object: this.materialize(id) });
    return id;
  }

  /** One more page in every typed column. */
  private grow(): void {
    this.capacity += PAGE_SIZE;
    for (const col of this.numberColumns()) col.reserve(this.capacity);
  }

  private numberColumns(): (F64Column | U8Column)[] {
    return [this.warning, this.alive, this.firstAt, this.lastAt, this.count_, this.rv, this.createRv, this.prevSame];
  }

  /** A repeat of the same event: count + 1, lastTimestamp now. */
  bump(id: number): boolean {
    const i = id - this.base;
    if (i < 0 || i >= this.length || !this.alive.get(i)) return false;
    const old = this.store.hasWatchers(this.resource) ? this.materialize(id) : undefined;
    this.count_.set(i, this.count_.get(i) + 1);
    this.lastAt.set(i, this.now());
    this.rv.set(i, this.store.nextRevision());
    if (old) this.store.emitVirtual({ type: 'MODIFIED', resource: this.resource, key: this.keyOf(id), object: this.materialize(id), old });
    return true;
  }

  /**
   * Whether a live event `id` has this source (the same shared object), field
   * path ('' as none), type, reason and message: what the recorder compares
   * before counting a repeat on it.
   */
  repeats(id: number, source: EventSourceRef, fieldPath: string | undefined, type: 'Normal' | 'Warning', reason: string, message: string): boolean {
    const i = id - this.base;
    if (i < 0 || i >= this.length || this.alive.get(i) === 0) return false;
    return this.reason[i] === reason && this.message[i] === message && this.source[i] === source && this.warning.get(i) === (type === 'Warning' ? 1 : 0) && this.involved[i].fieldPath === (fieldPath || undefined);
  }

  isLive(id: number): boolean {
    const i = id - this.base;
    return i >= 0 && i < this.length && this.alive.get(i) === 1;
  }

  get(key: string): StoredObject | undefined {
    const ext = this.external.get(key);
    if (ext) return ext;
    const id = this.names().get(key);
    return id === undefined || !this.isLive(id) ? undefined : this.materialize(id);
  }

  list(namespace?: string): StoredObject[] {
    const out: StoredObject[] = [];
    for (let i = 0; i < this.length; i++) if (this.alive.get(i) && (namespace === undefined || this.ns[i] === namespace)) out.push(this.materialize(this.base + i));
    for (const e of this.external.values()) if (namespace === undefined || e.metadata.namespace === namespace) out.push(e);
    return out;
  }

  count(namespace?: string): number {
    if (namespace === undefined) return this.live + this.external.size;
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.alive.get(i) && this.ns[i] === namespace) n++;
    for (const e of this.external.values()) if (e.metadata.namespace === namespace) n++;
    return n;
  }

  byIndex(name: string, value: string): string[] {
    if (name !== 'involvedUid') throw new Error(`events: no index ${name}`);
    const ids: string[] = [];
    for (let id = this.byUid.get(value) ?? -1; id >= this.base; id = this.prevSame.get(id - this.base)) if (this.alive.get(id - this.base)) ids.push(this.keyOf(id));
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
    this.alive.set(i, 0);
    this.live--;
  }

  /** Drops events an hour past their last update (oldest first), and compacts the columns now and then. */
  private expire(): void {
    const cutoff = this.now() - EVENT_TTL_MS;
    let i = this.expiredTo;
    while (i < this.length && (!this.alive.get(i) || this.lastAt.get(i) <= cutoff)) {
      if (this.alive.get(i)) {
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
    for (let j = 0; j < n; j++) {
      const uid = this.involved[j].uid ?? '';
      const newest = this.byUid.get(uid);
      if (newest !== undefined && newest < cut) this.byUid.delete(uid);
    }
    for (const col of [this.ns, this.involved, this.reason, this.message, this.source] as unknown[][]) col.splice(0, n);
    for (const col of this.numberColumns()) col.dropPages(n / PAGE_SIZE);
    this.capacity -= n;
    this.length -= n;
    this.expiredTo -= n;
    this.base = cut;
    this.byName = undefined;
  }

  private names(): Map<string, number> {
    if (!this.byName) {
      this.byName = new Map();
      for (let i = 0; i < this.length; i++) if (this.alive.get(i)) this.byName.set(this.keyOf(this.base + i), this.base + i);
    }
    return this.byName;
  }

  private keyOf(id: number): string {
    const i = id - this.base;
    return flat(`${this.ns[i]}/${this.nameOf(i)}`);
  }

  /** client-go names an Event `<object name>.<%x of the time in ns>`; the id keeps it unique. */
  private nameOf(i: number): string {
    const ms = Math.floor(this.firstAt.get(i));
    const sub = (this.createRv.get(i) * 1009) % 1_000_000;
    const xh = Math.floor(ms / 1048576);
    let lo = (ms % 1048576) * 1_000_000 + sub;
    const hi = xh * 1_000_000 + Math.floor(lo / 1048576);
    lo %= 1048576;
    return `${this.involved[i].name}.${hi.toString(16)}${lo.toString(16).padStart(5, '0')}`;
  }

  /** A v4-shaped uid derived from the seed and the event's creation resourceVersion (stable, unique). */
  private uidOf(i: number): string {
    let h = (this.salt ^ Math.imul(this.createRv.get(i), 0x9e3779b1)) >>> 0;
    let out = '';
    for (let w = 0; w < 4; w++) {
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
      for (let k = 28; k >= 0; k -= 4) out += HEX[(h >>> k) & 15];
      h = (h + 0x9e3779b9 + w) >>> 0;
    }
    return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-${HEX[(parseInt(out[16], 16) & 3) | 8]}${out.slice(17, 20)}-${out.slice(20, 32)}`;
  }

  private materialize(id: number): KubeObject {
    const i = id - this.base;
    const source = this.source[i];
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.nameOf(i), namespace: this.ns[i], uid: this.uidOf(i), resourceVersion: String(this.rv.get(i)), creationTimestamp: toTimestamp(this.firstAt.get(i)) },
      involvedObject: this.involved[i],
      reason: this.reason[i],
      message: this.message[i],
      source,
      firstTimestamp: toTimestamp(this.firstAt.get(i)),
      lastTimestamp: toTimestamp(this.lastAt.get(i)),
      count: this.count_.get(i),
      type: this.warning.get(i) ? 'Warning' : 'Normal',
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
  }
}

import type { KubeObject } from '../api/types';
import { aggregates, COMBINED_PREFIX, correlated, Correlation, type Aggregate } from './eventCorrelator';
import type { EventLog } from './eventLog';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const MAX_CACHE = 4096;

/** A component's shared sources by host ('' for none), and the one it used last. */
interface ComponentSources {
  byHost: Map<string, EventSource>;
  lastHost: string | undefined;
  last: EventSource | undefined;
}

/** Events cached per object (a power of two: their ring wraps with a mask). */
const MAX_PER_OBJECT = 16;

/**
 * A number that equal (type, reason, message) triples share, from the
 * type and the lengths and a few characters of reason and message (a
 * message's last ones: where a pod's name ends it). Reading a message's
 * characters also flattens it, as the log would.
 */
function signature(type: EventType, reason: string, message: string): number {
  const r = reason.length;
  const m = message.length;
  let h = Math.imul((type === 'Warning' ? 0x10000 : 0) ^ r, 0x01000193);
  if (r > 0) h = Math.imul(h ^ reason.charCodeAt(0) ^ (reason.charCodeAt(r - 1) << 16), 0x01000193);
  h = Math.imul(h ^ m, 0x01000193);
  if (m > 1) h = Math.imul(h ^ message.charCodeAt(0) ^ (message.charCodeAt(m - 1) << 8) ^ (message.charCodeAt(m - 2) << 16), 0x01000193);
  return h;
}

/**
 * Records core/v1 Events the way client-go's recorder and EventCorrelator do:
 * an identical event (same source, object, field path, type, reason,
 * message) seen again bumps `count` and `lastTimestamp` of the existing
 * Event instead of adding one. As in client-go's event key (Go strings), an
 * empty host or field path is the same as none.
 */
export class EventRecorder {
  /**
   * Correlation cache: per involved object, a slot holding the ids of its
   * recent events in the log, oldest first. Their source, field path, type,
   * reason and message are read back from the log's columns (no entry
   * object per event), and the ids sit in one typed array (no array per
   * object). An object with a uid finds its slot through the log's index
   * (its newest event carries the slot: one lookup serves both); one without
   * is remembered in `keyed` by kind, namespace and name.
   */
  private readonly keyed = new Map<string, number>();
  /** The cached object ids (uid, or the `keyed` key) by slot, in insertion order as a ring: the oldest is evicted first. */
  private readonly order: string[] = [];
  /** 1 for a slot whose object is in `keyed`. */
  private readonly isKeyed = new Uint8Array(MAX_CACHE);
  private oldest = 0;
  /**
   * Slot `s` holds `lengths[s]` events in a ring of MAX_PER_OBJECT entries
   * from `ids[2 * s * MAX_PER_OBJECT]` on, oldest at entry `starts[s]`,
   * each as its id and its `signature`: a cached event whose signature
   * differs is no repeat, without reading it back from the log (a
   * ReplicaSet's 16 cached SuccessfulCreate events differ in their pods'
   * names, which end their messages). A full slot overwrites its oldest
   * entry instead of moving the others.
   */
  private readonly ids = new Float64Array(2 * MAX_CACHE * MAX_PER_OBJECT);
  private readonly lengths = new Uint8Array(MAX_CACHE);
  private readonly starts = new Uint8Array(MAX_CACHE);
  /** Shared `source` objects (events are numerous; their sources are few), by component. */
  private readonly sources = new Map<string, ComponentSources>();
  private lastComponent = '';
  private lastSources: ComponentSources | undefined;
  /** client-go's EventCorrelator state (aggregation, spam filter) by slot. */
  private readonly correlation = new Correlation(MAX_CACHE);

  constructor(private readonly log: EventLog) {
    log.setRemembers((uid, slot) => this.isKeyed[slot] === 0 && this.order[slot] === uid);
  }

  /** Records an event about `obj` from `source`. Field path (e.g. `spec.containers{nginx}`) is optional. */
  record(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    this.recordAs(source.component, source.host, obj, type, reason, message, fieldPath);
  }

  /**
   * The shared source of `component` on `host`: a caller that records many
   * events from one place (a kubelet's node, one of 5,000) fetches it once
   * and passes it to `recordFrom`, with no lookup among the hosts per event.
   */
  sourceFor(component: string, host?: string): EventSource {
    return this.sourceObject(component, host);
  }

  /** `record` from `component` on `host`, without a source object per call (the controllers' hot path). */
  recordAs(component: string, host: string | undefined, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    this.recordFrom(this.sourceObject(component, host), obj, type, reason, message, fieldPath);
  }

  /** `record` from a source `sourceFor` gave (the same object: repeats are told by it). */
  recordFrom(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata;
    const uid = meta.uid;
    // As in client-go's key, an empty uid is a uid ('' for all such objects), kept with the objects without one.
    const byKey = uid === undefined || uid === '';
    const objectId = uid ?? `${obj.kind}/${meta.namespace || 'default'}/${meta.name}`;
    const prev = this.log.newest(uid ?? '');
    const slot = byKey ? (this.keyed.get(objectId) ?? -1) : this.slotFrom(prev, objectId);
    const sig = signature(type, reason, message);
    // client-go's EventCorrelator: aggregation, counting, then the spam filter (an object new to the cache has a full bucket).
    const correlate = slot >= 0 && correlated(source);
    let agg = correlate ? this.correlation.aggregateOf(slot, source, type, reason) : undefined;
    let repeat = -1;
    let similar: string[] | undefined;
    let similarAt = -Infinity;
    if (slot >= 0) {
      const ids = this.ids;
      const from = 2 * slot * MAX_PER_OBJECT;
      const n = this.lengths[slot];
      const start = this.starts[slot];
      // Oldest first, around the ring.
      for (let j = 0; j < n; j++) {
        const k = from + 2 * ((start + j) & (MAX_PER_OBJECT - 1));
        const id = ids[k];
        if (repeat < 0 && ids[k + 1] === sig && this.log.repeats(id, source, fieldPath, type, reason, message)) repeat = id;
        if (correlate && agg === undefined) {
          const m = this.log.similar(id, source, type, reason);
          if (m !== undefined) {
            if (similar === undefined) similar = [m];
            else if (!similar.includes(m)) similar.push(m);
            similarAt = Math.max(similarAt, this.log.lastAt(id));
          }
        }
      }
    }
    if (!correlate) {
      if (repeat >= 0 && this.log.bump(repeat)) return;
      this.add(obj, objectId, byKey, fieldPath, reason, message, type, source, prev, slot, sig, 1, undefined);
      return;
    }
    const now = this.log.now();
    const path = fieldPath || '';
    // A group needs a record of its own only once a second distinct message comes.
    if (agg === undefined && similar !== undefined && (similar.length > 1 || similar[0] !== message)) agg = this.correlation.startAggregate(slot, source, type, reason, similar, similarAt);
    const combined = agg !== undefined && aggregates(agg, message, now);
    if (combined && agg!.observed++ === 0) agg!.firstAt = now;
    // The spam filter sees every occurrence; one it holds back still counts (on the aggregate, the repeat, or the event held back).
    const allowed = this.correlation.allow(slot, source, now);
    if (combined) {
      if (allowed) this.writeAggregate(agg!, obj, path, reason, message, type, source, prev, byKey ? -1 : slot);
      return;
    }
    if (repeat >= 0) {
      if (!allowed) this.correlation.holdRepeat(repeat);
      else this.log.bump(repeat, 1 + this.correlation.takeRepeats(repeat));
      return;
    }
    const held = this.correlation.heldBackOf(slot, source, path, type, reason, message);
    if (!allowed) {
      if (held) held.count++;
      else this.correlation.holdBack(slot, source, path, type, reason, message, now);
      return;
    }
    if (held) this.correlation.release(slot, held);
    this.add(obj, objectId, byKey, fieldPath, reason, message, type, source, prev, slot, sig, held ? held.count + 1 : 1, held?.firstAt);
  }

  /** Writes the aggregate's count and newest message on its Event, or creates it (again, if it expired) with the count observed. */
  private writeAggregate(a: Aggregate, obj: KubeObject, fieldPath: string, reason: string, message: string, type: EventType, source: EventSource, prev: number | undefined, slot: number): void {
    const text = COMBINED_PREFIX + message;
    if (a.id >= 0 && this.log.bump(a.id, a.observed - this.log.countOf(a.id), text)) return;
    a.id = this.log.record(obj, fieldPath, reason, text, type, source, prev, slot, a.observed, a.firstAt);
  }

  /** Writes a new event about `obj` to the log and caches it with its object (which takes a slot if it has none). */
  private add(obj: KubeObject, objectId: string, byKey: boolean, fieldPath: string | undefined, reason: string, message: string, type: EventType, source: EventSource, prev: number | undefined, slot: number, sig: number, count: number, firstAt: number | undefined): void {
    const entering = slot < 0;
    if (entering) slot = this.order.length < MAX_CACHE ? this.order.length : this.oldest;
    const id = this.log.record(obj, fieldPath || '', reason, message, type, source, prev, byKey ? -1 : slot, count, firstAt);
    if (entering) {
      if (this.order.length < MAX_CACHE) this.order.push(objectId);
      else {
        const gone = this.order[slot];
        if (this.isKeyed[slot]) this.keyed.delete(gone);
        else if (this.log.compacted) this.log.forgetMark(gone);
        this.order[slot] = objectId;
        this.oldest = (slot + 1) % MAX_CACHE;
      }
      if (byKey) this.keyed.set(objectId, slot);
      this.isKeyed[slot] = byKey ? 1 : 0;
      this.lengths[slot] = 0;
      this.starts[slot] = 0;
      this.correlation.reset(slot);
      // The new object's first event takes the first token of its source's bucket.
      if (correlated(source)) this.correlation.allow(slot, source, this.log.now());
    }
    const n = this.lengths[slot];
    let at: number;
    if (n < MAX_PER_OBJECT) {
      at = n;
      this.lengths[slot] = n + 1;
    } else {
      // The oldest of the object's events leaves the cache: the new one takes its entry.
      at = this.starts[slot];
      this.starts[slot] = (at + 1) & (MAX_PER_OBJECT - 1);
    }
    const k = 2 * (slot * MAX_PER_OBJECT + at);
    this.ids[k] = id;
    this.ids[k + 1] = sig;
  }

  /** The slot of the object with this uid, from its index entry in the log (-1: not remembered). */
  private slotFrom(prev: number | undefined, uid: string): number {
    if (prev === undefined) return -1;
    const slot = prev < 0 ? -prev - 2 : this.log.slotOf(prev);
    return slot >= 0 && this.isKeyed[slot] === 0 && this.order[slot] === uid ? slot : -1;
  }

  private sourceObject(component: string, host: string | undefined): EventSource {
    let of = component === this.lastComponent ? this.lastSources : undefined;
    if (!of) {
      of = this.sources.get(component);
      if (!of) this.sources.set(component, (of = { byHost: new Map(), lastHost: undefined, last: undefined }));
      this.lastComponent = component;
      this.lastSources = of;
    }
    if (of.last !== undefined && host === of.lastHost) return of.last;
    let s = of.byHost.get(host ?? '');
    if (!s) of.byHost.set(host ?? '', (s = host ? { component, host } : { component }));
    of.lastHost = host;
    of.last = s;
    return s;
  }
}

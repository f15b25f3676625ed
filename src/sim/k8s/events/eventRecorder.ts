import type { KubeObject } from '../api/types';
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
const MAX_PER_OBJECT = 16;

/**
 * Records core/v1 Events the way client-go's recorder and EventCorrelator do:
 * an identical event (same source, object, field path, type, reason,
 * message) seen again bumps `count` and `lastTimestamp` of the existing
 * Event instead of adding one. As in client-go's event key (Go strings), an
 * empty host or field path is the same as none.
 */
export class EventRecorder {
  /**
   * Correlation cache: per involved object (by uid), a slot holding the ids
   * of its recent events in the log, oldest first. Their source, field
   * path, type, reason and message are read back from the log's columns (no
   * entry object per event), and the ids sit in one typed array (no array
   * per object).
   */
  private readonly slotOf = new Map<string, number>();
  /** The cached object ids by slot, in insertion order as a ring: the oldest is evicted first. */
  private readonly order: string[] = [];
  private oldest = 0;
  /** Slot `s` holds `lengths[s]` event ids from `ids[s * MAX_PER_OBJECT]` on. */
  private readonly ids = new Float64Array(MAX_CACHE * MAX_PER_OBJECT);
  private readonly lengths = new Uint8Array(MAX_CACHE);
  /** Shared `source` objects (events are numerous; their sources are few), by component. */
  private readonly sources = new Map<string, ComponentSources>();
  private lastComponent = '';
  private lastSources: ComponentSources | undefined;

  constructor(private readonly log: EventLog) {}

  /** Records an event about `obj` from `source`. Field path (e.g. `spec.containers{nginx}`) is optional. */
  record(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    this.recordAs(source.component, source.host, obj, type, reason, message, fieldPath);
  }

  /** `record` from `component` on `host`, without a source object per call (the controllers' hot path). */
  recordAs(component: string, host: string | undefined, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata;
    const objectId = meta.uid ?? `${obj.kind}/${meta.namespace || 'default'}/${meta.name}`;
    const source = this.sourceObject(component, host);
    let slot = this.slotOf.get(objectId);
    if (slot !== undefined) {
      const from = slot * MAX_PER_OBJECT;
      const to = from + this.lengths[slot];
      for (let k = from; k < to; k++) {
        const id = this.ids[k];
        if (this.log.repeats(id, source, fieldPath, type, reason, message) && this.log.bump(id)) return;
      }
    }
    const id = this.log.record(obj, fieldPath || '', reason, message, type, source);
    if (slot === undefined) {
      if (this.order.length < MAX_CACHE) {
        slot = this.order.length;
        this.order.push(objectId);
      } else {
        slot = this.oldest;
        this.slotOf.delete(this.order[slot]);
        this.order[slot] = objectId;
        this.oldest = (slot + 1) % MAX_CACHE;
      }
      this.slotOf.set(objectId, slot);
      this.lengths[slot] = 0;
    }
    const from = slot * MAX_PER_OBJECT;
    const n = this.lengths[slot];
    if (n < MAX_PER_OBJECT) {
      this.ids[from + n] = id;
      this.lengths[slot] = n + 1;
    } else {
      // The oldest of the object's events leaves the cache.
      this.ids.copyWithin(from, from + 1, from + MAX_PER_OBJECT);
      this.ids[from + MAX_PER_OBJECT - 1] = id;
    }
  }

  private sourceObject(component: string, host: string | undefined): EventSource {
    let of = component === this.lastComponent ? this.lastSources : undefined;
    if (!of) {
      of = this.sources.get(component);
      if (!of) this.sources.set(component, (of = { byHost: new Map(), lastHost: undefined, last: undefined }));
      this.lastComponent = component;
      this.lastSources = of;
    }
    // A kubelet's events about one pod come from one host in a row: no lookup among 5,000 hosts each time.
    if (of.last !== undefined && host === of.lastHost) return of.last;
    let s = of.byHost.get(host ?? '');
    if (!s) of.byHost.set(host ?? '', (s = host ? { component, host } : { component }));
    of.lastHost = host;
    of.last = s;
    return s;
  }
}

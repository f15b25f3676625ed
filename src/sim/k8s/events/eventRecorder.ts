import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../../engine/clock';
import { toTimestamp } from '../../engine/clock';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

/** What the recorder needs from the API server: write an Event object as the given source. */
export interface EventSink {
  createEvent(event: KubeObject): void;
  updateEvent(event: KubeObject): void;
}

const MAX_CACHE = 4096;

/**
 * Records core/v1 Events the way client-go's recorder and EventCorrelator do:
 * an identical event (same source, object, type, reason, message) seen again
 * bumps `count` and `lastTimestamp` of the existing Event instead of adding
 * one. Event names are `<object name>.<hex nanoseconds>`.
 */
interface Recent {
  component: string;
  host: string | undefined;
  fieldPath: string | undefined;
  type: EventType;
  reason: string;
  message: string;
  key: string;
}

export class EventRecorder {
  /** Correlation cache: per involved object (by uid), its recent events. */
  private readonly seen = new Map<string, Recent[]>();
  private sub = 0;
  /** Shared `source` objects (events are numerous; their sources are few). */
  private readonly sources = new Map<string, { component: string; host?: string }>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly sink: EventSink,
  ) {}

  /** Records an event about `obj` from `source`. Field path (e.g. `spec.containers{nginx}`) is optional. */
  record(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const involved: ObjectReference = { kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion };
    if (fieldPath) involved.fieldPath = fieldPath;
    if (!meta.namespace) delete involved.namespace;
    const objectId = meta.uid ?? `${obj.kind}/${namespace}/${meta.name}`;
    const recent = this.seen.get(objectId);
    const now = this.clock.timestamp();
    if (recent) {
      for (const r of recent) {
        if (r.reason !== reason || r.message !== message || r.component !== source.component || r.host !== source.host || r.fieldPath !== fieldPath || r.type !== type) continue;
        const existing = this.store.get<KubeObject>('events', r.key);
        if (existing) {
          this.sink.updateEvent({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: now });
          return;
        }
      }
    }
    const name = `${meta.name}.${this.nanoHex()}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      source: this.sourceObject(source),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const entry: Recent = { component: source.component, host: source.host, fieldPath, type, reason, message, key: `${namespace}/${name}` };
    if (recent) {
      recent.push(entry);
      if (recent.length > 16) recent.shift();
    } else {
      if (this.seen.size >= MAX_CACHE) this.seen.delete(this.seen.keys().next().value!);
      this.seen.set(objectId, [entry]);
    }
    this.sink.createEvent(event);
  }

  /** `%x` of the event time in nanoseconds (client-go names events `<object>.<hex UnixNano>`), kept unique. */
  private nanoHex(): string {
    const ms = Math.floor(this.clock.now());
    const sub = this.sub++ % 1_000_000;
    const xh = Math.floor(ms / 1048576);
    const xl = ms % 1048576;
    let lo = xl * 1_000_000 + sub;
    const hi = xh * 1_000_000 + Math.floor(lo / 1048576);
    lo %= 1048576;
    return hi.toString(16) + lo.toString(16).padStart(5, '0');
  }

  private sourceObject(source: EventSource): { component: string; host?: string } {
    const id = `${source.component}\u0000${source.host ?? ''}`;
    let s = this.sources.get(id);
    if (!s) this.sources.set(id, (s = source.host ? { component: source.component, host: source.host } : { component: source.component }));
    return s;
  }
}

export { toTimestamp };

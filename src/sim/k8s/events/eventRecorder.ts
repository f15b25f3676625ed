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
export class EventRecorder {
  /** Correlation cache: event identity → event key in the store. */
  private readonly seen = new Map<string, string>();
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
    const identity = `${meta.uid ?? `${obj.kind}/${namespace}/${meta.name}`}\u0000${source.component}\u0000${source.host ?? ''}\u0000${fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}`;
    const now = this.clock.timestamp();
    const existingKey = this.seen.get(identity);
    if (existingKey) {
      const existing = this.store.get<KubeObject>('events', existingKey);
      if (existing) {
        this.sink.updateEvent({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: now });
        return;
      }
    }
    const name = `${meta.name}.${(BigInt(Math.floor(this.clock.now())) * 1_000_000n + BigInt(this.store.currentResourceVersion % 1_000_000)).toString(16)}`;
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
    if (this.seen.size >= MAX_CACHE) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(identity, `${namespace}/${name}`);
    this.sink.createEvent(event);
  }

  private sourceObject(source: EventSource): { component: string; host?: string } {
    const id = `${source.component}\u0000${source.host ?? ''}`;
    let s = this.sources.get(id);
    if (!s) this.sources.set(id, (s = source.host ? { component: source.component, host: source.host } : { component: source.component }));
    return s;
  }
}

export { toTimestamp };

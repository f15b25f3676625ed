import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { EventLog } from './eventLog';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const MAX_CACHE = 4096;
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
   * Correlation cache: per involved object (by uid), the ids of its recent
   * events in the log, oldest first. Their source, field path, type, reason
   * and message are read back from the log's columns (no entry object per
   * event).
   */
  private readonly seen = new Map<string, number[]>();
  /**
   * The cached object ids in insertion order, a ring of MAX_CACHE slots: the
   * oldest is evicted first. (Deleting `seen.keys().next()` instead walks the
   * Map's deleted slots each time, ~2 µs per new object once the cache is full.)
   */
  private readonly order: string[] = [];
  private oldest = 0;
  /**
   * The last involved-object reference built: the next event about the same
   * version of the same object, with the same field path, shares it (a
   * ReplicaSet's SuccessfulCreate burst, a kubelet's Pulled + Created).
   */
  private lastRef: ObjectReference | undefined;
  /** Shared `source` objects (events are numerous; their sources are few), by component, then host ('' for none). */
  private readonly sources = new Map<string, Map<string, EventSource>>();

  constructor(private readonly log: EventLog) {}

  /** Records an event about `obj` from `source`. Field path (e.g. `spec.containers{nginx}`) is optional. */
  record(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    this.recordAs(source.component, source.host, obj, type, reason, message, fieldPath);
  }

  /** `record` from `component` on `host`, without a source object per call (the controllers' hot path). */
  recordAs(component: string, host: string | undefined, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const objectId = meta.uid ?? `${obj.kind}/${namespace}/${meta.name}`;
    const source = this.sourceObject(component, host);
    const recent = this.seen.get(objectId);
    if (recent) {
      for (let k = 0; k < recent.length; k++) {
        const id = recent[k];
        if (this.log.repeats(id, source, fieldPath, type, reason, message) && this.log.bump(id)) return;
      }
    }
    const last = this.lastRef;
    const involved: ObjectReference = last !== undefined && last.uid === meta.uid && last.resourceVersion === meta.resourceVersion && last.fieldPath === fieldPath && last.name === meta.name && last.namespace === meta.namespace && last.kind === obj.kind && last.apiVersion === obj.apiVersion
      ? last
      : meta.namespace
      ? fieldPath
        ? { kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion, fieldPath }
        : { kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion }
      : fieldPath
        ? { kind: obj.kind, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion, fieldPath }
        : { kind: obj.kind, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion };
    this.lastRef = involved;
    const id = this.log.add(namespace, involved, reason, message, type, source);
    if (recent) {
      recent.push(id);
      if (recent.length > MAX_PER_OBJECT) recent.shift();
    } else {
      if (this.order.length < MAX_CACHE) this.order.push(objectId);
      else {
        this.seen.delete(this.order[this.oldest]);
        this.order[this.oldest] = objectId;
        this.oldest = (this.oldest + 1) % MAX_CACHE;
      }
      this.seen.set(objectId, [id]);
    }
  }

  private sourceObject(component: string, host: string | undefined): EventSource {
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let s = byHost.get(host ?? '');
    if (!s) byHost.set(host ?? '', (s = host ? { component, host } : { component }));
    return s;
  }
}

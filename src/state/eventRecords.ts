import type { KubeObject } from '../sim/k8s/index';
import type { EventRecord } from './types';

interface EventObject {
  metadata?: { name?: string; namespace?: string; creationTimestamp?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  source?: { component?: string };
  reportingComponent?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
}

function time(...texts: (string | null | undefined)[]): number {
  for (const t of texts) {
    if (!t) continue;
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/** Flattens a core/v1 Event for the feed. */
export function toEventRecord(obj: KubeObject): EventRecord {
  const e = obj as unknown as EventObject;
  const namespace = e.metadata?.namespace ?? 'default';
  const lastAt = time(e.lastTimestamp, e.eventTime, e.metadata?.creationTimestamp);
  return {
    key: `${namespace}/${e.metadata?.name ?? ''}`,
    namespace,
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    object: { kind: e.involvedObject?.kind ?? '', name: e.involvedObject?.name ?? '', namespace: e.involvedObject?.namespace },
    source: e.source?.component || e.reportingComponent || '',
    count: e.count ?? 1,
    firstAt: time(e.firstTimestamp, e.eventTime, e.metadata?.creationTimestamp) || lastAt,
    lastAt,
  };
}

/**
 * The latest Events, as a watch sees them: a new Event is appended, one
 * seen again (its count grew) moves to the end; the oldest fall off.
 */
export class EventFeed {
  private readonly byKey = new Map<string, EventRecord>();
  private cached: readonly EventRecord[] | undefined = [];

  constructor(private readonly capacity = 300) {}

  upsert(record: EventRecord): void {
    this.byKey.delete(record.key);
    this.byKey.set(record.key, record);
    if (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value!);
    this.cached = undefined;
  }

  clear(): void {
    this.byKey.clear();
    this.cached = [];
  }

  /** The records, oldest first; the same array until something changes. */
  list(): readonly EventRecord[] {
    if (!this.cached) this.cached = [...this.byKey.values()];
    return this.cached;
  }
}

/** Events a preview frame keeps (the feed's own bound). */
export const PREVIEW_EVENTS = 300;
/** Event records by stored object: preview frames share them (the store replaces an Event when it changes). */
const eventRecords = new WeakMap<KubeObject, EventRecord>();

/** `toEventRecord`, remembered for the stored object. */
export function eventRecordOf(obj: KubeObject): EventRecord {
  let record = eventRecords.get(obj);
  if (!record) eventRecords.set(obj, (record = toEventRecord(obj)));
  return record;
}

import type { EventSource, EventType } from './eventRecorder';

// client-go tools/record EventCorrelator defaults (events_cache.go).
/** Similar events (differing only in message) about one object: more than this many distinct messages… */
export const AGGREGATE_MAX_EVENTS = 10;
/** …with no gap longer than this between them go to one aggregate event. */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** A source may record this many events about one object at once… */
export const SPAM_BURST = 25;
/** …then one more every 5 minutes (a float32 in client-go, and so here). */
export const SPAM_QPS = Math.fround(1 / 300);
/** The aggregate event's message: this, then the newest similar event's message. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * Components whose Events go through events.k8s.io/v1 (client-go
 * tools/events): that recorder has no aggregation and no spam filter, only
 * its series count. The scheduler is one; the kubelet and the controllers
 * use tools/record.
 */
const UNCORRELATED = new Set(['default-scheduler']);

/** Whether `source`'s Events pass client-go's EventCorrelator (aggregation and spam filter). */
export function correlated(source: EventSource): boolean {
  return !UNCORRELATED.has(source.component);
}

/**
 * Similar events about one object from one source (same type and reason,
 * any field path): client-go's aggregateRecord, and the aggregate event
 * its event logger counts under the group's key.
 */
export interface Aggregate {
  readonly source: EventSource;
  readonly type: EventType;
  readonly reason: string;
  /** The distinct messages seen (insertion order); past the threshold one leaves as each new one comes. */
  messages: string[];
  /** When a similar event was last seen. */
  last: number;
  /** The aggregate event in the log (-1: none written yet). */
  id: number;
  /** Occurrences of the aggregate event so far, written or held back by the spam filter. */
  observed: number;
  /** When it was first observed (its firstTimestamp and name, even if the first was held back). */
  firstAt: number;
}

/** An event the spam filter held back before it was ever written, and the occurrences since. */
interface HeldBack {
  source: EventSource;
  fieldPath: string;
  type: EventType;
  reason: string;
  message: string;
  count: number;
  firstAt: number;
}

/** A token bucket of the spam filter (golang.org/x/time/rate: refilled continuously, capped at the burst). */
interface Bucket {
  tokens: number;
  last: number;
}

/**
 * The correlator's state per object, kept in the recorder's cache slots
 * (the recorder finds an object's slot anyway): each object's spam-filter
 * bucket for its first correlated source in typed arrays (a pod's events
 * come from its kubelet), the rare rest in maps. A slot given to another
 * object starts afresh (`reset`).
 */
export class Correlation {
  private readonly firstSource: (EventSource | undefined)[];
  private readonly tokens: Float64Array;
  private readonly refilled: Float64Array;
  private readonly otherBuckets = new Map<number, Map<EventSource, Bucket>>();
  private readonly aggregates = new Map<number, Aggregate[]>();
  private readonly heldBack = new Map<number, HeldBack[]>();
  /** Repeats of a written event held back by the spam filter, by event id: they count with the next one written. */
  private readonly pending = new Map<number, number>();

  constructor(slots: number) {
    this.firstSource = Array.from({ length: slots }, () => undefined);
    this.tokens = new Float64Array(slots);
    this.refilled = new Float64Array(slots);
  }

  /** Forgets what slot `slot` knew (it now holds another object). */
  reset(slot: number): void {
    this.firstSource[slot] = undefined;
    if (this.otherBuckets.size > 0) this.otherBuckets.delete(slot);
    if (this.aggregates.size > 0) this.aggregates.delete(slot);
    if (this.heldBack.size > 0) this.heldBack.delete(slot);
  }

  /** The spam filter (EventSourceObjectSpamFilter): whether `source` may record one more event about the object in `slot` now. */
  allow(slot: number, source: EventSource, now: number): boolean {
    const first = this.firstSource[slot];
    if (first === undefined || first === source) {
      if (first === undefined) {
        this.firstSource[slot] = source;
        this.tokens[slot] = SPAM_BURST;
        this.refilled[slot] = now;
      }
      const t = refill(this.tokens[slot], this.refilled[slot], now);
      if (t < 1) return false;
      this.tokens[slot] = t - 1;
      this.refilled[slot] = now;
      return true;
    }
    let buckets = this.otherBuckets.get(slot);
    if (!buckets) this.otherBuckets.set(slot, (buckets = new Map()));
    let b = buckets.get(source);
    if (!b) buckets.set(source, (b = { tokens: SPAM_BURST, last: now }));
    const t = refill(b.tokens, b.last, now);
    if (t < 1) return false;
    b.tokens = t - 1;
    b.last = now;
    return true;
  }

  /** The aggregation group of (source, type, reason) about the object in `slot`, if one was started. */
  aggregateOf(slot: number, source: EventSource, type: EventType, reason: string): Aggregate | undefined {
    if (this.aggregates.size === 0) return undefined;
    const list = this.aggregates.get(slot);
    if (list === undefined) return undefined;
    for (const a of list) if (a.source === source && a.type === type && a.reason === reason) return a;
    return undefined;
  }

  /**
   * Starts the group once a second distinct message comes: until then the
   * group's record is one message and its last time, which the recorder's
   * cached events tell (`messages`, `last`), so most objects never need one.
   */
  startAggregate(slot: number, source: EventSource, type: EventType, reason: string, messages: string[], last: number): Aggregate {
    const a: Aggregate = { source, type, reason, messages, last, id: -1, observed: 0, firstAt: 0 };
    const list = this.aggregates.get(slot);
    if (list) list.push(a);
    else this.aggregates.set(slot, [a]);
    return a;
  }

  /** An event held back about the object in `slot` with exactly these fields, if any. */
  heldBackOf(slot: number, source: EventSource, fieldPath: string, type: EventType, reason: string, message: string): HeldBack | undefined {
    if (this.heldBack.size === 0) return undefined;
    const list = this.heldBack.get(slot);
    if (list === undefined) return undefined;
    for (const h of list) if (h.source === source && h.fieldPath === fieldPath && h.type === type && h.reason === reason && h.message === message) return h;
    return undefined;
  }

  /** Remembers a first occurrence the spam filter held back (a later one written is created with the count of all). */
  holdBack(slot: number, source: EventSource, fieldPath: string, type: EventType, reason: string, message: string, now: number): void {
    const h: HeldBack = { source, fieldPath, type, reason, message, count: 1, firstAt: now };
    const list = this.heldBack.get(slot);
    if (list) list.push(h);
    else this.heldBack.set(slot, [h]);
  }

  /** The held-back event is being written: forget it. */
  release(slot: number, h: HeldBack): void {
    const list = this.heldBack.get(slot)!;
    list.splice(list.indexOf(h), 1);
    if (list.length === 0) this.heldBack.delete(slot);
  }

  /** Counts a repeat of the written event `id` that the spam filter held back. */
  holdRepeat(id: number): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
  }

  /** The held-back repeats of event `id`, now written with the next one (and forgotten). */
  takeRepeats(id: number): number {
    if (this.pending.size === 0) return 0;
    const n = this.pending.get(id);
    if (n === undefined) return 0;
    this.pending.delete(id);
    return n;
  }
}

/** A bucket's tokens at `now`, `last` being when it was last taken from. */
function refill(tokens: number, last: number, now: number): number {
  return Math.min(SPAM_BURST, tokens + ((now - last) / 1000) * SPAM_QPS);
}

/**
 * client-go's EventAggregate for one occurrence with `message` at `now`:
 * whether it goes to the group's aggregate event (past AGGREGATE_MAX_EVENTS
 * distinct messages, none more than AGGREGATE_INTERVAL_MS after the last).
 * Go pops an arbitrary message to stay under the threshold; this pops the
 * oldest, which is deterministic.
 */
export function aggregates(a: Aggregate, message: string, now: number): boolean {
  if (now - a.last > AGGREGATE_INTERVAL_MS) a.messages = [];
  if (!a.messages.includes(message)) a.messages.push(message);
  a.last = now;
  if (a.messages.length < AGGREGATE_MAX_EVENTS) return false;
  a.messages.shift();
  return true;
}

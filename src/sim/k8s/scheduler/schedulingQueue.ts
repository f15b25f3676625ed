import { Heap } from '../../../lib/heap';
import { ActiveQueue } from './activeQueue';
import { PodInfo, type PodObject } from './podInfo';
import { PodRegistry, type DecisionHolder } from './podRegistry';

/** `podInitialBackoffDuration`. */
export const POD_INITIAL_BACKOFF_MS = 1000;
/** `podMaxBackoffDuration`. */
export const POD_MAX_BACKOFF_MS = 10_000;
/** `podMaxInUnschedulablePodsDuration`: after this an unschedulable pod is retried anyway. */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** `flushUnschedulablePodsLeftover` runs on this period. */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

const NO_PLUGINS: ReadonlySet<string> = new Set();

export type QueueArea = 'active' | 'backoff' | 'unschedulable' | 'gated' | 'inFlight';

/** `framework.QueuedPodInfo`. */
export interface QueuedPod {
  key: string;
  pod: PodObject;
  /** Derived view, rebuilt when the pod's spec or labels change. */
  info: PodInfo | null;
  /** Virtual time it was (re)queued; activeQ orders by priority, then this. */
  timestamp: number;
  attempts: number;
  unschedulablePlugins: ReadonlySet<string>;
  area: QueueArea;
  gen: number;
  /** The pod's row in the decision log, while this entry holds it (see `PodRegistry`); -1: none. */
  decisionRow: number;
}

/** A backoffQ entry: stale once the pod's `gen` moved on. */
interface Entry {
  q: QueuedPod;
  gen: number;
  seq: number;
  at: number;
}

/** `calculateBackoffDuration`: 1 s after the first attempt, doubling, at most 10 s. */
export function backoffDuration(attempts: number): number {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
    d += d;
  }
  return d;
}

/**
 * `PriorityQueue`: activeQ (priority, then queue time), backoffQ (until the
 * back-off expires), unschedulablePods (until a cluster event may help, or 5
 * minutes), and gated pods (scheduling gates). Stale heap entries are skipped
 * lazily. Pure: callers pass the virtual time.
 */
export class SchedulingQueue {
  /** Queued pods tagged with their `gen` when pushed (a later move makes the entry stale). */
  private readonly active = new ActiveQueue<QueuedPod>();
  private readonly backoff = new Heap<Entry>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  /** Insertion order = queue time order (re-inserted on every move). */
  private readonly unschedulable = new Map<string, QueuedPod>();
  /** Unschedulable pods by the plugins that rejected them, so an event only visits pods it may help. */
  private readonly byPlugin = new Map<string, Set<QueuedPod>>();
  private seq = 0;
  private activeCount = 0;

  private readonly pods: Map<string, QueuedPod | PodInfo>;

  /** `registry`: shared with the scheduler cache (see `PodRegistry`), or the queue's own. */
  constructor(private readonly registry = new PodRegistry()) {
    this.pods = registry.byKey;
  }

  get(key: string): QueuedPod | undefined {
    return this.registry.queued(key);
  }

  /** How many pods are queued (counted: for tests and tools, not for cycles). */
  get size(): number {
    let n = 0;
    for (const v of this.pods.values()) if (!(v instanceof PodInfo)) n++;
    return n;
  }

  get activeLength(): number {
    return this.activeCount;
  }

  /** How many pods wait in unschedulablePods. */
  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  unschedulablePods(): IterableIterator<QueuedPod> {
    return this.unschedulable.values();
  }

  /**
   * A new pending pod: activeQ, or parked while it has scheduling gates. `key` is its `namespace/name`, when the caller has it.
   * The pod must not be queued or cached already (callers check `get`): its entry is written without a second lookup.
   */
  add(pod: PodObject, now: number, key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`): QueuedPod {
    const q: QueuedPod = { key, pod, info: null, timestamp: now, attempts: 0, unschedulablePlugins: NO_PLUGINS, area: 'gated', gen: 0, decisionRow: -1 };
    this.pods.set(key, q);
    if ((pod.spec?.schedulingGates?.length ?? 0) === 0) this.toActive(q, now);
    return q;
  }

  /** The pod object changed. `relevant`: spec or labels changed, so it may now fit (gates lifted, tolerations added…). */
  update(pod: PodObject, relevant: boolean, now: number, key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`): void {
    const q = this.get(key);
    if (!q) return;
    q.pod = pod;
    if (!relevant) return;
    q.info = null;
    if (q.area === 'gated' && (pod.spec?.schedulingGates?.length ?? 0) === 0) this.toActive(q, now);
    else if (q.area === 'unschedulable') this.requeue(q, now);
  }

  delete(key: string): void {
    const q = this.get(key);
    if (!q) return;
    if (q.area === 'active') this.activeCount--;
    this.unpark(q);
    q.gen++;
    this.registry.remove(key, q);
  }

  /**
   * The popped pod `q` was assumed: it leaves the queue and `info`, its scheduler cache entry, takes over its decision row.
   * The shared map entry is left for `SchedulerCache.assumePod(info, …)`, which must follow at once and overwrites it:
   * the hand-over looks the key up once, and leaves no deleted entry behind in the map.
   */
  handOver(q: QueuedPod, info: DecisionHolder): void {
    if (q.area === 'active') this.activeCount--;
    this.unpark(q);
    q.gen++;
    info.decisionRow = q.decisionRow;
    q.decisionRow = -1;
  }

  private unpark(q: QueuedPod): void {
    // Why: usually nobody is parked; an empty map needs no hashing of the (long untouched) key.
    if (this.unschedulable.size === 0 || !this.unschedulable.delete(q.key)) return;
    for (const p of q.unschedulablePlugins) {
      const set = this.byPlugin.get(p);
      set?.delete(q);
      if (set?.size === 0) this.byPlugin.delete(p);
    }
  }

  private park(q: QueuedPod): void {
    this.unschedulable.set(q.key, q);
    for (const p of q.unschedulablePlugins) {
      let set = this.byPlugin.get(p);
      if (!set) this.byPlugin.set(p, (set = new Set()));
      set.add(q);
    }
  }

  /** Unschedulable pods rejected by any of these plugins. */
  unschedulableWith(plugins: Iterable<string>): QueuedPod[] {
    const out = new Set<QueuedPod>();
    for (const p of plugins) for (const q of this.byPlugin.get(p) ?? []) out.add(q);
    return [...out];
  }

  private toActive(q: QueuedPod, now: number): void {
    if (q.area === 'active') return;
    this.unpark(q);
    q.area = 'active';
    q.timestamp = now;
    // Why: the sequence numbers of backoffQ entries stay what they were when activeQ entries took one too.
    this.seq++;
    q.gen++;
    this.activeCount++;
    this.active.push(q.pod.spec?.priority ?? 0, q, q.gen);
  }

  private toBackoff(q: QueuedPod, expiry: number): void {
    this.unpark(q);
    q.area = 'backoff';
    q.gen++;
    this.backoff.push({ q, gen: q.gen, seq: this.seq++, at: expiry });
  }

  private backoffExpiry(q: QueuedPod): number {
    return q.timestamp + backoffDuration(q.attempts);
  }

  /** `movePodsToActiveOrBackoffQueue` for one pod. */
  private requeue(q: QueuedPod, now: number): void {
    const expiry = this.backoffExpiry(q);
    if (q.attempts > 0 && expiry > now) this.toBackoff(q, expiry);
    else this.toActive(q, now);
  }

  /** `flushBackoffQCompleted`: pods whose back-off expired go to activeQ. */
  flushBackoff(now: number): void {
    for (let top = this.backoff.peek(); top && top.at <= now; top = this.backoff.peek()) {
      this.backoff.pop();
      if (top.gen === top.q.gen && top.q.area === 'backoff') this.toActive(top.q, now);
    }
  }

  /** `flushUnschedulablePodsLeftover`: pods unschedulable for more than 5 minutes are retried. */
  flushLeftover(now: number): void {
    // Why: called every cycle; an empty map needs no iterator.
    if (this.unschedulable.size === 0) return;
    for (const q of this.unschedulable.values()) {
      if (now - q.timestamp <= POD_MAX_IN_UNSCHEDULABLE_MS) break;
      this.requeue(q, now);
    }
  }

  /** Moves the given unschedulable pods that a cluster event may have helped. */
  moveIf(candidates: readonly QueuedPod[], test: (q: QueuedPod) => boolean, now: number): number {
    let moved = 0;
    for (const q of candidates) {
      if (q.area !== 'unschedulable' || !test(q)) continue;
      this.requeue(q, now);
      moved++;
    }
    return moved;
  }

  /** Pops the next pod to schedule (`Pop`: counts an attempt). */
  pop(): QueuedPod | undefined {
    for (let q = this.active.pop(); q; q = this.active.pop()) {
      if (this.active.lastTag !== q.gen || q.area !== 'active') continue;
      this.activeCount--;
      q.area = 'inFlight';
      q.attempts++;
      return q;
    }
    return undefined;
  }

  /**
   * `AddUnschedulableIfNotPresent` after a failed attempt: to unschedulablePods
   * when plugins rejected it (waits for an event), else to backoffQ.
   */
  failed(q: QueuedPod, plugins: ReadonlySet<string>, now: number): void {
    if (this.pods.get(q.key) !== q) return;
    q.timestamp = now;
    q.unschedulablePlugins = plugins;
    if (plugins.size === 0) {
      this.toBackoff(q, this.backoffExpiry(q));
      return;
    }
    q.area = 'unschedulable';
    q.gen++;
    this.park(q);
  }

  /** When the queue next needs attention on its own: a back-off expiring or a leftover flush tick. */
  nextWakeAt(flushEpoch: number): number | undefined {
    let next: number | undefined;
    for (let top = this.backoff.peek(); top; top = this.backoff.peek()) {
      if (top.gen === top.q.gen && top.q.area === 'backoff') {
        next = top.at;
        break;
      }
      this.backoff.pop();
    }
    const oldest = this.unschedulable.values().next().value as QueuedPod | undefined;
    if (oldest) {
      const due = oldest.timestamp + POD_MAX_IN_UNSCHEDULABLE_MS;
      const tick = flushEpoch + UNSCHEDULABLE_FLUSH_PERIOD_MS * (Math.floor((due - flushEpoch) / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1);
      next = next === undefined ? tick : Math.min(next, tick);
    }
    return next;
  }
}

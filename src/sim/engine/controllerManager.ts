import type { VirtualClock, Wake } from './clock';
import type { ObjectStore, WatchEvent } from './store';
import { WorkQueue } from './workQueue';

/** Maps a watch event on `resource` to the keys a controller should reconcile. */
export interface ControllerWatch {
  resource: string;
  map(event: WatchEvent): Iterable<string> | string | undefined | void;
}

/**
 * A controller: a level-triggered reconcile function on a key, woken by watch
 * events (through `watches`) or by its own timers (`clock.wakeAfter(name, key, ms)`).
 * It must be idempotent, must not care which event woke it, and must re-request
 * any future wake-up it still needs each time it runs.
 */
export interface Controller<C> {
  /** The component name (also the event source, e.g. `deployment-controller`). */
  name: string;
  watches: readonly ControllerWatch[];
  /**
   * Returns the virtual time the sync took, in ms (optional). While a
   * controller is busy, new events for it wait and coalesce, as they do in a
   * real controller's work queue under load.
   */
  reconcile(key: string, ctx: C): void | number;
}

/** A registered controller, its queue and where its bit is in `Marks`. */
interface Entry<C> {
  readonly controller: Controller<C>;
  /** Keys, with the timer record of those a timer queued (see `VirtualClock.resume`). */
  readonly queue: WorkQueue<Wake>;
  busyUntil: number;
  /** When the entry last asked the clock to resume it (its RESUME timer is pending while that is still ahead). */
  resumeAt: number;
  /** `Marks` word and bit of this entry (entries in registration order). */
  readonly word: number;
  readonly bit: number;
}

/**
 * One bit per controller, in registration order, set when a key joins its
 * queue and cleared when a pass finds the queue empty: a pass visits the
 * controllers with keys only, instead of asking some 30 queues their length
 * each time a timer fires.
 */
type Marks = number[];

/** Adds `key` to an entry's queue and marks the entry. */
function enqueueIn<C>(marks: Marks, entry: Entry<C>, key: string, wake?: Wake): void {
  entry.queue.add(key, wake);
  marks[entry.word] |= entry.bit;
}

/**
 * One store watcher for controller watches registered one after the other
 * on a resource: it calls their maps in registration order (one store
 * dispatch per event instead of one per watch).
 */
interface FanOut<C> {
  readonly watches: ControllerWatch[];
  /** The entry of each watch's controller. */
  readonly entries: Entry<C>[];
  readonly handler: (event: WatchEvent) => void;
}

function fanOut<C>(first: ControllerWatch, entry: Entry<C>, marks: Marks): FanOut<C> {
  const watches = [first];
  const entries = [entry];
  const handler = (event: WatchEvent): void => {
    for (let i = 0; i < watches.length; i++) {
      const keys = watches[i].map(event);
      if (keys === undefined || keys === null) continue;
      if (typeof keys === 'string') enqueueIn(marks, entries[i], keys);
      else for (const k of keys) enqueueIn(marks, entries[i], k);
    }
  };
  return { watches, entries, handler };
}

/** Queue key that only resumes a busy controller. */
const RESUME = '\u0000resume';

/** Runs registered controllers until the world is quiet at the current instant, then moves time. */
export class ControllerManager<C> {
  private readonly entries: Entry<C>[] = [];
  private readonly byName = new Map<string, Entry<C>>();
  private readonly marks: Marks = [];
  /** Keys waiting in all the queues. */
  private readonly waiting = { count: 0 };
  /** The store watcher registered last for each resource. */
  private readonly fanOuts = new Map<string, FanOut<C>>();
  /** Safety net against controllers that wake each other forever within one instant. */
  maxReconcilesPerInstant = 50_000_000;
  reconcileCount = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly ctxFor: (controller: Controller<C>) => C,
  ) {}

  register(controller: Controller<C>): void {
    const index = this.entries.length;
    const entry: Entry<C> = { controller, queue: new WorkQueue<Wake>(this.waiting), busyUntil: -Infinity, resumeAt: -Infinity, word: index >>> 5, bit: 1 << (index & 31) };
    this.entries.push(entry);
    if (entry.word === this.marks.length) this.marks.push(0);
    this.byName.set(controller.name, entry);
    for (const w of controller.watches) {
      const last = this.fanOuts.get(w.resource);
      if (last !== undefined && this.store.isLastWatcher(w.resource, last.handler)) {
        // Called right after the watches before it, as a watcher of its own registered now would be.
        last.watches.push(w);
        last.entries.push(entry);
        continue;
      }
      const fan = fanOut(w, entry, this.marks);
      this.store.watch(w.resource, fan.handler);
      this.fanOuts.set(w.resource, fan);
    }
  }

  /** Adds a key to a controller's queue by name (timers and tests use it). */
  enqueue(name: string, key: string): void {
    const entry = this.byName.get(name);
    if (!entry) throw new Error(`no controller named ${name}`);
    enqueueIn(this.marks, entry, key);
  }

  queueLength(name: string): number {
    return this.byName.get(name)?.queue.length ?? 0;
  }

  /** Processes every queued key, in registration order, until all queues are empty. */
  runUntilIdle(): void {
    let budget = this.maxReconcilesPerInstant;
    for (;;) {
      // Nothing queued: the pass below would find nothing to do.
      if (this.waiting.count === 0) return;
      let worked = false;
      const now = this.clock.now();
      // The marked entries in registration order; one marked during the pass is visited in it if it comes later.
      for (let i = this.nextMarked(0); i >= 0; i = this.nextMarked(i + 1)) {
        const entry = this.entries[i];
        const { controller, queue } = entry;
        let n = queue.length;
        if (n === 0) {
          this.marks[entry.word] &= ~entry.bit;
          continue;
        }
        if (entry.busyUntil > now) {
          // A RESUME timer still pending (ahead of now: unfired) at or before busyUntil makes the request a no-op: skip its lookup (every pass while a ReplicaSet is busy).
          if (!(entry.resumeAt > now && entry.resumeAt <= entry.busyUntil)) entry.resumeAt = this.clock.wakeAt(controller.name, RESUME, entry.busyUntil);
          continue;
        }
        const ctx = this.ctxFor(controller);
        let cost = 0;
        while (n-- > 0) {
          const key = queue.pop()!;
          if (key === RESUME) continue;
          const wake = queue.poppedToken;
          if (wake !== undefined) this.clock.resume(wake);
          const spent = controller.reconcile(key, ctx);
          if (spent) cost += spent;
          this.reconcileCount++;
          worked = true;
          if (--budget <= 0) throw new Error(`controllers did not settle at one instant (last: ${controller.name} ${key})`);
        }
        if (cost > 0) entry.busyUntil = now + cost;
        if (queue.length === 0) this.marks[entry.word] &= ~entry.bit;
      }
      if (!worked) return;
    }
  }

  /** The first marked entry at or after `from`, or -1. */
  private nextMarked(from: number): number {
    const marks = this.marks;
    for (let w = from >>> 5; w < marks.length; w++) {
      // This word's marks at or after `from` (all of them in the words after its own).
      const m = w === from >>> 5 ? marks[w] & (-1 << (from & 31)) : marks[w];
      if (m !== 0) return (w << 5) + 31 - Math.clz32(m & -m);
    }
    return -1;
  }

  /** A due timer: its key joins its controller's queue. */
  private readonly fire = (target: string, key: string, _at: number, _seq: number, wake: Wake): void => {
    const entry = this.byName.get(target);
    if (entry) enqueueIn(this.marks, entry, key, wake);
  };

  /** Fires due timers and reconciles until `target`; leaves the clock at `target`. */
  runUntil(target: number): void {
    this.runUntilIdle();
    for (;;) {
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.setNow(next);
      this.clock.drainDue(this.fire);
      this.runUntilIdle();
    }
    this.clock.setNow(target);
  }
}

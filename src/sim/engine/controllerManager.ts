import type { VirtualClock } from './clock';
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

/**
 * One store watcher for controller watches registered one after the other
 * on a resource: it calls their maps in registration order (one store
 * dispatch per event instead of one per watch).
 */
interface FanOut {
  readonly watches: ControllerWatch[];
  /** The queue of each watch's controller. */
  readonly queues: WorkQueue[];
  readonly handler: (event: WatchEvent) => void;
}

function fanOut(first: ControllerWatch, queue: WorkQueue): FanOut {
  const watches = [first];
  const queues = [queue];
  const handler = (event: WatchEvent): void => {
    for (let i = 0; i < watches.length; i++) {
      const keys = watches[i].map(event);
      if (keys === undefined || keys === null) continue;
      if (typeof keys === 'string') queues[i].add(keys);
      else for (const k of keys) queues[i].add(k);
    }
  };
  return { watches, queues, handler };
}

/** Queue key that only resumes a busy controller. */
const RESUME = '\u0000resume';

/** Runs registered controllers until the world is quiet at the current instant, then moves time. */
export class ControllerManager<C> {
  private readonly entries: { controller: Controller<C>; queue: WorkQueue; busyUntil: number }[] = [];
  private readonly byName = new Map<string, WorkQueue>();
  /** Keys waiting in all the queues. */
  private readonly waiting = { count: 0 };
  /** The store watcher registered last for each resource. */
  private readonly fanOuts = new Map<string, FanOut>();
  /** Safety net against controllers that wake each other forever within one instant. */
  maxReconcilesPerInstant = 50_000_000;
  reconcileCount = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly ctxFor: (controller: Controller<C>) => C,
  ) {}

  register(controller: Controller<C>): void {
    const queue = new WorkQueue(this.waiting);
    this.entries.push({ controller, queue, busyUntil: -Infinity });
    this.byName.set(controller.name, queue);
    for (const w of controller.watches) {
      const last = this.fanOuts.get(w.resource);
      if (last !== undefined && this.store.isLastWatcher(w.resource, last.handler)) {
        // Called right after the watches before it, as a watcher of its own registered now would be.
        last.watches.push(w);
        last.queues.push(queue);
        continue;
      }
      const fan = fanOut(w, queue);
      this.store.watch(w.resource, fan.handler);
      this.fanOuts.set(w.resource, fan);
    }
  }

  /** Adds a key to a controller's queue by name (timers and tests use it). */
  enqueue(name: string, key: string): void {
    const q = this.byName.get(name);
    if (!q) throw new Error(`no controller named ${name}`);
    q.add(key);
  }

  queueLength(name: string): number {
    return this.byName.get(name)?.length ?? 0;
  }

  /** Processes every queued key, in registration order, until all queues are empty. */
  runUntilIdle(): void {
    let budget = this.maxReconcilesPerInstant;
    for (;;) {
      // Nothing queued: the pass below would find nothing to do.
      if (this.waiting.count === 0) return;
      let worked = false;
      const now = this.clock.now();
      for (const entry of this.entries) {
        const { controller, queue } = entry;
        let n = queue.length;
        if (n === 0) continue;
        if (entry.busyUntil > now) {
          this.clock.wakeAt(controller.name, RESUME, entry.busyUntil);
          continue;
        }
        const ctx = this.ctxFor(controller);
        let cost = 0;
        while (n-- > 0) {
          const key = queue.pop()!;
          if (key === RESUME) continue;
          const spent = controller.reconcile(key, ctx);
          if (spent) cost += spent;
          this.reconcileCount++;
          worked = true;
          if (--budget <= 0) throw new Error(`controllers did not settle at one instant (last: ${controller.name} ${key})`);
        }
        if (cost > 0) entry.busyUntil = now + cost;
      }
      if (!worked) return;
    }
  }

  /** A due timer: its key joins its controller's queue. */
  private readonly fire = (target: string, key: string): void => {
    const q = this.byName.get(target);
    if (q) q.add(key);
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

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
  reconcile(key: string, ctx: C): void;
}

/** Runs registered controllers until the world is quiet at the current instant, then moves time. */
export class ControllerManager<C> {
  private readonly entries: { controller: Controller<C>; queue: WorkQueue }[] = [];
  private readonly byName = new Map<string, WorkQueue>();
  /** Safety net against controllers that wake each other forever within one instant. */
  maxReconcilesPerInstant = 50_000_000;
  reconcileCount = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly ctxFor: (controller: Controller<C>) => C,
  ) {}

  register(controller: Controller<C>): void {
    const queue = new WorkQueue();
    this.entries.push({ controller, queue });
    this.byName.set(controller.name, queue);
    for (const w of controller.watches) {
      this.store.watch(w.resource, (event) => {
        const keys = w.map(event);
        if (keys === undefined || keys === null) return;
        if (typeof keys === 'string') queue.add(keys);
        else for (const k of keys) queue.add(k);
      });
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
      let worked = false;
      for (const { controller, queue } of this.entries) {
        let n = queue.length;
        if (n === 0) continue;
        const ctx = this.ctxFor(controller);
        while (n-- > 0) {
          const key = queue.pop()!;
          controller.reconcile(key, ctx);
          this.reconcileCount++;
          worked = true;
          if (--budget <= 0) throw new Error(`controllers did not settle at one instant (last: ${controller.name} ${key})`);
        }
      }
      if (!worked) return;
    }
  }

  /** Fires due timers and reconciles until `target`; leaves the clock at `target`. */
  runUntil(target: number): void {
    this.runUntilIdle();
    for (;;) {
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > target) break;
      this.clock.setNow(next);
      for (const t of this.clock.popDue()) {
        const q = this.byName.get(t.target);
        if (q) q.add(t.key);
      }
      this.runUntilIdle();
    }
    this.clock.setNow(target);
  }
}

import type { K8sController } from '../controllers/context';
import { SCHEDULER_NAME, SchedulerCore, VOLUME_RESOURCES, WATCHED_OBJECTS } from './schedulerCore';
import { scheduleOne } from './scheduleOne';
import type { SchedulingDecision } from './types';

/** The default scheduler: its controller and its memory of decisions for the UI. */
export interface Scheduler {
  controller: K8sController;
  /** The last scheduling decision for a pod (full per-node detail for recent ones). */
  decision(namespace: string, name: string): SchedulingDecision | undefined;
}

export interface SchedulerOptions {
  /** Resources (besides pods and nodes) the API serves and the scheduler should watch. */
  watchedObjects?: readonly string[];
  /** How many recent decisions keep per-node detail. */
  fullDecisions?: number;
}

const CYCLE = 'cycle';

/**
 * Creates kube-scheduler (`default-scheduler`): watches pods and nodes into
 * its cache and queue, and runs one scheduling cycle per wake-up, each
 * costing virtual time (see `cycleCostMs`), so throughput is modelled.
 * @example cluster.register(createScheduler().controller)
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const core = new SchedulerCore(options.fullDecisions);
  const watched = options.watchedObjects ?? WATCHED_OBJECTS.filter((r) => r === 'namespaces' || r === 'services' || r === 'replicasets.apps');
  const map = (e: Parameters<K8sController['watches'][number]['map']>[0]) => (core.onEvent(e) ? CYCLE : undefined);
  const controller: K8sController = {
    name: SCHEDULER_NAME,
    watches: [{ resource: 'pods', map }, { resource: 'nodes', map }, ...watched.map((resource) => ({ resource, map })), ...VOLUME_RESOURCES.map((resource) => ({ resource, map }))],
    reconcile(_key, ctx) {
      if (!core.initialised) core.init(ctx.store, ctx.clock);
      const now = ctx.clock.now();
      // Why: cluster events since the last cycle may have made parked pods schedulable.
      core.applyClusterEvents();
      core.queue.flushBackoff(now);
      core.queue.flushLeftover(now);
      // Why: a cycle takes time; the scheduler is busy until the previous one is done.
      if (now < core.busyUntil) {
        ctx.wakeAt(CYCLE, core.busyUntil);
        return;
      }
      for (let q = core.queue.pop(); q; q = core.queue.pop()) {
        const cost = scheduleOne(core, ctx, q);
        if (cost === 0) continue;
        core.busyUntil = now + cost;
        ctx.wakeAt(CYCLE, core.busyUntil);
        return;
      }
      const next = core.queue.nextWakeAt(core.flushEpoch);
      if (next !== undefined) ctx.wakeAt(CYCLE, next);
    },
  };
  return {
    controller,
    decision: (namespace, name) => core.decisions.get(`${namespace}/${name}`),
  };
}

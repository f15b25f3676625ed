import { BY_SERVICE, getService, TASKS, type SwarmController } from '../context';
import { TASK_HISTORY_LIMIT } from '../defaults';
import { isTerminal, stateIndex, type SwarmTask } from '../types';

export const TASK_REAPER = 'task-reaper';

/**
 * SwarmKit's task reaper: deletes tasks whose desired state is REMOVE once
 * they stopped (scale-down, service removal), and keeps at most
 * `TASK_HISTORY_LIMIT` (5) tasks per slot — per node for global services —
 * deleting the oldest stopped ones first.
 */
export function createTaskReaper(historyLimit = TASK_HISTORY_LIMIT): SwarmController {
  return {
    name: TASK_REAPER,
    watches: [{ resource: TASKS, map: (e) => (e.type === 'DELETED' ? undefined : (e.object as SwarmTask).serviceId) }],
    reconcile(serviceId, ctx) {
      const tasks = ctx.store.listByIndex<SwarmTask>(TASKS, BY_SERVICE, serviceId);
      const serviceGone = !getService(ctx, serviceId);
      const slots = new Map<string, SwarmTask[]>();
      for (const t of tasks) {
        const stopped = isTerminal(t.status.state) || stateIndex(t.status.state) < stateIndex('assigned');
        if ((t.desiredState === 'remove' || serviceGone) && stopped) {
          ctx.store.remove(TASKS, t.id);
          continue;
        }
        const k = t.slot > 0 ? `s${t.slot}` : `n${t.nodeId}`;
        const list = slots.get(k);
        if (list) list.push(t);
        else slots.set(k, [t]);
      }
      for (const list of slots.values()) {
        if (list.length <= historyLimit) continue;
        list.sort((a, b) => a.status.timestamp - b.status.timestamp || a.seq - b.seq);
        let kept = list.length;
        for (const t of list) {
          if (stateIndex(t.desiredState) <= stateIndex('running') || stateIndex(t.status.state) <= stateIndex('running')) continue;
          ctx.store.remove(TASKS, t.id);
          if (--kept <= historyLimit) break;
        }
      }
    },
  };
}

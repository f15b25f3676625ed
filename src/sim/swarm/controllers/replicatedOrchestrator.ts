import { BY_NODE, getService, NODES, SERVICES, serviceTasks, setDesiredState, TASKS, type SwarmContext, type SwarmController } from '../context';
import { createTask } from '../newTask';
import { isTerminal, type SwarmNode, type SwarmService, type SwarmTask } from '../types';
import { restartTask } from './restartSupervisor';
import { runUpdater, updaterKey } from './updater';

export const REPLICATED_ORCHESTRATOR = 'replicated-orchestrator';

/** Runnable slots (a task desired ≤ RUNNING) and dead slots (every task stopped for good), as SwarmKit's `GetRunnableAndDeadSlots`. */
export function runnableAndDeadSlots(tasks: readonly SwarmTask[]): { runnable: Map<number, SwarmTask[]>; dead: Map<number, SwarmTask[]> } {
  const runnable = new Map<number, SwarmTask[]>();
  const dead = new Map<number, SwarmTask[]>();
  for (const t of tasks) if (t.desiredState === 'running' || t.desiredState === 'ready' || t.desiredState === 'new') push(runnable, t.slot, t);
  for (const t of tasks) if (!runnable.has(t.slot) && t.desiredState !== 'remove') push(dead, t.slot, t);
  return { runnable, dead };
}

function push(m: Map<number, SwarmTask[]>, k: number, t: SwarmTask): void {
  const list = m.get(k);
  if (list) list.push(t);
  else m.set(k, [t]);
}

/**
 * Which slots to drop on scale-down (SwarmKit's replicated `reconcile`):
 * non-running slots first, then the nth copies on the nodes that hold the
 * most copies, so the rest stays balanced.
 */
export function slotsToRemove(slots: readonly SwarmTask[][], keep: number): SwarmTask[][] {
  const running = (s: SwarmTask[]) => s.some((t) => t.status.state === 'running');
  const byRunning = [...slots].sort((a, b) => Number(running(b)) - Number(running(a)) || a[0].slot - b[0].slot);
  const perNode = new Map<string, number>();
  const indexed = byRunning.map((slot, order) => {
    if (slot.length === 1 && slot[0].nodeId !== '') {
      const n = (perNode.get(slot[0].nodeId) ?? 0) + 1;
      perNode.set(slot[0].nodeId, n);
      return { slot, index: n, order };
    }
    return { slot, index: -1, order };
  });
  // SwarmKit's slotsByIndex: -1 (unassigned) last, then by index.
  indexed.sort((a, b) => (a.index === -1 ? 1 : 0) - (b.index === -1 ? 1 : 0) || a.index - b.index || a.order - b.order);
  return indexed.slice(keep).map((x) => x.slot);
}

/**
 * The replicated orchestrator. `svc/<id>` (service events): add tasks for
 * missing slots, drop extra ones (desired state REMOVE), delete dead slots,
 * then hand the runnable slots to the updater. `task/<id>` (task events): a
 * task that stopped while meant to run goes to the restart supervisor.
 * `node/<id>`: tasks on a node that went down or was drained are restarted
 * elsewhere.
 */
export function createReplicatedOrchestrator(): SwarmController {
  return {
    name: REPLICATED_ORCHESTRATOR,
    watches: [
      { resource: SERVICES, map: (e) => `svc/${e.key}` },
      {
        resource: TASKS,
        map: (e) => {
          const t = e.object as SwarmTask;
          if (e.type === 'DELETED') return undefined;
          const keys: string[] = [];
          if ((t.desiredState === 'running' || t.desiredState === 'ready') && isTerminal(t.status.state)) keys.push(`task/${t.id}`);
          // A task changing state may let a rolling update go on.
          if (e.type === 'MODIFIED' && (e.old as SwarmTask).status.state !== t.status.state) keys.push(updaterKey(t.serviceId));
          return keys;
        },
      },
      {
        resource: NODES,
        map: (e) => {
          const n = e.object as SwarmNode;
          return n.status.state === 'down' || n.spec.availability === 'drain' || e.type === 'DELETED' ? `node/${n.id}` : undefined;
        },
      },
    ],
    reconcile(key, ctx) {
      const slash = key.indexOf('/');
      const kind = key.slice(0, slash);
      const id = key.slice(slash + 1);
      if (kind === 'svc') reconcileService(ctx, id);
      else if (kind === 'upd') {
        const svc = getService(ctx, id);
        if (svc && 'replicated' in svc.spec.mode) update(ctx, svc, [...runnableAndDeadSlots(serviceTasks(ctx, id)).runnable.values()]);
      } else if (kind === 'task') restartDeadTask(ctx, id);
      else if (kind === 'node') restartNodeTasks(ctx, id);
    },
  };
}

function reconcileService(ctx: SwarmContext, serviceId: string): void {
  const service = getService(ctx, serviceId);
  const tasks = serviceTasks(ctx, serviceId);
  if (!service) {
    // The service was removed: every task is to be removed (the reaper deletes them once stopped).
    for (const t of tasks) if (t.desiredState !== 'remove') setDesiredState(ctx, t, 'remove');
    return;
  }
  if (!('replicated' in service.spec.mode)) return;
  const wanted = service.spec.mode.replicated.replicas;
  const { runnable, dead } = runnableAndDeadSlots(tasks);
  const slots = [...runnable.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ts);
  if (wanted > slots.length) {
    update(ctx, service, slots);
    let slot = 0;
    for (let i = slots.length; i < wanted; i++) {
      do slot++;
      while (runnable.has(slot));
      dead.delete(slot);
      createTask(ctx, service, slot, '');
    }
    deleteSlots(ctx, [...dead.values()]);
  } else if (wanted < slots.length) {
    const drop = slotsToRemove(slots, wanted);
    const dropped = new Set(drop);
    update(ctx, service, slots.filter((s) => !dropped.has(s)));
    deleteSlots(ctx, [...dead.values()]);
    for (const slot of drop) for (const t of slot) setDesiredState(ctx, t, 'remove');
  } else {
    deleteSlots(ctx, [...dead.values()]);
    update(ctx, service, slots);
  }
}

function update(ctx: SwarmContext, service: SwarmService, slots: SwarmTask[][]): void {
  runUpdater(ctx, service, slots, (at) => ctx.wakeAt(REPLICATED_ORCHESTRATOR, updaterKey(service.id), at));
}

function deleteSlots(ctx: SwarmContext, slots: SwarmTask[][]): void {
  for (const slot of slots) for (const t of slot) ctx.store.remove(TASKS, t.id);
}

function restartDeadTask(ctx: SwarmContext, taskId: string): void {
  const t = ctx.store.get<SwarmTask>(TASKS, taskId);
  if (!t || !(t.desiredState === 'running' || t.desiredState === 'ready') || !isTerminal(t.status.state)) return;
  const service = getService(ctx, t.serviceId);
  if (!service) return;
  restartTask(ctx, service, t, serviceTasks(ctx, t.serviceId));
}

/** SwarmKit `restartTasksByNodeID` (node down) and the drain handling: live tasks on the node are replaced. */
function restartNodeTasks(ctx: SwarmContext, nodeId: string): void {
  const node = ctx.store.get<SwarmNode>(NODES, nodeId);
  if (node && node.status.state !== 'down' && node.spec.availability !== 'drain') return;
  for (const t of ctx.store.listByIndex<SwarmTask>(TASKS, BY_NODE, nodeId).sort((a, b) => a.seq - b.seq)) {
    if (t.desiredState !== 'running' && t.desiredState !== 'ready') continue;
    const service = getService(ctx, t.serviceId);
    if (!service || !('replicated' in service.spec.mode)) continue;
    restartTask(ctx, service, t, serviceTasks(ctx, t.serviceId));
  }
}

import { allNodes, BY_NODE, BY_STATE, NODES, setTaskState, TASKS, type SwarmContext, type SwarmController } from '../context';
import { eligibleNodes, pickWithPreferences, type NodeInfo } from '../scheduling';
import { isTerminal, type SwarmTask } from '../types';

export const SCHEDULER = 'scheduler';
const TICK = 'tick';

/** A task holds its node's resources from assignment until it stops. */
function holdsNode(t: SwarmTask): boolean {
  return t.nodeId !== '' && !isTerminal(t.status.state) && t.status.state !== 'pending' && t.desiredState !== 'remove' && t.desiredState !== 'shutdown';
}

/** Builds the scheduler's node view from the store (SwarmKit's `nodeSet`). */
export function nodeInfos(ctx: SwarmContext): NodeInfo[] {
  return allNodes(ctx.store).map((node) => {
    const tasksByService = new Map<string, number>();
    let total = 0;
    let cpu = node.description.resources.nanoCPUs;
    let mem = node.description.resources.memoryBytes;
    for (const t of ctx.store.listByIndex<SwarmTask>(TASKS, BY_NODE, node.id)) {
      if (!holdsNode(t)) continue;
      tasksByService.set(t.serviceId, (tasksByService.get(t.serviceId) ?? 0) + 1);
      total++;
      cpu -= t.spec.resources.reservations.nanoCPUs;
      mem -= t.spec.resources.reservations.memoryBytes;
    }
    return { node, tasksByService, total, available: { nanoCPUs: cpu, memoryBytes: mem } };
  });
}

/**
 * The scheduler: every PENDING task without a node is placed by the filter
 * pipeline and the spread strategy, one at a time in creation order so each
 * decision sees the ones before it; a task that fits nowhere stays PENDING
 * with SwarmKit's `no suitable node (…)` error and is retried when nodes or
 * tasks change. Global tasks come with their node and are only checked.
 */
export function createScheduler(): SwarmController {
  return {
    name: SCHEDULER,
    watches: [
      { resource: TASKS, map: (e) => ((e.object as SwarmTask).status.state === 'pending' || e.type !== 'ADDED' ? TICK : undefined) },
      { resource: NODES, map: () => TICK },
    ],
    reconcile(_key, ctx) {
      const pending = ctx.store
        .listByIndex<SwarmTask>(TASKS, BY_STATE, 'pending')
        .filter((t) => t.desiredState === 'running' || t.desiredState === 'ready')
        .sort((a, b) => a.seq - b.seq);
      if (pending.length === 0) return;
      const infos = nodeInfos(ctx);
      for (const t of pending) {
        const candidates = t.nodeId ? infos.filter((n) => n.node.id === t.nodeId) : infos;
        const hostPortFree = (task: SwarmTask, n: NodeInfo) =>
          !ctx.store.listByIndex<SwarmTask>(TASKS, BY_NODE, n.node.id).some((o) => holdsNode(o) && o.spec.ports.some((p) => p.publishMode === 'host' && task.spec.ports.some((q) => q.publishMode === 'host' && q.publishedPort === p.publishedPort && q.protocol === p.protocol)));
        const ok = eligibleNodes(t, candidates, hostPortFree);
        if (typeof ok === 'string') {
          if (t.status.err !== ok) setTaskState(ctx, t, 'pending', 'pending task scheduling', { err: ok });
          continue;
        }
        const chosen = pickWithPreferences(t, ok);
        const placed = setTaskState(ctx, { ...t, nodeId: chosen.node.id }, 'assigned', 'scheduler assigned task to node', { err: undefined });
        chosen.tasksByService.set(placed.serviceId, (chosen.tasksByService.get(placed.serviceId) ?? 0) + 1);
        chosen.total++;
        chosen.available.nanoCPUs -= placed.spec.resources.reservations.nanoCPUs;
        chosen.available.memoryBytes -= placed.spec.resources.reservations.memoryBytes;
      }
    },
  };
}

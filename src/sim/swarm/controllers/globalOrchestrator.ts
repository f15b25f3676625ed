import { allNodes, getService, NODES, SERVICES, serviceTasks, setDesiredState, TASKS, type SwarmContext, type SwarmController } from '../context';
import { nodeMatches, parseConstraints } from '../constraints';
import { createTask } from '../newTask';
import type { SwarmNode, SwarmService, SwarmTask } from '../types';
import { runUpdater, updaterKey } from './updater';

export const GLOBAL_ORCHESTRATOR = 'global-orchestrator';

/** A node a global service runs on: not down, not drained, and matching the placement constraints. */
function nodeFits(service: SwarmService, node: SwarmNode): boolean {
  if (node.status.state === 'down' || node.spec.availability === 'drain') return false;
  const c = parseConstraints(service.spec.placement.constraints);
  return typeof c === 'string' || nodeMatches(c, node);
}

const live = (t: SwarmTask) => t.desiredState === 'running' || t.desiredState === 'ready';

/**
 * The global orchestrator (SwarmKit `orchestrator/global`): one task of each
 * global service on every node that fits (a node that joins or becomes
 * active gets one; a paused node keeps its task but gets no new one; a
 * drained, down or no-longer-matching node's task is shut down), then the
 * rolling updater per node.
 */
export function createGlobalOrchestrator(): SwarmController {
  return {
    name: GLOBAL_ORCHESTRATOR,
    watches: [
      { resource: SERVICES, map: (e) => `svc/${e.key}` },
      { resource: NODES, map: () => 'nodes' },
      {
        resource: TASKS,
        map: (e) => (e.type === 'MODIFIED' && (e.old as SwarmTask).status.state !== (e.object as SwarmTask).status.state ? updaterKey((e.object as SwarmTask).serviceId) : undefined),
      },
    ],
    reconcile(key, ctx) {
      if (key === 'nodes') {
        for (const s of ctx.store.list<SwarmService>(SERVICES).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) if ('global' in s.spec.mode) reconcileGlobal(ctx, s.id);
        return;
      }
      const id = key.slice(key.indexOf('/') + 1);
      if (key.startsWith('upd/')) {
        const s = getService(ctx, id);
        if (s && 'global' in s.spec.mode) update(ctx, s);
        return;
      }
      reconcileGlobal(ctx, id);
    },
  };
}

function update(ctx: SwarmContext, service: SwarmService): void {
  const byNode = new Map<string, SwarmTask[]>();
  for (const t of serviceTasks(ctx, service.id)) {
    if (!live(t)) continue;
    const list = byNode.get(t.nodeId);
    if (list) list.push(t);
    else byNode.set(t.nodeId, [t]);
  }
  runUpdater(ctx, service, [...byNode.values()], (at) => ctx.wakeAt(GLOBAL_ORCHESTRATOR, updaterKey(service.id), at));
}

function reconcileGlobal(ctx: SwarmContext, serviceId: string): void {
  const service = getService(ctx, serviceId);
  if (!service || !('global' in service.spec.mode)) return;
  const tasks = serviceTasks(ctx, serviceId);
  const nodes = allNodes(ctx.store);
  const known = new Set(nodes.map((n) => n.id));
  for (const t of tasks) if (live(t) && !known.has(t.nodeId)) setDesiredState(ctx, t, 'shutdown');
  for (const node of nodes) {
    const mine = tasks.filter((t) => t.nodeId === node.id && live(t));
    if (!nodeFits(service, node)) {
      for (const t of mine) setDesiredState(ctx, t, 'shutdown');
      continue;
    }
    if (mine.length === 0 && node.spec.availability === 'active') createTask(ctx, service, 0, node.id);
  }
  update(ctx, service);
}

import { newId } from './ids';
import { NODES, TASKS, type SwarmContext } from './context';
import type { SwarmService, SwarmTask, TaskState } from './types';

/**
 * A new task for `service` (SwarmKit `orchestrator.NewTask`): state NEW,
 * desired state RUNNING (READY for a restart that waits out its delay),
 * in `slot` (replicated) or pinned to `nodeId` (global). Stored at once.
 */
export function createTask(ctx: SwarmContext, service: SwarmService, slot: number, nodeId: string, desiredState: TaskState = 'running', sim: SwarmTask['sim'] = {}): SwarmTask {
  const id = newId(ctx.rng);
  const now = ctx.clock.now();
  const task: SwarmTask = {
    metadata: { name: id },
    id,
    serviceId: service.id,
    slot,
    nodeId,
    specVersion: service.version,
    spec: service.spec,
    createdAt: now,
    seq: ctx.nextSeq(),
    desiredState,
    status: { state: 'new', timestamp: now, message: 'created' },
    sim,
  };
  ctx.store.put(TASKS, task);
  return task;
}

/** The display name of a task: `web.1`, or `web.<nodeID>` for global services. */
export function taskName(task: SwarmTask): string {
  return task.slot > 0 ? `${task.spec.name}.${task.slot}` : `${task.spec.name}.${task.nodeId}`;
}

export function nodeExists(ctx: SwarmContext, nodeId: string): boolean {
  return ctx.store.get(NODES, nodeId) !== undefined;
}

/** The part of a service spec a task is made from (SwarmKit's TaskTemplate plus the endpoint spec). */
function taskTemplate(spec: import('./types').ServiceSpec): string {
  const { image, args, env, healthcheck, placement, resources, restartPolicy, forceUpdate, ports, endpointMode } = spec;
  return JSON.stringify({ image, args, env, healthcheck, placement, resources, restartPolicy, forceUpdate, ports, endpointMode });
}

/**
 * SwarmKit `orchestrator.IsTaskDirty`: the task was made from a different
 * task template than the service's current one (replicas, update config,
 * name and labels do not count).
 */
export function isTaskDirty(service: SwarmService, task: SwarmTask): boolean {
  if (task.specVersion === service.version) return false;
  return taskTemplate(service.spec) !== taskTemplate(task.spec);
}

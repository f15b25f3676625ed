import { getNode, getService, setDesiredState, TASKS, type SwarmContext } from '../context';
import { createTask } from '../newTask';
import { isTerminal, type SwarmService, type SwarmTask } from '../types';

/** Controller name whose `start/<taskID>` keys move delayed restarts to RUNNING. */
export const RESTART_SUPERVISOR = 'restart-supervisor';

/**
 * SwarmKit's `Supervisor.ShouldRestart`: the restart condition, then
 * max_attempts within the window, counted over this slot's earlier tasks of
 * the same spec version (SwarmKit keeps that history in memory; here the
 * tasks themselves carry it).
 */
export function shouldRestart(ctx: SwarmContext, t: SwarmTask, history: readonly SwarmTask[]): boolean {
  const policy = t.spec.restartPolicy;
  if (policy.condition !== 'any' && (policy.condition !== 'on-failure' || t.status.state === 'complete')) return false;
  if (policy.maxAttempts === 0) return true;
  const restarts = history.filter((h) => h.sim.restartOf !== undefined && !h.sim.byUpdate && h.specVersion === t.specVersion && sameInstance(h, t));
  if (policy.window === 0) return restarts.length < policy.maxAttempts;
  const lookback = t.status.timestamp - policy.window;
  return restarts.filter((h) => h.createdAt > lookback && h.createdAt <= t.status.timestamp).length < policy.maxAttempts;
}

function sameInstance(a: SwarmTask, b: SwarmTask): boolean {
  return a.slot > 0 ? a.slot === b.slot : a.nodeId === b.nodeId;
}

/**
 * `Supervisor.Restart`: the old task's desired state becomes SHUTDOWN and,
 * if the policy allows, a replacement in the same slot (or on the same node
 * for global services) is created with desired state READY; it moves to
 * RUNNING after the restart delay (none on a drained node) and once the old
 * task has stopped.
 */
export function restartTask(ctx: SwarmContext, service: SwarmService, t: SwarmTask, history: readonly SwarmTask[]): void {
  if (t.desiredState !== 'running' && t.desiredState !== 'ready') return;
  const old = setDesiredState(ctx, t, 'shutdown');
  if (!shouldRestart(ctx, old, history)) return;
  const node = getNode(ctx, t.nodeId);
  const delay = node?.spec.availability === 'drain' ? 0 : t.spec.restartPolicy.delay;
  const global = 'global' in service.spec.mode;
  const replacement = createTask(ctx, service, global ? 0 : t.slot, global ? t.nodeId : '', 'ready', { restartAt: ctx.clock.now() + delay, restartOf: t.id });
  ctx.wakeAt(RESTART_SUPERVISOR, `start/${replacement.id}`, ctx.clock.now() + delay);
}

/**
 * `DelayStart` / `StartNow`: a replacement waiting in READY moves to
 * RUNNING once its delay is over and the task it replaces has stopped (or
 * that task's node is down).
 */
export function createRestartSupervisor(): import('../context').SwarmController {
  return {
    name: RESTART_SUPERVISOR,
    watches: [
      {
        resource: TASKS,
        map: (e) => {
          const t = e.object as SwarmTask;
          // The old task stopping may release a replacement waiting for it.
          if (e.type === 'MODIFIED' && isTerminal(t.status.state) && !isTerminal((e.old as SwarmTask).status.state)) return `replaced/${t.id}`;
          return undefined;
        },
      },
    ],
    reconcile(key, ctx) {
      if (key.startsWith('replaced/')) {
        const oldId = key.slice('replaced/'.length);
        const old = ctx.store.get<SwarmTask>(TASKS, oldId);
        if (!old) return;
        for (const t of ctx.store.listByIndex<SwarmTask>(TASKS, 'service', old.serviceId)) {
          if (t.sim.restartOf === oldId && t.desiredState === 'ready') ctx.wakeAt(RESTART_SUPERVISOR, `start/${t.id}`, t.sim.restartAt ?? ctx.clock.now());
        }
        return;
      }
      const id = key.slice('start/'.length);
      const t = ctx.store.get<SwarmTask>(TASKS, id);
      if (!t || t.desiredState !== 'ready') return;
      if ((t.sim.restartAt ?? 0) > ctx.clock.now()) {
        ctx.wakeAt(RESTART_SUPERVISOR, key, t.sim.restartAt!);
        return;
      }
      const old = t.sim.restartOf ? ctx.store.get<SwarmTask>(TASKS, t.sim.restartOf) : undefined;
      const oldNode = old ? getNode(ctx, old.nodeId) : undefined;
      if (old && !isTerminal(old.status.state) && oldNode?.status.state !== 'down') return;
      if (!getService(ctx, t.serviceId)) return;
      setDesiredState(ctx, t, 'running');
    },
  };
}

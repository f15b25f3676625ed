import { getService, SERVICES, setDesiredState, type SwarmContext } from '../context';
import { createTask, isTaskDirty } from '../newTask';
import { isTerminal, type SwarmService, type SwarmTask, type UpdateConfig } from '../types';
import { RESTART_SUPERVISOR } from './restartSupervisor';

/** The orchestrator key whose wake-ups re-run the updater of a service. */
export const updaterKey = (serviceId: string) => `upd/${serviceId}`;

const FAILED: ReadonlySet<string> = new Set(['failed', 'rejected', 'complete', 'orphaned']);

/**
 * SwarmKit's rolling updater (`orchestrator/update/updater.go`), level-
 * triggered: slots whose task was made from an older template are "dirty";
 * `parallelism` workers (0 = all at once) each replace one slot at a time —
 * stop-first (old task stopped, then the new one started) or start-first
 * (new one running, then the old one stopped) — and wait `delay` after each.
 * A new task failing (or exiting) before running or within `monitor` of
 * running counts as a failure; past `max_failure_ratio` the failure action
 * runs: pause, continue, or roll back to the previous spec. The update
 * completes `monitor` after the last slot is running.
 */
export function runUpdater(ctx: SwarmContext, service: SwarmService, slots: readonly SwarmTask[][], wake: (at: number) => void): void {
  const us = service.updateStatus;
  if (us && (us.state === 'paused' || us.state === 'rollback_paused')) return;
  const rollingBack = us?.state === 'rollback_started';
  const cfg: UpdateConfig = rollingBack ? service.spec.rollbackConfig : service.spec.updateConfig;
  const now = ctx.clock.now();
  const isDirty = (slot: SwarmTask[]) => slot.some((t) => isTaskDirty(service, t) && (t.desiredState === 'running' || t.desiredState === 'ready'));
  const fresh = (slot: SwarmTask[]) => slot.filter((t) => !isTaskDirty(service, t) && (t.desiredState === 'running' || t.desiredState === 'ready'));
  const dirty = slots.filter(isDirty);
  const inUpdate = us && (us.state === 'updating' || us.state === 'rollback_started');
  if (dirty.length === 0 && !inUpdate) return;

  let status = us;
  if (!inUpdate) {
    status = { state: 'updating', startedAt: now, message: 'update in progress', total: dirty.length };
    write(ctx, { ...service, updateStatus: status });
  }
  const startedAt = status!.startedAt;
  const total = status!.total ?? dirty.length;

  // Failures among the tasks this update created (restarts of them do not count, as in SwarmKit's updatedTasks).
  const failed = slots
    .flat()
    .concat(ctx.store.listByIndex<SwarmTask>('tasks', 'service', service.id))
    .filter((t, i, all) => all.findIndex((x) => x.id === t.id) === i)
    .filter((t) => t.sim.byUpdate && t.createdAt >= startedAt && !isTaskDirty(service, t) && FAILED.has(t.status.state) && t.desiredState !== 'remove' && failedEarly(t, cfg));
  if (failed.length > 0 && failed.length / Math.max(1, total) > cfg.maxFailureRatio && cfg.failureAction !== 'continue') {
    const culprit = failed.sort((a, b) => a.status.timestamp - b.status.timestamp)[0];
    onFailure(ctx, service, rollingBack, cfg, culprit.id);
    return;
  }

  // Start-first: once the new task runs, the old one in the slot stops.
  for (const slot of slots) {
    const running = fresh(slot).some((t) => t.status.state === 'running');
    if (!running) continue;
    for (const t of slot) if (isTaskDirty(service, t) && (t.desiredState === 'running' || t.desiredState === 'ready')) setDesiredState(ctx, t, 'shutdown');
  }

  // Workers busy: slots being replaced, plus workers waiting out `delay` after a slot came up.
  let busy = 0;
  let nextWake = Infinity;
  let lastRunning = startedAt;
  for (const slot of slots) {
    const f = fresh(slot).filter((t) => t.createdAt >= startedAt);
    if (f.length === 0) continue;
    const newest = f.sort((a, b) => b.seq - a.seq)[0];
    if (newest.status.state !== 'running') {
      if (!isTerminal(newest.status.state)) busy++;
      continue;
    }
    lastRunning = Math.max(lastRunning, newest.status.timestamp);
    if (cfg.delay > 0 && now < newest.status.timestamp + cfg.delay) {
      busy++;
      nextWake = Math.min(nextWake, newest.status.timestamp + cfg.delay);
    }
  }
  const queue = dirty.filter((slot) => fresh(slot).length === 0).sort((a, b) => a[0].slot - b[0].slot || a[0].nodeId.localeCompare(b[0].nodeId));
  const free = cfg.parallelism === 0 ? queue.length : Math.max(0, cfg.parallelism - busy);
  for (const slot of queue.slice(0, free)) replaceSlot(ctx, service, slot, cfg);

  if (queue.length === 0 && dirty.every((slot) => fresh(slot).some((t) => t.status.state === 'running'))) {
    const doneAt = lastRunning + cfg.monitor;
    if (now >= doneAt && busy === 0) {
      const current = getService(ctx, service.id)!;
      write(ctx, { ...current, updateStatus: { state: rollingBack ? 'rollback_completed' : 'completed', startedAt, completedAt: now, message: rollingBack ? 'rollback completed' : 'update completed' } });
      return;
    }
    if (doneAt > now) nextWake = Math.min(nextWake, doneAt);
  }
  if (nextWake !== Infinity && nextWake > now) wake(nextWake);
}

function failedEarly(t: SwarmTask, cfg: UpdateConfig): boolean {
  // Failed before running, or within the monitor period of starting to run.
  const ranAt = t.sim.ranAt;
  return ranAt === undefined || cfg.monitor === 0 || t.status.timestamp - ranAt <= cfg.monitor;
}

function replaceSlot(ctx: SwarmContext, service: SwarmService, slot: SwarmTask[], cfg: UpdateConfig): void {
  const old = slot.filter((t) => t.desiredState === 'running' || t.desiredState === 'ready').sort((a, b) => b.seq - a.seq)[0];
  const global = 'global' in service.spec.mode;
  const slotNo = global ? 0 : slot[0].slot;
  const nodeId = global ? slot[0].nodeId : '';
  if (cfg.order === 'start-first') {
    createTask(ctx, service, slotNo, nodeId, 'running', { byUpdate: true });
    return;
  }
  const next = createTask(ctx, service, slotNo, nodeId, 'ready', { restartAt: ctx.clock.now(), restartOf: old?.id, byUpdate: true });
  for (const t of slot) if (t.desiredState === 'running' || t.desiredState === 'ready') setDesiredState(ctx, t, 'shutdown');
  ctx.wakeAt(RESTART_SUPERVISOR, `start/${next.id}`, ctx.clock.now());
}

function onFailure(ctx: SwarmContext, service: SwarmService, rollingBack: boolean, cfg: UpdateConfig, taskId: string): void {
  const now = ctx.clock.now();
  const us = service.updateStatus!;
  if (rollingBack) {
    write(ctx, { ...service, updateStatus: { ...us, state: 'rollback_paused', message: `rollback paused due to failure or early termination of task ${taskId}` } });
    return;
  }
  if (cfg.failureAction === 'rollback' && service.previousSpec) {
    write(ctx, {
      ...service,
      version: service.version + 1,
      updatedAt: now,
      spec: service.previousSpec,
      previousSpec: service.spec,
      updateStatus: { state: 'rollback_started', startedAt: now, message: `update rolled back due to failure or early termination of task ${taskId}` },
    });
    return;
  }
  write(ctx, { ...service, updateStatus: { ...us, state: 'paused', message: `update paused due to failure or early termination of task ${taskId}` } });
}

function write(ctx: SwarmContext, service: SwarmService): void {
  ctx.store.put(SERVICES, service);
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_CONFIG } from './defaults';
import { replicas, testSwarm } from './testing';
import type { Swarm } from './swarm';
import type { UpdateConfig } from './types';

/** Samples the swarm every 100 ms for `ms`, calling `f` each time. */
function watchFor(s: Swarm, ms: number, f: () => void): void {
  for (let t = 0; t < ms; t += 100) {
    s.advance(100);
    f();
  }
}

function rollOut(order: UpdateConfig['order'], parallelism = 1, delay = 0) {
  const s = testSwarm();
  const v = s.svc('web', 'nginx:1.24', { ...replicas(4), updateConfig: { ...DEFAULT_UPDATE_CONFIG, order, parallelism, delay } });
  s.advance(10_000);
  s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'nginx:1.25' });
  let minRunning = Infinity;
  let maxInFlight = 0;
  const startedAt: number[] = [];
  watchFor(s, 90_000, () => {
    const tasks = s.tasks({ serviceId: v.id });
    const running = tasks.filter((t) => t.status.state === 'running').length;
    minRunning = Math.min(minRunning, running);
    const inFlight = tasks.filter((t) => t.spec.image === 'nginx:1.25' && t.status.state !== 'running').length;
    maxInFlight = Math.max(maxInFlight, inFlight);
    for (const t of tasks) if (t.spec.image === 'nginx:1.25' && t.status.state === 'running' && !startedAt.includes(t.status.timestamp)) startedAt.push(t.status.timestamp);
  });
  return { s, v, minRunning, maxInFlight, startedAt: startedAt.sort((a, b) => a - b) };
}

describe('rolling updates (update_config)', () => {
  it('stop-first, parallelism 1 (the defaults): one slot at a time, so 3 of 4 tasks keep running', () => {
    const { s, v, minRunning, maxInFlight } = rollOut('stop-first');
    expect(minRunning).toBe(3);
    expect(maxInFlight).toBe(1);
    expect(s.service(v.id)!.updateStatus).toMatchObject({ state: 'completed', message: 'update completed' });
    expect(s.live(v.id).map((t) => t.spec.image)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
  });

  it('start-first: the new task runs before the old one stops, so all 4 keep running', () => {
    const { minRunning } = rollOut('start-first');
    expect(minRunning).toBe(4);
  });

  it('parallelism 2 replaces two slots at once', () => {
    const { maxInFlight, minRunning } = rollOut('stop-first', 2);
    expect(maxInFlight).toBe(2);
    expect(minRunning).toBe(2);
  });

  it('waits update delay between slots (10 s)', () => {
    const { startedAt } = rollOut('stop-first', 1, 10_000);
    expect(startedAt).toHaveLength(4);
    for (let i = 1; i < startedAt.length; i++) expect(startedAt[i] - startedAt[i - 1]).toBeGreaterThanOrEqual(10_000);
  });

  it('completes only after the 5 s monitor period past the last new task running', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx:1.24');
    s.advance(10_000);
    s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'nginx:1.25' });
    let runningAt: number | undefined;
    let completedAt: number | undefined;
    watchFor(s, 30_000, () => {
      const t = s.live(v.id)[0];
      if (runningAt === undefined && t.status.state === 'running') runningAt = t.status.timestamp;
      if (completedAt === undefined && s.service(v.id)!.updateStatus?.state === 'completed') completedAt = s.service(v.id)!.updateStatus!.completedAt;
    });
    expect(completedAt! - runningAt!).toBe(5_000);
  });

  it('failure action pause: a new task that fails stops the update with SwarmKit\'s message', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(3));
    s.advance(10_000);
    s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'busybox', args: ['false'] });
    s.advance(30_000);
    const us = s.service(v.id)!.updateStatus!;
    expect(us.state).toBe('paused');
    expect(us.message).toMatch(/^update paused due to failure or early termination of task [0-9a-z]{25}$/);
    // Paused before every slot was replaced: an old task still runs.
    expect(s.live(v.id).filter((t) => t.spec.image === 'nginx' && t.status.state === 'running').length).toBeGreaterThan(0);
  });

  it('failure action rollback: the previous spec comes back and the update ends rollback_completed', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(3), updateConfig: { ...DEFAULT_UPDATE_CONFIG, failureAction: 'rollback' } });
    s.advance(10_000);
    s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'busybox', args: ['false'] });
    s.advance(60_000);
    const svc = s.service(v.id)!;
    expect(svc.spec.image).toBe('nginx');
    expect(svc.previousSpec?.image).toBe('busybox');
    expect(svc.updateStatus).toMatchObject({ state: 'rollback_completed', message: 'rollback completed' });
    expect(s.live(v.id).every((t) => t.spec.image === 'nginx' && t.status.state === 'running')).toBe(true);
  });

  it('max failure ratio 0.5 of 3 slots: one failed new task is tolerated, the second pauses the update', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(3), updateConfig: { ...DEFAULT_UPDATE_CONFIG, maxFailureRatio: 0.5 } });
    s.advance(10_000);
    s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'busybox', args: ['false'] });
    let failedAtPause = -1;
    watchFor(s, 60_000, () => {
      const failed = s.tasks({ serviceId: v.id }).filter((t) => t.sim.byUpdate && t.status.state === 'failed').length;
      if (failedAtPause < 0 && s.service(v.id)!.updateStatus!.state === 'paused') failedAtPause = failed;
    });
    expect(failedAtPause).toBe(2);
  });

  it('docker service rollback swaps the spec with the previous one', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx:1.24');
    s.advance(10_000);
    s.updateService(v.id, { ...s.service(v.id)!.spec, image: 'nginx:1.25' });
    s.advance(30_000);
    const r = s.rollbackService(v.id);
    expect(r.ok && r.value.updateStatus).toMatchObject({ state: 'rollback_started', message: 'manually requested rollback' });
    s.advance(30_000);
    expect(s.service(v.id)!.spec.image).toBe('nginx:1.24');
    expect(s.service(v.id)!.previousSpec!.image).toBe('nginx:1.25');
    expect(s.live(v.id)[0].spec.image).toBe('nginx:1.24');
    const none = testSwarm();
    const w = none.svc('w', 'nginx');
    expect(none.rollbackService(w.id)).toEqual({ ok: false, error: `Error response from daemon: rpc error: code = FailedPrecondition desc = service ${w.id} does not have a previous spec` });
  });

  it('a replicas-only change does not redeploy tasks (not dirty)', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(2));
    s.advance(10_000);
    const before = s.live(v.id).map((t) => t.id);
    s.updateService(v.id, { ...s.service(v.id)!.spec, mode: { replicated: { replicas: 3 } } });
    s.advance(10_000);
    expect(s.live(v.id).map((t) => t.id).slice(0, 2)).toEqual(before);
  });
});

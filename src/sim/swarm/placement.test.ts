import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY } from './defaults';
import { replicas, testSwarm } from './testing';

const host = (s: ReturnType<typeof testSwarm>, nodeId: string) => s.node(nodeId)!.description.hostname;
const placement = (constraints: string[] = [], preferences: string[] = [], maxReplicas = 0) => ({ placement: { constraints, preferences, maxReplicas } });

describe('scheduling and placement', () => {
  it('a constraint node.role==manager puts every replica on manager1', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(3), ...placement(['node.role==manager']) });
    expect(s.live(v.id).map((t) => host(s, t.nodeId))).toEqual(['manager1', 'manager1', 'manager1']);
  });

  it('an unsatisfiable constraint leaves tasks Pending with "no suitable node (scheduling constraints not satisfied on 3 nodes)"', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', placement(['node.labels.zone==mars']));
    s.advance(5_000);
    const [t] = s.live(v.id);
    expect(t.status.state).toBe('pending');
    expect(t.status.err).toBe('no suitable node (scheduling constraints not satisfied on 3 nodes)');
    // A node gaining the label lets the scheduler place it.
    s.updateNode(s.findNode('worker2')!.id, { labelAdd: { zone: 'mars' } });
    expect(host(s, s.live(v.id)[0].nodeId)).toBe('worker2');
  });

  it('max replicas per node 1 with 4 replicas on 3 nodes: one task stays Pending ("max replicas per node limit exceed")', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(4), ...placement([], [], 1) });
    s.advance(10_000);
    const pending = s.live(v.id).filter((t) => t.status.state === 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0].status.err).toBe('no suitable node (max replicas per node limit exceed)');
  });

  it('CPU reservations: 3 CPUs each fit once per 4-CPU node; the fourth is Pending ("insufficient resources on 3 nodes")', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(4), resources: { reservations: { nanoCPUs: 3e9, memoryBytes: 0 }, limits: { nanoCPUs: 0, memoryBytes: 0 } } });
    s.advance(10_000);
    expect(s.live(v.id).filter((t) => t.status.state === 'running')).toHaveLength(3);
    expect(s.live(v.id).find((t) => t.status.state === 'pending')!.status.err).toBe('no suitable node (insufficient resources on 3 nodes)');
  });

  it('placement preference spread=node.labels.zone divides tasks evenly across zones first (nodes without the label form their own group)', () => {
    const s = testSwarm();
    s.updateNode(s.findNode('manager1')!.id, { labelAdd: { zone: 'a' } });
    s.updateNode(s.findNode('worker1')!.id, { labelAdd: { zone: 'a' } });
    s.updateNode(s.findNode('worker2')!.id, { labelAdd: { zone: 'b' } });
    const v = s.svc('web', 'nginx', { ...replicas(4), ...placement([], ['spread=node.labels.zone']) });
    const byHost = s.live(v.id).map((t) => host(s, t.nodeId));
    expect(byHost.filter((h) => h === 'worker2')).toHaveLength(2);
    expect(byHost.filter((h) => h !== 'worker2')).toHaveLength(2);
  });

  it('a paused node keeps its tasks but gets no new ones', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(3));
    s.advance(10_000);
    const w1 = s.findNode('worker1')!.id;
    s.updateNode(w1, { availability: 'pause' });
    s.advance(10_000);
    expect(s.live(v.id).filter((t) => t.nodeId === w1)).toHaveLength(1);
    s.updateService(v.id, { ...s.service(v.id)!.spec, mode: { replicated: { replicas: 6 } } });
    expect(s.live(v.id).filter((t) => t.nodeId === w1)).toHaveLength(1);
  });
});

describe('global services', () => {
  it('run one task on every node, named after the node; draining a node shuts its task down', () => {
    const s = testSwarm();
    const g = s.svc('agent', 'redis', { mode: { global: {} } });
    s.advance(10_000);
    expect(s.live(g.id).map((t) => host(s, t.nodeId)).sort()).toEqual(['manager1', 'worker1', 'worker2']);
    expect(s.live(g.id).every((t) => t.slot === 0 && t.status.state === 'running')).toBe(true);
    const w2 = s.findNode('worker2')!.id;
    s.updateNode(w2, { availability: 'drain' });
    s.advance(5_000);
    expect(s.live(g.id).map((t) => host(s, t.nodeId)).sort()).toEqual(['manager1', 'worker1']);
    s.updateNode(w2, { availability: 'active' });
    expect(s.live(g.id)).toHaveLength(3);
  });

  it('honour constraints: node.role==worker leaves the manager out', () => {
    const s = testSwarm();
    const g = s.svc('agent', 'redis', { mode: { global: {} }, ...placement(['node.role==worker']) });
    expect(s.live(g.id).map((t) => host(s, t.nodeId)).sort()).toEqual(['worker1', 'worker2']);
  });
});

describe('restart policy', () => {
  const exitsWith = (code: number) => (code === 0 ? [] : ['false']);

  it('condition any restarts a task that exits 0 or fails, 5 s after it stopped', () => {
    const s = testSwarm();
    const v = s.svc('job', 'alpine', { args: exitsWith(1) });
    s.advance(6_000);
    const [failed, next] = s.tasks({ serviceId: v.id });
    expect(failed.status.state).toBe('failed');
    expect(next.sim.restartAt! - failed.status.timestamp).toBe(5_000);
  });

  it('condition on-failure does not restart a task that completed', () => {
    const s = testSwarm();
    const v = s.svc('job', 'alpine', { restartPolicy: { ...DEFAULT_RESTART_POLICY, condition: 'on-failure' } });
    s.advance(30_000);
    expect(s.tasks({ serviceId: v.id }).map((t) => `${t.status.state}/${t.desiredState}`)).toEqual(['complete/shutdown']);
  });

  it('max attempts 2: the first task and two restarts, then the slot stays down', () => {
    const s = testSwarm();
    const v = s.svc('job', 'alpine', { args: ['false'], restartPolicy: { ...DEFAULT_RESTART_POLICY, maxAttempts: 2 } });
    s.advance(120_000);
    const tasks = s.tasks({ serviceId: v.id });
    expect(tasks).toHaveLength(3);
    expect(tasks.every((t) => t.status.state === 'failed' && t.desiredState === 'shutdown')).toBe(true);
  });

  it('max attempts within a window: restarts older than the window no longer count', () => {
    const s = testSwarm();
    // Fails after ~10 s of running; 1 attempt per 12 s window: each restart's predecessor is outside the window.
    const v = s.svc('job', 'alpine', { args: ['sh', '-c', 'sleep 10'], restartPolicy: { ...DEFAULT_RESTART_POLICY, condition: 'any', maxAttempts: 1, window: 12_000 } });
    s.advance(120_000);
    expect(s.tasks({ serviceId: v.id }).length).toBeGreaterThan(3);
  });

  it('a HEALTHCHECK keeps the task Starting until healthy (first probe after the interval)', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { healthcheck: { test: ['CMD-SHELL', 'curl -f http://localhost/'], interval: 10_000, timeout: 0, startPeriod: 0, retries: 3 } });
    s.advance(8_000);
    expect(s.live(v.id)[0].status.state).toBe('starting');
    s.advance(10_000);
    expect(s.live(v.id)[0].status).toMatchObject({ state: 'running', health: 'healthy' });
  });

  it('an unhealthy container (retries failed probes) fails with "dockerexec: unhealthy container" and is replaced', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { healthcheck: { test: ['CMD-SHELL', 'exit 1'], interval: 5_000, timeout: 0, startPeriod: 0, retries: 3 } });
    s.advance(20_000);
    const [first, second] = s.tasks({ serviceId: v.id });
    expect(first.status).toMatchObject({ state: 'failed', err: 'task: non-zero exit (137): dockerexec: unhealthy container' });
    expect(second.slot).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { createSwarm, defaultServiceSpec, type ServiceSpec, type Swarm } from '../../sim/swarm/index';
import { buildSwarmView, ENDED_LINGER_MS, taskLook, type SwarmSource } from './swarmModel';

function swarmWith(name: string, patch: Partial<ServiceSpec> = {}): Swarm {
  const swarm = createSwarm({ seed: 1 });
  const r = swarm.createService({ ...defaultServiceSpec(name, 'nginx'), ...patch });
  if (!r.ok) throw new Error(r.error);
  return swarm;
}

function sourceOf(swarm: Swarm): SwarmSource {
  return { nodes: swarm.nodes(), services: swarm.services(), tasks: swarm.tasks(), stoppedNodes: swarm.nodes().filter((n) => swarm.isNodeStopped(n.id)).map((n) => n.id), hasLeader: swarm.hasLeader() };
}

const view = (swarm: Swarm) => buildSwarmView(sourceOf(swarm), swarm.now());
const node = (swarm: Swarm, host: string) => view(swarm).nodes.find((n) => n.hostname === host)!;
const replicas = (n: number): Partial<ServiceSpec> => ({ mode: { replicated: { replicas: n } }, ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });

describe('the Swarm view model', () => {
  it('draws managers and workers with their role, Raft status, state and availability', () => {
    const swarm = createSwarm({ seed: 1 });
    const nodes = view(swarm).nodes;
    expect(nodes.map((n) => [n.hostname, n.role, n.managerStatus, n.status, n.availability])).toEqual([
      ['manager1', 'manager', 'Leader', 'Ready', 'Active'],
      ['worker1', 'worker', undefined, 'Ready', 'Active'],
      ['worker2', 'worker', undefined, 'Ready', 'Active'],
    ]);
    expect(nodes[0].label).toMatch(/^manager1, manager \(Leader\), Ready, Active/);
    expect(nodes[0].cpu.capacity).toBe(4e9);
  });

  it('a replicated service spreads its running tasks over the nodes, named service.slot', () => {
    const swarm = swarmWith('web', replicas(3));
    swarm.advance(30_000);
    const v = view(swarm);
    expect(v.nodes.map((n) => n.tasks.length)).toEqual([1, 1, 1]);
    const names = v.nodes.flatMap((n) => n.tasks.map((t) => t.name)).sort();
    expect(names).toEqual(['web.1', 'web.2', 'web.3']);
    expect(v.nodes.flatMap((n) => n.tasks.map((t) => t.look))).toEqual(['ready', 'ready', 'ready']);
    expect(v.nodes[1].tasks[0].label).toMatch(/^web\.\d, running \(running and ready\) on worker1$/);
    expect(v.services[0]).toMatchObject({ name: 'web', mode: 'replicated', running: 3, desired: 3, image: 'nginx', ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }] });
  });

  it('a starting task fills its outline state by state, then turns ready', () => {
    const swarm = swarmWith('web', replicas(1));
    const seen = new Map<string, number>();
    for (let t = 0; t < 20_000; t += 100) {
      const task = view(swarm).nodes.flatMap((n) => n.tasks)[0];
      if (task) seen.set(`${task.state}:${task.look}`, task.progress);
      swarm.advance(100);
    }
    expect(seen.get('preparing:creating')).toBe(0.5);
    expect(seen.get('running:ready')).toBe(1);
  });

  it('a global service has one task per node, named after the node', () => {
    const swarm = swarmWith('agent', { mode: { global: {} } });
    swarm.advance(30_000);
    const v = view(swarm);
    for (const n of v.nodes) expect(n.tasks.map((t) => t.name)).toEqual([`agent.${n.key}`]);
    expect(v.services[0]).toMatchObject({ mode: 'global', running: 3, desired: 3 });
  });

  it('reserves CPU and memory on the node a task runs on', () => {
    const swarm = swarmWith('db', { ...replicas(1), resources: { reservations: { nanoCPUs: 1.5e9, memoryBytes: 2 * 1024 ** 3 }, limits: { nanoCPUs: 0, memoryBytes: 0 } } });
    swarm.advance(30_000);
    const holder = view(swarm).nodes.find((n) => n.tasks.length > 0)!;
    expect(holder.cpu.reserved).toBe(1.5e9);
    expect(holder.memory.reserved).toBe(2 * 1024 ** 3);
  });

  it('a task of a drained node leaves its node box, and its replacement runs on another node', () => {
    const swarm = swarmWith('web', replicas(3));
    swarm.advance(30_000);
    const worker2 = swarm.findNode('worker2')!;
    swarm.updateNode(worker2.id, { availability: 'drain' });
    swarm.advance(1000);
    expect(node(swarm, 'worker2').availability).toBe('Drain');
    // Shut down: drawn a moment as ending, then gone.
    expect(node(swarm, 'worker2').tasks.every((t) => t.ended || t.look === 'terminating')).toBe(true);
    swarm.advance(ENDED_LINGER_MS + 30_000);
    expect(node(swarm, 'worker2').tasks).toEqual([]);
    expect(view(swarm).nodes.flatMap((n) => n.tasks).filter((t) => t.look === 'ready')).toHaveLength(3);
  });

  it('a failed task shows red a moment before it fades, while a new task takes its slot', () => {
    const swarm = createSwarm({ seed: 1 });
    swarm.createService({ ...defaultServiceSpec('bad', 'alpine'), args: ['false'], command: ['false'] });
    let sawCrash = false;
    for (let t = 0; t < 30_000; t += 250) {
      swarm.advance(250);
      if (view(swarm).nodes.some((n) => n.tasks.some((x) => x.look === 'crash' && x.state === 'failed'))) sawCrash = true;
    }
    expect(sawCrash).toBe(true);
    const all = view(swarm).nodes.flatMap((n) => n.tasks);
    // History stays out of the drawing: only the last few seconds' ended tasks.
    expect(all.filter((t) => t.ended).length).toBeLessThanOrEqual(2);
  });

  it('tasks of a node that went Down are drawn unknown until they are replaced', () => {
    const swarm = swarmWith('web', replicas(3));
    swarm.advance(30_000);
    const worker1 = swarm.findNode('worker1')!;
    swarm.stopNode(worker1.id);
    swarm.advance(1000);
    expect(node(swarm, 'worker1')).toMatchObject({ stopped: true, status: 'Ready' });
    swarm.advance(20_000);
    expect(node(swarm, 'worker1').status).toBe('Down');
    swarm.advance(60_000);
    // The managers cannot hear from it: its task stays, as `docker service ps` lists it (Shutdown / Running), drawn unknown.
    expect(node(swarm, 'worker1').tasks.map((t) => t.look)).toEqual(['unknown']);
    expect(node(swarm, 'worker1').activeTasks).toBe(0);
    const running = view(swarm).nodes.flatMap((n) => n.tasks.filter((t) => t.look === 'ready').map(() => n.hostname));
    expect(running).toHaveLength(3);
    expect(running).not.toContain('worker1');
  });

  it('a rolling update reports its state, order and how many tasks run the new spec', () => {
    const swarm = swarmWith('web', replicas(3));
    swarm.advance(30_000);
    const svc = swarm.findService('web')!;
    swarm.updateService(svc.id, { ...svc.spec, image: 'nginx:1.27' });
    swarm.advance(100);
    const during = view(swarm).services[0].update!;
    expect(during).toMatchObject({ state: 'updating', total: 3, order: 'stop-first', parallelism: 1 });
    expect(during.updated).toBeLessThan(3);
    expect(view(swarm).nodes.flatMap((n) => n.tasks).some((t) => t.outdated)).toBe(true);
    swarm.advance(120_000);
    expect(view(swarm).services[0].update).toMatchObject({ state: 'completed', updated: 3, total: 3 });
  });

  it('says when the swarm has lost quorum', () => {
    const swarm = createSwarm({ seed: 1, nodes: [
      { hostname: 'manager1', role: 'manager' },
      { hostname: 'manager2', role: 'manager' },
      { hostname: 'manager3', role: 'manager' },
    ] });
    expect(view(swarm).quorum).toEqual({ hasLeader: true, managers: 3, reachable: 3, needed: 2 });
    swarm.stopNode(swarm.findNode('manager2')!.id);
    swarm.stopNode(swarm.findNode('manager3')!.id);
    swarm.advance(60_000);
    expect(view(swarm).quorum).toMatchObject({ hasLeader: false, reachable: 1, needed: 2 });
  });

  it('maps Swarm task states onto the pods\' looks', () => {
    const task = (state: string, desired = 'running', extra: object = {}) => ({ status: { state, timestamp: 0, message: '', ...extra }, desiredState: desired }) as never;
    expect(taskLook(task('pending'), false)).toBe('pending');
    expect(taskLook(task('preparing'), false)).toBe('creating');
    expect(taskLook(task('starting', 'running', { health: 'starting' }), false)).toBe('notReady');
    expect(taskLook(task('running'), false)).toBe('ready');
    expect(taskLook(task('running', 'shutdown'), false)).toBe('terminating');
    expect(taskLook(task('running'), true)).toBe('unknown');
    expect(taskLook(task('failed', 'shutdown'), false)).toBe('crash');
    expect(taskLook(task('rejected', 'shutdown', { err: 'No such image: nginx:nope' }), false)).toBe('imagePull');
    expect(taskLook(task('complete', 'shutdown'), false)).toBe('completed');
    expect(taskLook(task('shutdown', 'shutdown'), false)).toBe('terminating');
  });
});

import { describe, expect, it } from 'vitest';
import { createSwarm, defaultServiceSpec, type ServiceSpec, type Swarm } from './index';

function svc(name: string, image: string, patch: Partial<ServiceSpec> = {}): ServiceSpec {
  return { ...defaultServiceSpec(name, image), ...patch };
}

function create(s: Swarm, spec: ServiceSpec) {
  const r = s.createService(spec);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const states = (s: Swarm, id: string) => s.tasks({ serviceId: id }).map((t) => `${t.slot}:${t.status.state}/${t.desiredState}`);

describe('swarm engine', () => {
  it('boots the tutorial swarm: manager1 (Leader), worker1, worker2 with 4 CPU and 8 GiB, IDs of 25 lowercase alphanumerics', () => {
    const s = createSwarm({ seed: 1 });
    const nodes = s.nodes();
    expect(nodes.map((n) => [n.description.hostname, n.spec.role, n.managerStatus?.leader ?? null])).toEqual([
      ['manager1', 'manager', true],
      ['worker1', 'worker', null],
      ['worker2', 'worker', null],
    ]);
    for (const n of nodes) {
      expect(n.id).toMatch(/^[0-9a-z]{25}$/);
      expect(n.description.resources).toEqual({ nanoCPUs: 4e9, memoryBytes: 8 * 1024 ** 3 });
      expect(n.status.state).toBe('ready');
      expect(n.spec.availability).toBe('active');
    }
    expect(s.localNodeId()).toBe(nodes[0].id);
  });

  it('is deterministic: the same seed gives the same IDs and timings', () => {
    const run = () => {
      const s = createSwarm({ seed: 7 });
      const v = create(s, svc('web', 'nginx', { mode: { replicated: { replicas: 3 } } }));
      s.advance(10_000);
      return JSON.stringify([s.nodes(), s.tasks({ serviceId: v.id })]);
    };
    expect(run()).toBe(run());
  });

  it('moves a task through new, pending, assigned, accepted, preparing, ready, starting to running', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('web', 'nginx'));
    const seen: string[] = [];
    s.watch((e) => {
      const st = (e.object as { status?: { state?: string } }).status?.state;
      if (e.resource === 'tasks' && st && seen[seen.length - 1] !== st) seen.push(st);
    });
    expect(s.tasks({ serviceId: v.id })[0].status.state).toBe('assigned');
    s.advance(10_000);
    expect(seen).toEqual(['accepted', 'preparing', 'ready', 'starting', 'running']);
  });

  it('spreads replicas: 3 replicas land one per node, 6 land two per node', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('web', 'nginx', { mode: { replicated: { replicas: 6 } } }));
    const perNode = new Map<string, number>();
    for (const t of s.tasks({ serviceId: v.id })) perNode.set(t.nodeId, (perNode.get(t.nodeId) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
  });

  it('scales up into the lowest free slots and down by removing tasks (desired Remove, then deleted)', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('web', 'nginx', { mode: { replicated: { replicas: 2 } } }));
    s.advance(10_000);
    s.updateService(v.id, { ...v.spec, mode: { replicated: { replicas: 4 } } });
    s.advance(10_000);
    expect(states(s, v.id)).toEqual(['1:running/running', '2:running/running', '3:running/running', '4:running/running']);
    const now = s.service(v.id)!;
    s.updateService(v.id, { ...now.spec, mode: { replicated: { replicas: 1 } } });
    expect(s.tasks({ serviceId: v.id }).filter((t) => t.desiredState === 'remove')).toHaveLength(3);
    s.advance(5_000);
    expect(s.tasks({ serviceId: v.id })).toHaveLength(1);
  });

  it('restarts a task that exits (restart condition any) after the 5 s restart delay, in the same slot', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('once', 'alpine'));
    s.advance(8_000);
    const [first, second] = s.tasks({ serviceId: v.id });
    expect(first.status.state).toBe('complete');
    expect(first.desiredState).toBe('shutdown');
    expect(second.slot).toBe(1);
    expect(second.desiredState).toBe('ready');
    expect(second.sim.restartAt).toBe(first.status.timestamp + 5_000);
    s.advanceTo(second.sim.restartAt!);
    expect(s.task(second.id)!.desiredState).toBe('running');
  });

  it('keeps at most 5 tasks per slot (task history limit)', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('crash', 'alpine', { args: ['false'] }));
    s.advance(120_000);
    const tasks = s.tasks({ serviceId: v.id });
    expect(tasks.length).toBe(5);
    expect(tasks.filter((t) => t.status.state === 'failed').every((t) => t.status.err === 'task: non-zero exit (1)')).toBe(true);
  });

  it('removing a service shuts its tasks down and deletes them', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('web', 'nginx', { mode: { replicated: { replicas: 3 } } }));
    s.advance(10_000);
    s.removeService(v.id);
    expect(s.tasks({ serviceId: v.id }).every((t) => t.desiredState === 'remove')).toBe(true);
    s.advance(5_000);
    expect(s.tasks({ serviceId: v.id })).toHaveLength(0);
  });

  it('refuses a second service with the same name, as the daemon words it', () => {
    const s = createSwarm({ seed: 1 });
    create(s, svc('web', 'nginx'));
    const r = s.createService(svc('web', 'nginx'));
    expect(r).toEqual({ ok: false, error: 'Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists' });
  });

  it('drained nodes lose their tasks to active nodes; paused nodes keep theirs but get no new ones', () => {
    const s = createSwarm({ seed: 1 });
    const v = create(s, svc('web', 'nginx', { mode: { replicated: { replicas: 3 } } }));
    s.advance(10_000);
    const w1 = s.findNode('worker1')!;
    s.updateNode(w1.id, { availability: 'drain' });
    s.advance(10_000);
    const live = s.tasks({ serviceId: v.id }).filter((t) => t.desiredState === 'running');
    expect(live).toHaveLength(3);
    expect(live.some((t) => t.nodeId === w1.id)).toBe(false);
    expect(s.tasks({ nodeId: w1.id }).every((t) => t.status.state === 'shutdown')).toBe(true);
  });
});

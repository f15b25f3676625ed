import { describe, expect, it } from 'vitest';
import { createSwarm, defaultServiceSpec } from './index';

describe('a machine added beside the swarm (kubeplay machine add)', () => {
  it('is outside the swarm until it joins; then it is a Ready worker at the next address and gets a task of every global service', () => {
    const s = createSwarm({ seed: 3 });
    const agent = s.createService({ ...defaultServiceSpec('node-agent', 'nginx'), mode: { global: {} } });
    if (!agent.ok) throw new Error(agent.error);
    s.advance(10_000);
    const r = s.membership.provision();
    expect(r).toEqual({ ok: true, value: 'worker3' });
    expect(s.membership.outside()).toEqual(['worker3']);
    expect(s.nodes().map((n) => n.description.hostname)).toEqual(['manager1', 'worker1', 'worker2']);
    const joined = s.membership.join('worker3', 'worker');
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.value).toMatchObject({ description: { hostname: 'worker3' }, spec: { role: 'worker', availability: 'active' }, status: { state: 'ready', addr: '192.168.99.103' } });
    expect(s.membership.outside()).toEqual([]);
    s.advance(10_000);
    const running = s.tasks({ serviceId: agent.value.id }).filter((t) => t.desiredState === 'running' && t.status.state === 'running');
    expect(running.map((t) => s.node(t.nodeId!)?.description.hostname).sort()).toEqual(['manager1', 'worker1', 'worker2', 'worker3']);
  });

  it('takes a name of its own, refuses one in use or invalid, and stops at nine machines', () => {
    const s = createSwarm({ seed: 3 });
    expect(s.membership.provision('db1')).toEqual({ ok: true, value: 'db1' });
    expect(s.membership.provision('db1')).toEqual({ ok: false, error: 'machine "db1" already exists' });
    expect(s.membership.provision('worker1')).toEqual({ ok: false, error: 'machine "worker1" already exists' });
    expect(s.membership.provision('Db_1').ok).toBe(false);
    // worker3 is the first free workerN; db1 counts as a machine.
    for (let i = 0; i < 5; i++) expect(s.membership.provision().ok).toBe(true);
    expect(s.membership.outside()).toEqual(['db1', 'worker3', 'worker4', 'worker5', 'worker6', 'worker7']);
    expect(s.membership.provision()).toEqual({ ok: false, error: 'the playground runs at most 9 machines beside the cluster' });
  });
});

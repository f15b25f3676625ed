import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';

describe('traffic facts of the swarm beside the cluster', () => {
  it('kubeplay traffic to a swarm service publishes its requests through the routing mesh: per task and per entry node', async () => {
    const store = await realStore({});
    store.getState().setViewMode('side-by-side');
    store.getState().runCommand('docker service create --detach --name web --replicas 2 -p 8080:80 nginx');
    store.getState().setSpeed(10);
    for (let i = 0; i < 30; i++) store.frame(100);
    store.getState().runCommand('kubeplay traffic web --rps 6 --for 20s');
    for (let i = 0; i < 10; i++) store.frame(100);
    const facts = store.getState().traffic;
    expect(facts.services).toEqual([]);
    const [web] = facts.swarm ?? [];
    const swarm = store.getState().swarm!;
    expect(web.serviceId).toBe(swarm.services.find((s) => s.spec.name === 'web')!.id);
    expect(web.rps).toBe(6);
    expect(web.byTask).toHaveLength(2);
    expect(web.byEntry.map((e) => swarm.nodes.find((n) => n.id === e.node)!.description.hostname).sort()).toEqual(['manager1', 'worker1', 'worker2']);
    expect(web.failed).toEqual([]);
    // When the requests stop, the facts empty out again.
    for (let i = 0; i < 40; i++) store.frame(100);
    expect(store.getState().traffic.swarm).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createSwarm, defaultServiceSpec } from '../../sim/swarm/index';
import { buildSwarmView } from './swarmModel';
import { layoutSwarm } from './swarmLayout';
import { swarmTrafficFlows, swarmTrafficScene } from './swarmTraffic';

function webLayout() {
  const swarm = createSwarm({ seed: 1 });
  const r = swarm.createService({ ...defaultServiceSpec('web', 'nginx'), mode: { replicated: { replicas: 3 } }, ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });
  if (!r.ok) throw new Error(r.error);
  swarm.advance(30_000);
  const layout = layoutSwarm(buildSwarmView({ nodes: swarm.nodes(), services: swarm.services(), tasks: swarm.tasks(), stoppedNodes: [], hasLeader: true }, swarm.now()), 900);
  const service = swarm.services()[0].id;
  const tasks = layout.tasks.map((t) => t.task.key);
  return { layout, service, tasks };
}

describe('requests through the routing mesh, as particle paths', () => {
  it('a request answered by task X travels the mesh line to X: from the mesh bar, through the elbow, to the task', () => {
    const { layout, service, tasks } = webLayout();
    const [x] = tasks;
    const flows = swarmTrafficFlows([{ serviceId: service, requests: 10, rps: 5, byTask: [{ task: x, requests: 10 }], failed: [] }]);
    const scene = swarmTrafficScene(layout, flows, 1, false);
    expect(scene.links.map((l) => l.key)).toEqual([`task:${x}`]);
    const [link] = scene.links;
    const line = layout.meshLinks.find((l) => l.key === `task:${x}`)!;
    expect(link).toMatchObject({ service, podKey: x, ready: true });
    const c = link.curve!;
    expect([c[0], c[1]]).toEqual([line.points[0].x, line.points[0].y]);
    expect([c[6], c[7]]).toEqual([line.points[2].x, line.points[2].y]);
    expect(c[1]).toBe(layout.mesh!.box.y + layout.mesh!.box.height);
    expect(scene.flows[0].pods).toEqual([{ key: x, rps: 5, share: 1 }]);
  });

  it('splits the rate over the tasks that answered, as their counts say', () => {
    const { layout, service, tasks } = webLayout();
    const flows = swarmTrafficFlows([{ serviceId: service, requests: 30, rps: 10, byTask: [{ task: tasks[0], requests: 20 }, { task: tasks[1], requests: 10 }], failed: [] }]);
    const [a, b] = flows[0].pods.map((p) => p.rps);
    expect(a).toBeCloseTo(20 / 3);
    expect(b).toBeCloseTo(10 / 3);
    expect(swarmTrafficScene(layout, flows, 1, false).links).toHaveLength(2);
  });

  it('failed requests (no running task, a powered-off entry node) fall from the mesh bar, as refused ones fall from a Service card', () => {
    const { layout, service } = webLayout();
    const flows = swarmTrafficFlows([{ serviceId: service, requests: 10, rps: 5, byTask: [], failed: [{ error: 'connection refused', requests: 10 }] }]);
    const scene = swarmTrafficScene(layout, flows, 1, false);
    expect(flows[0].failedRps).toBe(5);
    expect(scene.links).toEqual([]);
    expect(scene.services.get(service)).toEqual(layout.mesh!.box);
  });

  it('a task that answered but has no mesh line any more (it stopped) carries no particles', () => {
    const { layout, service } = webLayout();
    const flows = swarmTrafficFlows([{ serviceId: service, requests: 4, rps: 2, byTask: [{ task: 'gone', requests: 4 }], failed: [] }]);
    expect(swarmTrafficScene(layout, flows, 1, false).links).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { layoutCluster } from '../layout/clusterLayout';
import type { ClusterView } from '../model/clusterView';
import { nodeView } from '../model/views.testkit';
import type { ServiceView } from '../model/workloads';
import { trafficScene } from './trafficParticles';

const view: ClusterView = { nodes: [nodeView('worker-1', 200), nodeView('worker-2', 200)], unscheduled: [], podTotal: 400 };
const web: ServiceView = {
  key: 'default/web',
  name: 'web',
  namespace: 'default',
  type: 'ClusterIP',
  clusterIP: '10.96.0.10',
  ports: '80/TCP',
  endpoints: view.nodes.flatMap((n) => n.pods.map((p) => ({ podKey: p.key, ip: '10.244.0.1', ready: true, terminating: false }))),
  readyCount: 400,
  label: 'Service web',
};
const flow = { service: 'default/web', name: 'web', rps: 40, pods: [{ key: 'default/worker-2-p7', rps: 40, share: 1 }], failedRps: 0, failures: [] };

describe('the traffic scene', () => {
  it('in the dense drawing, requests still travel from the Service card to the cells that answered', () => {
    const layout = layoutCluster(view, 900, { deployments: [], services: [web] });
    expect(layout.dense).toBe(true);
    const scene = trafficScene(layout, [flow], 1, false);
    const line = scene.links.find((l) => l.podKey === 'default/worker-2-p7');
    const cell = layout.pods.find((p) => p.pod.key === 'default/worker-2-p7')!;
    expect(line?.curve?.slice(6)).toEqual([cell.x + layout.podSize / 2, cell.y]);
    const card = layout.workloads[0].box;
    expect(line?.curve?.slice(0, 2)).toEqual([card.x + card.width / 2, card.y + card.height]);
  });

  it('has no lines when nothing flows', () => {
    const layout = layoutCluster(view, 900, { deployments: [], services: [web] });
    expect(trafficScene(layout, [], 1, false).links).toEqual([]);
  });
});

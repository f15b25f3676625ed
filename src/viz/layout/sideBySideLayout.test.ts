import { describe, expect, it } from 'vitest';
import { buildWorkloadsView } from '../model/workloads';
import type { ClusterView } from '../model/clusterView';
import { nodeView, podView } from '../model/views.testkit';
import { layoutCluster, METRICS, pulsePoints, WORKLOAD } from './clusterLayout';

/** The voting app on the default cluster: the control plane's six pods, seven app pods on the workers. */
const voting: ClusterView = { nodes: [nodeView('control-plane', 6), nodeView('worker-1', 2), nodeView('worker-2', 2), nodeView('worker-3', 3)], unscheduled: [], podTotal: 13 };
const workloads = buildWorkloadsView({
  deployments: ['db', 'redis', 'result', 'vote', 'worker'].map((name) => ({ metadata: { name, namespace: 'default' }, spec: { selector: {}, template: {} } })),
  replicaSets: [],
  services: ['db', 'kubernetes', 'redis', 'result', 'vote'].map((name) => ({ metadata: { name, namespace: 'default' } })),
  endpointSlices: [],
});
/** The Kubernetes drawing side by side at 1280×720: about 450 px wide, 300 px tall. */
const WIDTH = 450;
const HEIGHT = 300;
const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) => p.x >= b.x && p.y >= b.y && p.x <= b.x + b.width && p.y <= b.y + b.height;

describe('layoutCluster side by side', () => {
  it('side by side leaves out the control plane and keeps every node in view at 1280×720', () => {
    const layout = layoutCluster(voting, WIDTH, workloads, { sideBySide: true });
    expect(layout.band.bare).toBe(true);
    expect(layout.band.box.height).toBe(0);
    expect(layout.nodes).toHaveLength(4);
    for (const n of layout.nodes) {
      expect(n.bare).toBe(true);
      expect(n.box.width).toBeLessThan(METRICS.minCardWidth);
      expect(n.box.x + n.box.width).toBeLessThanOrEqual(WIDTH);
      expect(n.box.y + n.box.height).toBeLessThanOrEqual(HEIGHT);
    }
    expect(layout.height).toBeLessThanOrEqual(HEIGHT);
    // Every pod inside its card, under the header.
    for (const p of layout.pods) {
      const card = layout.nodes.find((n) => n.node.key === p.nodeKey)!.box;
      expect(inside({ x: p.x, y: p.y }, card)).toBe(true);
      expect(inside({ x: p.x + layout.podSize, y: p.y + layout.podSize }, card)).toBe(true);
      expect(p.y).toBeGreaterThanOrEqual(card.y + METRICS.cardHeader);
    }
  });

  it('shows the workloads as one-line chips above the nodes, Deployments first', () => {
    const layout = layoutCluster(voting, WIDTH, workloads, { sideBySide: true });
    expect(layout.workloads.map((w) => w.key)).toEqual([...workloads.deployments.map((d) => `deployment:${d.key}`), ...workloads.services.map((s) => `service:${s.key}`)]);
    const top = Math.min(...layout.nodes.map((n) => n.box.y));
    for (const w of layout.workloads) {
      expect(w.chip).toBe(true);
      expect(w.box.height).toBe(WORKLOAD.chipHeight);
      expect(w.box.width).toBeGreaterThanOrEqual(WORKLOAD.chipMin);
      expect(w.box.x + w.box.width).toBeLessThanOrEqual(WIDTH);
      expect(w.box.y + w.box.height).toBeLessThan(top);
    }
  });

  it('sends no pulse along a band that is not drawn', () => {
    const layout = layoutCluster(voting, WIDTH, workloads, { sideBySide: true });
    expect(pulsePoints(layout, 'scheduler', 'apiserver')).toBeUndefined();
    expect(pulsePoints(layoutCluster(voting, WIDTH, workloads), 'scheduler', 'apiserver')).toBeDefined();
  });

  it('still shows the scheduling queue side by side when pods wait, above the chips', () => {
    const waiting: ClusterView = { ...voting, unscheduled: [podView('pending-1'), podView('pending-2')], podTotal: 15 };
    const layout = layoutCluster(waiting, WIDTH, workloads, { sideBySide: true });
    expect(layout.lane).toBeDefined();
    const queued = layout.pods.filter((p) => !p.nodeKey);
    expect(queued).toHaveLength(2);
    for (const p of queued) expect(inside({ x: p.x + layout.podSize, y: p.y + layout.podSize }, layout.lane!)).toBe(true);
    expect(Math.min(...layout.workloads.map((w) => w.box.y))).toBeGreaterThan(layout.lane!.y + layout.lane!.height);
  });

  it('leaves the Kubernetes view alone as it was: the band, full cards, no chips', () => {
    const alone = layoutCluster(voting, WIDTH, workloads);
    expect(alone).toEqual(layoutCluster(voting, WIDTH, workloads, { sideBySide: false }));
    expect(alone.band.bare).toBe(false);
    expect(alone.band.box.height).toBeGreaterThan(0);
    for (const n of alone.nodes) expect(n.bare).toBeUndefined();
    for (const w of alone.workloads) expect(w.chip).toBeUndefined();
  });
});

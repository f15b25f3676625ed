import { describe, expect, it } from 'vitest';
import { buildWorkloadsView } from '../model/workloads';
import type { ClusterView, NodeView } from '../model/clusterView';
import { nodeView, podView } from '../model/views.testkit';
import { podAt } from '../render/renderDense';
import { alongPolyline, anchorOf, layoutCluster, METRICS, pulsePath, WORKLOAD, WORKLOAD_MIN_WIDTH } from './clusterLayout';

const view: ClusterView = { nodes: ['control-plane', 'worker-1', 'worker-2', 'worker-3'].map((n, i) => nodeView(n, i * 5)), unscheduled: [podView('pending-1')], podTotal: 16 };

describe('layoutCluster', () => {
  it('keeps an unchanged pod at an unchanged place as the same placement object, and places a changed or moved pod anew', () => {
    const first = layoutCluster(view, 1200);
    const again = layoutCluster(view, 1200);
    expect(again.pods).toEqual(first.pods);
    again.pods.forEach((p, i) => expect(p).toBe(first.pods[i]));
    // worker-1's first pod changes (a new view object): only it is placed anew.
    const worker1 = view.nodes[1];
    const changed: ClusterView = { ...view, nodes: view.nodes.map((n) => (n === worker1 ? { ...n, pods: [{ ...n.pods[0], look: 'terminating' as const }, ...n.pods.slice(1)] } : n)) };
    const third = layoutCluster(changed, 1200);
    const fresh = third.pods.filter((p, i) => p !== first.pods[i]);
    expect(fresh.map((p) => p.pod.key)).toEqual([worker1.pods[0].key]);
    // A narrower drawing moves the pods: new placements at the new places.
    const narrow = layoutCluster(view, 600);
    const moved = narrow.pods.filter((p, i) => p.x !== first.pods[i].x || p.y !== first.pods[i].y);
    expect(moved.length).toBeGreaterThan(0);
    for (const p of moved) expect(first.pods).not.toContain(p);
  });

  it('puts two cards per row in ~600px and four in ~1200px', () => {
    const narrow = layoutCluster(view, 600);
    expect(new Set(narrow.nodes.map((n) => n.box.y)).size).toBe(2);
    const wide = layoutCluster(view, 1200);
    expect(new Set(wide.nodes.map((n) => n.box.y)).size).toBe(1);
    expect(wide.nodes[0].box.width).toBeGreaterThanOrEqual(METRICS.minCardWidth);
  });

  it('puts the default cluster’s four nodes in one row of compact cards where two rows would push them below the fold (the view at 1280×720)', () => {
    const layout = layoutCluster(view, 782);
    expect(new Set(layout.nodes.map((n) => n.box.y)).size).toBe(1);
    for (const n of layout.nodes) {
      expect(n.box.width).toBeGreaterThanOrEqual(METRICS.compactCardWidth);
      expect(n.box.width).toBeLessThan(METRICS.minCardWidth);
      expect(n.box.x + n.box.width).toBeLessThanOrEqual(782 - METRICS.pad);
    }
    // The kubelet and kube-proxy marks stay inside the card.
    expect(layout.nodes[0].kubelet.x).toBeGreaterThanOrEqual(METRICS.cardPad);
  });

  it('a larger cluster keeps cards of the least width in several rows (it scrolls, or goes dense)', () => {
    const eight: ClusterView = { nodes: Array.from({ length: 8 }, (_, i) => nodeView(`worker-${i + 1}`, 2)), unscheduled: [], podTotal: 16 };
    const layout = layoutCluster(eight, 782);
    expect(new Set(layout.nodes.map((n) => n.box.y)).size).toBe(4);
    for (const n of layout.nodes) expect(n.box.width).toBeGreaterThanOrEqual(METRICS.minCardWidth);
  });

  it('never makes a card narrower than the minimum, even in a tiny box', () => {
    const tiny = layoutCluster(view, 100);
    for (const n of tiny.nodes) expect(n.box.width).toBeGreaterThanOrEqual(METRICS.minCardWidth);
    expect(tiny.width).toBeGreaterThanOrEqual(METRICS.minCardWidth);
  });

  it('places every pod inside its card, without overlaps', () => {
    const layout = layoutCluster(view, 900);
    const boxes = new Map(layout.nodes.map((n) => [n.node.key, n.box]));
    const seen = new Set<string>();
    for (const p of layout.pods) {
      const spot = `${p.x},${p.y}`;
      expect(seen.has(spot)).toBe(false);
      seen.add(spot);
      if (!p.nodeKey) continue;
      const box = boxes.get(p.nodeKey)!;
      expect(p.x).toBeGreaterThanOrEqual(box.x);
      expect(p.x + METRICS.pod).toBeLessThanOrEqual(box.x + box.width);
      expect(p.y + METRICS.pod).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it('draws a lane for unscheduled pods above the nodes', () => {
    const layout = layoutCluster(view, 900);
    expect(layout.lane).toBeDefined();
    expect(layout.nodes[0].box.y).toBeGreaterThan(layout.lane!.y + layout.lane!.height);
    expect(layout.pods[0].nodeKey).toBeUndefined();
  });
});

describe('the control-plane band', () => {
  it('lays its components inside the band without overlaps, in one row when they fit and two when not', () => {
    for (const [width, rows] of [
      [282, 2],
      [420, 2],
      [760, 1],
      [1400, 1],
    ] as const) {
      const band = layoutCluster(view, width).band;
      const boxes = Object.values(band.components);
      expect(new Set(boxes.map((b) => b.y)).size).toBe(rows);
      for (const a of boxes) {
        expect(a.width).toBeGreaterThan(20);
        expect(a.x + a.width).toBeLessThanOrEqual(band.box.x + band.box.width);
        for (const b of boxes) {
          if (a === b) continue;
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
      // Every component meets the bus.
      for (const anchor of Object.values(band.anchors)) expect(Math.abs(anchor.y - band.busY)).toBeLessThan(12);
    }
  });

  it('puts the scheduling queue in the band and the nodes below it', () => {
    const layout = layoutCluster(view, 900);
    expect(layout.lane!.y).toBeGreaterThan(layout.band.components.scheduler.y);
    expect(layout.nodes[0].box.y).toBeGreaterThanOrEqual(layout.band.box.y + layout.band.box.height);
  });

  it('routes a change to a kubelet along the bus and down the gutter right of its card', () => {
    const layout = layoutCluster(view, 900);
    const node = layout.nodes[0];
    const path = pulsePath(layout, 'apiserver', `kubelet:${node.node.key}`)!;
    const points = path.slice(1).split(' L').map((p) => p.split(',').map(Number));
    expect(points[1][1]).toBe(layout.band.busY);
    const gutter = node.box.x + node.box.width + METRICS.gap / 2;
    expect(points[2]).toEqual([gutter, layout.band.busY]);
    expect(points.at(-1)![0]).toBe(node.box.x + node.kubelet.x + node.kubelet.width);
    expect(anchorOf(layout, 'kubelet:nowhere')).toBeUndefined();
    expect(pulsePath(layout, 'apiserver', 'kubelet:nowhere')).toBeUndefined();
  });
});

describe('the Deployments and Services row', () => {
  const workloads = buildWorkloadsView({
    deployments: ['a', 'b'].map((name) => ({ metadata: { name, namespace: 'default' }, spec: { selector: {}, template: {} } })),
    replicaSets: [],
    services: ['s1', 's2', 's3'].map((name) => ({ metadata: { name, namespace: 'default' } })),
    endpointSlices: [],
  });

  it('places Deployments then Services, wrapping at the width, above the nodes', () => {
    const layout = layoutCluster(view, 760, workloads);
    expect(layout.workloads.map((w) => w.key)).toEqual(['deployment:default/a', 'deployment:default/b', 'service:default/s1', 'service:default/s2', 'service:default/s3']);
    const rows = new Set(layout.workloads.map((w) => w.box.y));
    expect(rows.size).toBe(2);
    for (const w of layout.workloads) expect(w.box.x + w.box.width).toBeLessThanOrEqual(760 - METRICS.pad);
    const bottom = Math.max(...layout.workloads.map((w) => w.box.y + w.box.height));
    expect(layout.nodes[0].box.y).toBeGreaterThan(bottom);
  });

  it('beside the inspector (a narrow drawing), narrower cards share rows so the nodes stay near the top', () => {
    const one = buildWorkloadsView({
      deployments: [{ metadata: { name: 'web', namespace: 'default' }, spec: { selector: {}, template: {} } }],
      replicaSets: [],
      services: ['kubernetes', 'web'].map((name) => ({ metadata: { name, namespace: 'default' } })),
      endpointSlices: [],
    });
    const layout = layoutCluster(view, 406, one);
    const rows = [...new Set(layout.workloads.map((w) => w.box.y))];
    expect(rows).toHaveLength(2);
    expect(layout.workloads.filter((w) => w.box.y === rows[0])).toHaveLength(2);
    for (const w of layout.workloads) {
      expect(w.box.x + w.box.width).toBeLessThanOrEqual(406 - METRICS.pad + 0.5);
      expect(w.box.width).toBeGreaterThanOrEqual(WORKLOAD_MIN_WIDTH);
    }
    // Wide enough, the cards keep their own widths.
    const wide = layoutCluster(view, 1000, one);
    expect(wide.workloads.map((w) => w.box.width)).toEqual([WORKLOAD.deploymentWidth, WORKLOAD.serviceWidth, WORKLOAD.serviceWidth]);
  });

  it('leaves no row when there is nothing to show', () => {
    const layout = layoutCluster(view, 760, { deployments: [], services: [] });
    expect(layout.workloads).toEqual([]);
    expect(layout.nodes[0].box.y).toBe(layout.band.box.y + layout.band.box.height + METRICS.gap);
  });
});

describe('the dense drawing', () => {
  const many: ClusterView = { nodes: [nodeView('worker-1', 120), nodeView('worker-2', 200)], unscheduled: [], podTotal: 320 };

  it('switches to small cells above a few hundred pods, or when asked', () => {
    expect(layoutCluster(many, 900).dense).toBe(true);
    expect(layoutCluster(many, 900).podSize).toBe(METRICS.cell);
    expect(layoutCluster(view, 900).dense).toBe(false);
    expect(layoutCluster(view, 900, undefined, { dense: true }).podSize).toBe(METRICS.cell);
  });

  it('keeps cells inside their card, and cards far shorter than with squares', () => {
    const dense = layoutCluster(many, 900);
    const squares = layoutCluster(many, 900, undefined, { dense: false });
    expect(dense.height).toBeLessThan(squares.height / 2);
    const boxes = new Map(dense.nodes.map((n) => [n.node.key, n.box]));
    for (const p of dense.pods) {
      const box = boxes.get(p.nodeKey!)!;
      expect(p.x + METRICS.cell).toBeLessThanOrEqual(box.x + box.width);
      expect(p.y + METRICS.cell).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it('finds the pod under a point from the cell index', () => {
    const layout = layoutCluster(many, 900);
    const index = new Map(layout.pods.map((p) => [`${Math.floor(p.x / 10)}:${Math.floor(p.y / 10)}`, p]));
    const target = layout.pods[57];
    expect(podAt(index, layout, target.x + 3, target.y + 4)?.pod.key).toBe(target.pod.key);
    expect(podAt(index, layout, target.x + METRICS.cell + 0.5 + 0.6, target.y)?.pod.key).not.toBe(target.pod.key);
    expect(podAt(index, layout, 1, 1)).toBeUndefined();
  });
});

describe('alongPolyline', () => {
  it('measures a path and finds points along it without the DOM', () => {
    const path = alongPolyline([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 30, y: 10 },
    ]);
    expect(path.length).toBe(40);
    expect(path.at(0)).toEqual({ x: 0, y: 0 });
    expect(path.at(0.125)).toEqual({ x: 0, y: 5 });
    expect(path.at(0.5)).toEqual({ x: 10, y: 10 });
    expect(path.at(1)).toEqual({ x: 30, y: 10 });
  });
});

describe('the card of a deleted node', () => {
  it('sits in name order among the nodes, with its pods in it', () => {
    const gone: NodeView = { ...nodeView('worker-2', 2), deleted: true, label: 'Deleted node worker-2' };
    const withGone: ClusterView = { nodes: view.nodes.filter((n) => n.name !== 'worker-2'), unscheduled: [], podTotal: 14, deletedNodes: [gone] };
    const layout = layoutCluster(withGone, 1000);
    expect(layout.nodes.map((n) => n.node.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    const card = layout.nodes[2];
    const pods = layout.pods.filter((p) => p.nodeKey === 'worker-2');
    expect(pods.map((p) => p.pod.name)).toEqual(['worker-2-p0', 'worker-2-p1']);
    for (const p of pods) {
      expect(p.x).toBeGreaterThanOrEqual(card.box.x);
      expect(p.y + METRICS.pod).toBeLessThanOrEqual(card.box.y + card.box.height);
    }
  });
});

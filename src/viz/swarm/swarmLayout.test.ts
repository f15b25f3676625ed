import { describe, expect, it } from 'vitest';
import { createSwarm, defaultServiceSpec, type ServiceSpec, type Swarm } from '../../sim/swarm/index';
import { buildSwarmView } from './swarmModel';
import { layoutSwarm, SWARM_METRICS } from './swarmLayout';

function swarmWith(services: [string, Partial<ServiceSpec>][]): Swarm {
  const swarm = createSwarm({ seed: 1 });
  for (const [name, patch] of services) {
    const r = swarm.createService({ ...defaultServiceSpec(name, 'nginx'), ...patch });
    if (!r.ok) throw new Error(r.error);
  }
  swarm.advance(30_000);
  return swarm;
}

const layoutOf = (swarm: Swarm, width: number) =>
  layoutSwarm(buildSwarmView({ nodes: swarm.nodes(), services: swarm.services(), tasks: swarm.tasks(), stoppedNodes: [], hasLeader: true }, swarm.now()), width);
const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) => p.x >= b.x && p.y >= b.y && p.x <= b.x + b.width && p.y <= b.y + b.height;
const published = (n: number): Partial<ServiceSpec> => ({ mode: { replicated: { replicas: n } }, ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });

describe('the Swarm layout', () => {
  it('puts the three nodes side by side when there is room, and one under the other when narrow', () => {
    const swarm = swarmWith([]);
    const wide = layoutOf(swarm, 900);
    expect(new Set(wide.nodes.map((n) => n.box.y)).size).toBe(1);
    const narrow = layoutOf(swarm, 300);
    expect(new Set(narrow.nodes.map((n) => n.box.x)).size).toBe(1);
    expect(narrow.nodes[1].box.y).toBeGreaterThan(narrow.nodes[0].box.y + narrow.nodes[0].box.height - 1);
    for (const n of narrow.nodes) expect(n.box.x + n.box.width).toBeLessThanOrEqual(300);
  });

  it('draws every task inside its node box, in an outline of its service', () => {
    const swarm = swarmWith([['web', published(5)], ['cache', { mode: { replicated: { replicas: 2 } } }]]);
    const layout = layoutOf(swarm, 900);
    expect(layout.tasks).toHaveLength(7);
    for (const t of layout.tasks) {
      const node = layout.nodes.find((n) => n.node.key === t.nodeKey)!;
      expect(inside({ x: t.x, y: t.y }, node.box)).toBe(true);
      expect(inside({ x: t.x + SWARM_METRICS.task, y: t.y + SWARM_METRICS.task }, node.box)).toBe(true);
      const group = layout.groups.find((g) => g.key === `${t.nodeKey}/${t.task.serviceKey}`)!;
      expect(inside({ x: t.x + SWARM_METRICS.task, y: t.y + SWARM_METRICS.task }, group.box)).toBe(true);
    }
    expect(new Set(layout.groups.map((g) => g.name))).toEqual(new Set(['web', 'cache']));
  });

  it('a published port puts the routing mesh over the nodes, with a line to every node and to each running task', () => {
    const swarm = swarmWith([['web', published(2)]]);
    const layout = layoutOf(swarm, 900);
    expect(layout.mesh?.ports).toEqual([8080]);
    const meshBottom = layout.mesh!.box.y + layout.mesh!.box.height;
    for (const n of layout.nodes) expect(n.box.y).toBeGreaterThan(meshBottom);
    expect(layout.meshLinks.filter((l) => l.kind === 'node')).toHaveLength(3);
    expect(layout.chips).toHaveLength(3);
    expect(layout.meshLinks.filter((l) => l.kind === 'task')).toHaveLength(2);
    // Narrow, the nodes stack: only the first is joined by a line (the others would be crossed), all carry the port.
    const narrow = layoutOf(swarm, 300);
    expect(narrow.meshLinks.filter((l) => l.kind === 'node')).toHaveLength(1);
    expect(narrow.chips).toHaveLength(3);
    const services = layout.services.map((s) => s.box);
    for (const b of services) expect(b.y + b.height).toBeLessThanOrEqual(layout.mesh!.box.y);
  });

  it('no published port, no mesh', () => {
    const layout = layoutOf(swarmWith([['worker', { mode: { replicated: { replicas: 1 } } }]]), 900);
    expect(layout.mesh).toBeUndefined();
    expect(layout.meshLinks).toEqual([]);
  });

  it('tasks no node can take wait in the pending box above the nodes', () => {
    const swarm = swarmWith([['big', { mode: { replicated: { replicas: 4 } }, resources: { reservations: { nanoCPUs: 3e9, memoryBytes: 0 }, limits: { nanoCPUs: 0, memoryBytes: 0 } } }]]);
    const layout = layoutOf(swarm, 900);
    expect(layout.pending).toBeDefined();
    const waiting = layout.tasks.filter((t) => t.nodeKey === undefined);
    expect(waiting).toHaveLength(1);
    expect(inside({ x: waiting[0].x, y: waiting[0].y }, layout.pending!.box)).toBe(true);
    for (const n of layout.nodes) expect(n.box.y).toBeGreaterThan(layout.pending!.box.y + layout.pending!.box.height);
  });

  it('a node box grows with its tasks and its row keeps one height', () => {
    const swarm = swarmWith([['web', { mode: { replicated: { replicas: 24 } } }]]);
    const layout = layoutOf(swarm, 900);
    const heights = new Set(layout.nodes.map((n) => n.box.height));
    expect(heights.size).toBe(1);
    expect(layout.height).toBeGreaterThan(layout.nodes[0].box.y + layout.nodes[0].box.height);
  });

  describe('side by side (the drawing beside the Kubernetes view at 1280×720: about 440 × 330 px)', () => {
    const voting = (): Swarm =>
      swarmWith([
        ['vote_db', { mode: { replicated: { replicas: 1 } } }],
        ['vote_redis', { mode: { replicated: { replicas: 1 } } }],
        ['vote_result', { mode: { replicated: { replicas: 1 } }, ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8081, publishMode: 'ingress' }] }],
        ['vote_vote', published(2)],
        ['vote_worker', { mode: { replicated: { replicas: 2 } } }],
      ]);
    const sideBySide = (swarm: Swarm, width: number) =>
      layoutSwarm(buildSwarmView({ nodes: swarm.nodes(), services: swarm.services(), tasks: swarm.tasks(), stoppedNodes: [], hasLeader: true }, swarm.now()), width, { sideBySide: true });

    it('side by side packs the services into chips, the mesh into a thin line, and keeps every node and task in view', () => {
      const layout = sideBySide(voting(), 440);
      expect(layout.services).toHaveLength(5);
      for (const s of layout.services) {
        expect(s.chip).toBe(true);
        expect(s.box.height).toBe(SWARM_METRICS.serviceChipHeight);
        expect(s.box.y + s.box.height).toBeLessThanOrEqual(layout.mesh!.box.y);
      }
      expect(layout.mesh?.thin).toBe(true);
      expect(layout.mesh?.box.height).toBe(SWARM_METRICS.thinMesh);
      // The three nodes in one row, all inside the drawing's height.
      expect(layout.nodes).toHaveLength(3);
      expect(new Set(layout.nodes.map((n) => n.box.y)).size).toBe(1);
      for (const n of layout.nodes) {
        expect(n.bare).toBe(true);
        expect(n.box.x + n.box.width).toBeLessThanOrEqual(440);
        expect(n.box.y + n.box.height).toBeLessThanOrEqual(330);
      }
      expect(layout.tasks).toHaveLength(7);
      for (const t of layout.tasks) {
        const node = layout.nodes.find((n) => n.node.key === t.nodeKey)!;
        const group = layout.groups.find((g) => g.key === `${t.nodeKey}/${t.task.serviceKey}`)!;
        expect(inside({ x: t.x + SWARM_METRICS.task, y: t.y + SWARM_METRICS.task }, group.box)).toBe(true);
        expect(inside({ x: group.box.x, y: group.box.y }, node.box)).toBe(true);
        expect(inside({ x: group.box.x + group.box.width, y: group.box.y + group.box.height }, node.box)).toBe(true);
        expect(group.box.y).toBeGreaterThanOrEqual(node.box.y + SWARM_METRICS.cardHeader);
      }
      // A node's groups sit side by side without overlapping.
      for (const a of layout.groups)
        for (const b of layout.groups) {
          if (a === b) continue;
          const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
          expect(apart, `${a.key} and ${b.key}`).toBe(true);
        }
    });

    it('leaves the Swarm view alone as it was: service cards, the mesh bar, full node boxes', () => {
      const swarm = voting();
      const alone = layoutOf(swarm, 440);
      const view = buildSwarmView({ nodes: swarm.nodes(), services: swarm.services(), tasks: swarm.tasks(), stoppedNodes: [], hasLeader: true }, swarm.now());
      expect(alone).toEqual(layoutSwarm(view, 440, { sideBySide: false }));
      expect(alone.mesh?.thin).toBe(false);
      expect(alone.mesh?.box.height).toBe(SWARM_METRICS.meshHeight);
      for (const s of alone.services) expect(s.chip).toBeUndefined();
      for (const n of alone.nodes) expect(n.bare).toBeUndefined();
    });
  });

  it('draws machines outside the swarm as short cards under the nodes, in their columns', () => {
    const swarm = swarmWith([]);
    const view = buildSwarmView({ nodes: swarm.nodes(), services: [], tasks: [], stoppedNodes: [], hasLeader: true, outside: ['db1', 'worker3'] }, swarm.now());
    expect(view.machines.map((m) => [m.hostname, m.label])).toEqual([
      ['db1', 'db1, a Docker machine outside the swarm'],
      ['worker3', 'worker3, a Docker machine outside the swarm'],
    ]);
    const layout = layoutSwarm(view, 900);
    const bottom = Math.max(...layout.nodes.map((n) => n.box.y + n.box.height));
    expect(layout.machines.map((m) => m.box.x)).toEqual(layout.nodes.slice(0, 2).map((n) => n.box.x));
    for (const m of layout.machines) {
      expect(m.box.y).toBeGreaterThan(bottom);
      expect(m.box.width).toBe(layout.nodes[0].box.width);
      expect(m.box.y + m.box.height).toBeLessThanOrEqual(layout.height);
    }
    expect(layoutOf(swarm, 900).machines).toEqual([]);
  });
});

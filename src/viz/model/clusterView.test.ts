import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { buildClusterView } from './clusterView';
import { formatCpu, formatMemory } from './resources';

function node(name: string, ready = true, extra: Partial<Node> = {}): Node {
  return {
    metadata: { name, labels: name === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    spec: name === 'control-plane' ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: {
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }],
      nodeInfo: { kubeletVersion: 'v1.32.2' } as never,
    },
    ...extra,
  };
}

function pod(name: string, nodeName: string | undefined, opts: { cpu?: string; memory?: string; phase?: string; ready?: boolean; created?: string } = {}): Pod {
  return {
    metadata: { name, namespace: 'default', creationTimestamp: opts.created ?? '2025-01-01T00:00:00Z' },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu: opts.cpu ?? '250m', memory: opts.memory ?? '128Mi' } } }] },
    status: { phase: opts.phase ?? 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }], containerStatuses: [{ name: 'c', ready: opts.ready !== false, restartCount: 2 } as never] },
  };
}

describe('buildClusterView', () => {
  const nodes = [node('worker-2'), node('worker-10'), node('control-plane'), node('worker-1', false)];
  const pods = [
    pod('web-b', 'worker-1', { created: '2025-01-01T00:00:02Z' }),
    pod('web-a', 'worker-1', { created: '2025-01-01T00:00:01Z' }),
    pod('done', 'worker-1', { phase: 'Succeeded', cpu: '2' }),
    pod('waiting', undefined, { phase: 'Pending', ready: false }),
  ];
  const view = buildClusterView({
    now: 0,
    nodes,
    pods,
    podStatus: { 'default/web-a': 'Running', 'default/web-b': 'Running', 'default/done': 'Completed', 'default/waiting': 'Pending' },
  });

  it('orders nodes by name, numbers naturally', () => {
    expect(view.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-10']);
  });

  it('reads readiness, roles, taints and version', () => {
    const [cp, w1] = view.nodes;
    expect(cp.roles).toEqual(['control-plane']);
    expect(cp.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(cp.readiness).toBe('Ready');
    expect(w1.readiness).toBe('Unknown');
    expect(w1.roles).toEqual([]);
    expect(w1.version).toBe('v1.32.2');
  });

  it('sums requests of non-terminated pods against allocatable', () => {
    const w1 = view.nodes[1];
    expect(w1.cpu).toEqual({ requested: 500, allocatable: 4000 });
    expect(w1.memory).toEqual({ requested: 256 * 1024 ** 2, allocatable: 8 * 1024 ** 3 });
    expect(w1.podCapacity).toBe(110);
  });

  it('places pods in their node by creation, and unscheduled pods apart', () => {
    expect(view.nodes[1].pods.map((p) => p.name)).toEqual(['done', 'web-a', 'web-b']);
    expect(view.unscheduled.map((p) => p.name)).toEqual(['waiting']);
    expect(view.unscheduled[0].look).toBe('pending');
  });

  it('names each pod for screen readers, starting with its name', () => {
    const webA = view.nodes[1].pods[1];
    expect(webA.label).toBe('web-a, Running (running and ready) on worker-1');
    expect(webA.ready).toBe('1/1');
    expect(webA.restarts).toBe(2);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0'],
    [250, '250m'],
    [1500, '1.5'],
    [4000, '4'],
  ])('cpu %d → %s', (m, text) => expect(formatCpu(m)).toBe(text));
  it.each([
    [128 * 1024 ** 2, '128Mi'],
    [8 * 1024 ** 3, '8Gi'],
    [7.8 * 1024 ** 3, '7.8Gi'],
  ])('memory %d → %s', (b, text) => expect(formatMemory(b)).toBe(text));
});

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
    expect(view.nodes[1].label).toBe('worker-1, Unknown, 3 pods');
    expect(view.unscheduled.map((p) => p.name)).toEqual(['waiting']);
    expect(view.unscheduled[0].look).toBe('pending');
  });

  it('names each pod for screen readers, starting with its name', () => {
    const webA = view.nodes[1].pods[1];
    expect(webA.label).toBe('web-a, Running (status unknown: worker-1 is not reporting) on worker-1, 2 restarts');
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

describe('buildClusterView: owners, revisions and lost nodes', () => {
  const rs = (name: string, revision: number) => ({
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }],
    },
  });
  const owned = (name: string, owner: string, created: string): Pod => {
    const p = pod(name, 'worker-1', { created });
    p.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'r', controller: true }];
    return p;
  };
  const source = {
    now: 0,
    nodes: [node('worker-1')],
    pods: [owned('new-a', 'web-2', '2025-01-01T00:01:00Z'), pod('bare', 'worker-1', { created: '2025-01-01T00:00:00Z' }), owned('old-a', 'web-1', '2025-01-01T00:00:30Z'), owned('old-b', 'web-1', '2025-01-01T00:00:10Z')],
    podStatus: {},
    replicaSets: [rs('web-1', 1), rs('web-2', 2)],
  };

  it('groups a node\'s pods by owner, the old revision first, bare pods last', () => {
    const view = buildClusterView(source);
    expect(view.nodes[0].pods.map((p) => p.name)).toEqual(['old-b', 'old-a', 'new-a', 'bare']);
    expect(view.nodes[0].pods.map((p) => p.owner?.hue)).toEqual([0, 0, 1, undefined]);
  });

  it('says the owner and revision in the accessible name', () => {
    const view = buildClusterView(source);
    expect(view.nodes[0].pods[2].label).toBe('new-a, Running (running and ready) on worker-1, 2 restarts, ReplicaSet web-2 revision 2');
  });

  it('shows pods of a powered-off node as unknown, and says so on the node', () => {
    const view = buildClusterView({ ...source, stoppedNodes: ['worker-1'] });
    expect(view.nodes[0].stopped).toBe(true);
    expect(view.nodes[0].label).toBe('worker-1, Ready, powered off, 4 pods');
    expect(view.nodes[0].pods.every((p) => p.look === 'unknown')).toBe(true);
  });

  it('keeps terminal pods as they are on a lost node', () => {
    const view = buildClusterView({ ...source, pods: [pod('done', 'worker-1', { phase: 'Succeeded' })], podStatus: { 'default/done': 'Completed' }, stoppedNodes: ['worker-1'] });
    expect(view.nodes[0].pods[0].look).toBe('completed');
  });
});

describe('pods bound to a node that was deleted', () => {
  const view = buildClusterView({
    now: 0,
    nodes: [node('worker-1'), node('worker-3')],
    pods: [pod('web-a', 'worker-1'), pod('web-b', 'worker-2'), pod('web-c', 'worker-2', { created: '2025-01-01T00:00:05Z' }), pod('old', 'gone', { phase: 'Succeeded' })],
    podStatus: { 'default/web-a': 'Running', 'default/web-b': 'Running', 'default/web-c': 'Running', 'default/old': 'Completed' },
  });

  it('keep a card named after the node, as kubectl still lists them there', () => {
    expect(view.nodes.map((n) => n.name)).toEqual(['worker-1', 'worker-3']);
    expect(view.deletedNodes?.map((n) => [n.name, n.deleted, n.pods.map((p) => p.name)])).toEqual([
      ['gone', true, ['old']],
      ['worker-2', true, ['web-b', 'web-c']],
    ]);
    expect(view.deletedNodes?.[1].label).toBe('Deleted node worker-2, 2 pods still bound to it');
  });

  it('show their last status with nobody to vouch for it: unknown, not ready', () => {
    const b = view.deletedNodes![1].pods[0];
    expect(b.status).toBe('Running');
    expect(b.look).toBe('unknown');
    expect(b.label).toBe('web-b, Running (still bound to deleted node worker-2) on worker-2, 2 restarts');
    // A finished pod stays finished.
    expect(view.deletedNodes![0].pods[0].look).toBe('completed');
  });

  it('a stopped node is no deleted node', () => {
    const stopped = buildClusterView({ now: 0, nodes: [node('worker-1')], pods: [pod('a', 'worker-1')], podStatus: { 'default/a': 'Running' }, stoppedNodes: ['worker-1', 'worker-9'] });
    expect(stopped.deletedNodes).toEqual([]);
    expect(stopped.nodes[0].pods[0].label).toContain('status unknown: worker-1 is not reporting');
  });
});

describe('pod views across snapshots', () => {
  it('are reused while a pod, its status and its node are unchanged, and rebuilt when one changes', () => {
    const a = pod('web-a', 'worker-1');
    const source = { now: 0, nodes: [node('worker-1')], pods: [a], podStatus: { 'default/web-a': 'Running' } };
    const first = buildClusterView(source).nodes[0].pods[0];
    expect(buildClusterView(source).nodes[0].pods[0]).toBe(first);
    const terminating = buildClusterView({ ...source, podStatus: { 'default/web-a': 'Terminating' } }).nodes[0].pods[0];
    expect(terminating.look).toBe('terminating');
    const silent = buildClusterView({ ...source, stoppedNodes: ['worker-1'] }).nodes[0].pods[0];
    expect(silent.look).toBe('unknown');
  });
});

import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { KubeObject } from '../api/types';

type NodeObj = KubeObject & Node;

const DAEMON = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {name: agent}}
  template:
    metadata: {labels: {name: agent}}
    spec:
      containers: [{name: agent, image: "nginx:1.27"}]
`;

const ZONED = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {topology.kubernetes.io/zone: zone-b}
      containers: [{name: nginx, image: "nginx:1.27"}]
`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
`;

const node = (w: ReturnType<typeof world>, name: string) => w.client.get<NodeObj>('nodes', undefined, name);
const running = (w: ReturnType<typeof world>, selector: string) => w.pods(selector).filter((p: KubeObject & Pod) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);

describe('adding a worker', () => {
  it('registers a Ready Node with the kubelet labels, the zone, a Lease, a pod CIDR and the registration events', () => {
    const w = world();
    expect(w.cluster.addNode({ zone: 'zone-b', cpu: '8', memory: '16Gi', labels: { disk: 'ssd' } })).toEqual({ type: 'added', name: 'worker-4' });
    const n = node(w, 'worker-4')!;
    expect(n.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': 'worker-4',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'topology.kubernetes.io/zone': 'zone-b',
      disk: 'ssd',
    });
    expect(n.status?.capacity).toMatchObject({ cpu: '8', memory: `${16 * 1024 * 1024}Ki`, pods: '110' });
    expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(n.spec?.podCIDR).toBe('10.244.4.0/24');
    expect(n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address).toBe('172.18.0.6');
    expect(w.client.get('leases.coordination.k8s.io', 'kube-node-lease', 'worker-4')).toBeDefined();
    expect(w.events(n).map((e) => e.reason)).toEqual(['Starting', 'NodeAllocatableEnforced', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'RegisteredNode', 'NodeReady']);
  });

  it('keeps heartbeating: the node stays Ready long past the grace period', () => {
    const w = world().advance('1m');
    w.cluster.addNode({ name: 'big' });
    w.advance('10m');
    expect(node(w, 'big')!.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('gets a DaemonSet pod, and the scheduler places pods on it', () => {
    const w = world().apply(DAEMON).advance('30s');
    expect(w.pods('name=agent')).toHaveLength(3);
    w.cluster.addNode({ name: 'worker-4', zone: 'zone-b' });
    w.advance('30s');
    expect(running(w, 'name=agent').map((p) => p.spec?.nodeName).sort()).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4']);
    w.apply(ZONED).advance('30s');
    expect(running(w, 'app=web').map((p) => p.spec?.nodeName)).toEqual(['worker-4', 'worker-4']);
  });

  it('registers taints: untolerating pods stay off the node', () => {
    const w = world({ workers: 1 });
    w.cluster.addNode({ name: 'gpu-1', taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] });
    expect(node(w, 'gpu-1')!.spec?.taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    w.apply(WEB).advance('30s');
    expect(running(w, 'app=web').every((p) => p.spec?.nodeName === 'worker-1')).toBe(true);
  });

  it('rejects bad input with a message and changes nothing', () => {
    const w = world();
    expect(w.cluster.addNode({ name: 'Bad_Name' })).toMatchObject({ type: 'invalid' });
    expect(w.cluster.addNode({ cpu: 'lots' })).toMatchObject({ type: 'invalid', message: expect.stringContaining('invalid CPU "lots"') });
    expect(w.cluster.addNode({ memory: '0' })).toMatchObject({ type: 'invalid' });
    expect(w.cluster.addNode({ taints: [{ key: 'a', effect: 'Sometimes' }] })).toMatchObject({ type: 'invalid', message: expect.stringContaining('effect') });
    expect(w.cluster.addNode({ labels: { 'bad key!': 'x' } })).toMatchObject({ type: 'invalid' });
    expect(w.cluster.addNode({ name: 'worker-1' })).toEqual({ type: 'exists', name: 'worker-1' });
    // Labels in the kubernetes.io namespace the kubelet may not set on itself (node roles) stop it from starting.
    expect(w.cluster.addNode({ labels: { 'node-role.kubernetes.io/worker': '' } })).toMatchObject({
      type: 'invalid',
      message: expect.stringContaining("unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker]"),
    });
    expect(w.cluster.addNode({ name: 'ok', labels: { 'node.kubernetes.io/instance-type': 'm5.large', 'example.com/team': 'a' } })).toEqual({ type: 'added', name: 'ok' });
    w.cluster.removeNode('ok');
    expect(w.client.list('nodes')).toHaveLength(4);
  });

  it('never reuses a removed node\'s address or pod CIDR', () => {
    const w = world({ workers: 1 });
    w.cluster.addNode({ name: 'a' });
    w.cluster.removeNode('a');
    w.cluster.addNode({ name: 'b' });
    expect(node(w, 'b')!.spec?.podCIDR).toBe('10.244.3.0/24');
  });
});

describe('removing a worker', () => {
  it('deletes the Node and its Lease; the pod GC deletes its pods 40–60 s later and they are replaced elsewhere', () => {
    const w = world().apply(WEB).advance('30s');
    const onTwo = running(w, 'app=web').filter((p) => p.spec?.nodeName === 'worker-2').map((p) => p.metadata.name);
    expect(onTwo.length).toBeGreaterThan(0);
    expect(w.cluster.removeNode('worker-2')).toEqual({ type: 'removed', name: 'worker-2' });
    expect(node(w, 'worker-2')).toBeUndefined();
    w.advance('1s');
    expect(w.client.get('leases.coordination.k8s.io', 'kube-node-lease', 'worker-2')).toBeUndefined();
    w.advance('35s');
    // Still quarantined: the pods are bound to a node that is gone.
    expect(w.pods('app=web').filter((p) => onTwo.includes(p.metadata.name))).toHaveLength(onTwo.length);
    w.advance('30s').advance('30s');
    expect(w.pods('app=web').filter((p) => onTwo.includes(p.metadata.name))).toHaveLength(0);
    const now = running(w, 'app=web');
    expect(now).toHaveLength(6);
    expect(now.every((p) => p.spec?.nodeName !== 'worker-2')).toBe(true);
  });

  it('marks an orphaned pod Failed with the DisruptionTarget condition before deleting it', () => {
    const w = world({ workers: 1 }).apply(`apiVersion: v1
kind: Pod
metadata: {name: lost}
spec:
  nodeName: nowhere
  containers: [{name: c, image: "nginx:1.27"}]
`);
    const seen: Pod[] = [];
    w.cluster.watch('pods', (e) => {
      if (e.type === 'MODIFIED') seen.push(e.object as Pod);
    });
    w.advance('61s');
    expect(w.pods()).toHaveLength(0);
    const last = seen[seen.length - 1];
    expect(last.status?.phase).toBe('Failed');
    expect(last.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
  });

  it('finishes the Terminating pods of a powered-off node once its Node is deleted (the pod GC), as the reference says', () => {
    const w = world().apply(WEB).advance('30s');
    w.cluster.stopNode('worker-1');
    w.advance('6m');
    const stuck = w.pods('app=web').filter((p) => p.metadata.deletionTimestamp);
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.every((p) => p.spec?.nodeName === 'worker-1')).toBe(true);
    w.advance('5m');
    expect(w.pods('app=web').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(stuck.length);
    w.client.delete('nodes', undefined, 'worker-1');
    w.advance('61s');
    expect(w.pods('app=web').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    expect(running(w, 'app=web')).toHaveLength(6);
  });

  it('refuses the control plane and unknown nodes', () => {
    const w = world();
    expect(w.cluster.removeNode('control-plane')).toMatchObject({ type: 'notSimulated' });
    expect(w.cluster.removeNode('worker-9')).toEqual({ type: 'notFound', name: 'worker-9' });
  });
});

describe('resizing a worker', () => {
  it('reports the new capacity; the scheduler fits pods against it', () => {
    const w = world({ workers: 1 });
    expect(w.cluster.resizeNode('worker-1', { cpu: '500m', memory: '1Gi' })).toEqual({ type: 'resized', name: 'worker-1' });
    const n = node(w, 'worker-1')!;
    expect(n.status?.capacity).toMatchObject({ cpu: '500m', memory: '1048576Ki' });
    expect(n.status?.allocatable).toMatchObject({ cpu: '500m', memory: `${1048576 - 102400}Ki` });
    w.apply(`apiVersion: v1
kind: Pod
metadata: {name: hungry}
spec:
  containers: [{name: c, image: "nginx:1.27", resources: {requests: {cpu: "1"}}}]
`).advance('10s');
    expect(w.pods()[0].status?.phase).toBe('Pending');
    expect(w.cluster.resizeNode('worker-1', { cpu: '500m', memory: '1Gi' })).toEqual({ type: 'unchanged', name: 'worker-1' });
    w.cluster.resizeNode('worker-1', { cpu: '2' });
    w.advance('5m');
    expect(w.pods()[0].spec?.nodeName).toBe('worker-1');
  });
});

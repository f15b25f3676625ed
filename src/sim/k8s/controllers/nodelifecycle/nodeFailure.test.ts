import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world, type PodObj, type World } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';

type NodeObj = KubeObject & Node;

const deployment = (replicas: number, extra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${extra}
      containers: [{name: nginx, image: nginx:1.27}]
`;

const node = (w: World, name: string) => w.client.get<NodeObj>('nodes', undefined, name)!;
const condition = (w: World, name: string, type = 'Ready') => node(w, name).status!.conditions!.find((c) => c.type === type) as NodeCondition;
const taints = (w: World, name: string) => (node(w, name).spec?.taints ?? []).map((t: Taint) => `${t.key}:${t.effect}`);
const podsOn = (w: World, name: string) => w.pods('app=web').filter((p) => p.spec?.nodeName === name);
const podReady = (p: PodObj) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const allEvents = (w: World, reason: string) =>
  w.client
    .list('events')
    .filter((e) => e.reason === reason)
    .map((e) => `${(e.source as { component: string }).component} ${(e.involvedObject as { name: string }).name}: ${e.message}`);

/**
 * A running Deployment, then worker-1 powered off right after its Lease
 * renewal at 60 s (the kubelet renews every 10 s from 09:00:00).
 */
function stoppedWorker(replicas = 3, extra = '') {
  const w = world().apply(deployment(replicas, extra)).advance('60s');
  expect(w.pods('app=web').filter((p) => p.status?.phase === 'Running')).toHaveLength(replicas);
  expect(w.cluster.stopNode('worker-1')).toEqual({ type: 'changed' });
  return w;
}

describe('node failure: the node lifecycle controller', () => {
  it('a stopped node stays Ready through the 50 s grace period, then turns Unknown (NodeStatusUnknown, "Kubelet stopped posting node status.")', () => {
    const w = stoppedWorker();
    const heartbeat = condition(w, 'worker-1').lastHeartbeatTime;
    w.advance('50s');
    expect(condition(w, 'worker-1').status).toBe('True');
    // The lease was last seen at the 5 s check of the stop; Unknown at the first check strictly after 50 s.
    w.advance('5s');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      const c = condition(w, 'worker-1', type);
      expect(c.status).toBe('Unknown');
      expect(c.reason).toBe('NodeStatusUnknown');
      expect(c.message).toBe('Kubelet stopped posting node status.');
    }
    expect(condition(w, 'worker-1').lastHeartbeatTime).toBe(heartbeat);
    expect(condition(w, 'worker-2').status).toBe('True');
    expect(allEvents(w, 'NodeNotReady')).toContain('node-controller worker-1: Node worker-1 status is now: NodeNotReady');
  });

  it('taints an Unknown node unreachable: NoSchedule at once, NoExecute at the next 5 s check', () => {
    const w = stoppedWorker().advance('55s');
    expect(taints(w, 'worker-1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    w.advance('5s');
    expect(taints(w, 'worker-1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node(w, 'worker-1').spec!.taints![1].timeAdded).toBe('2025-03-01T09:02:00Z');
  });

  it('marks the pods of an Unknown node Ready=False with a NodeNotReady warning; their containers still read ready', () => {
    const w = stoppedWorker().advance('55s');
    const [pod] = podsOn(w, 'worker-1');
    expect(podReady(pod)).toBe('False');
    expect(pod.status!.containerStatuses![0].ready).toBe(true);
    expect(w.events(pod).map((e) => `${e.reason}: ${e.message}`)).toContain('NodeNotReady: Node is not ready');
    expect(w.deployment('web').status!.readyReplicas).toBe(2);
  });

  it('evicts pods with the default 300 s toleration 300 s after the NoExecute taint; they stay Terminating, the ReplicaSet replaces them elsewhere', () => {
    const w = stoppedWorker();
    const [victim] = podsOn(w, 'worker-1');
    w.advance('60s'); // Unknown at 55 s, NoExecute taint at 60 s
    expect(victim.spec!.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    w.advance('299s');
    expect(w.client.get<PodObj>('pods', 'default', victim.metadata.name)!.metadata.deletionTimestamp).toBeUndefined();
    w.advance('1s');
    const evicted = w.client.get<PodObj>('pods', 'default', victim.metadata.name)!;
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status!.conditions!.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(allEvents(w, 'TaintManagerEviction')).toEqual([`taint-eviction-controller ${victim.metadata.name}: Marking for deletion Pod default/${victim.metadata.name}`]);
    w.advance('30s');
    // The kubelet is down: nobody confirms the deletion.
    expect(w.client.get('pods', 'default', victim.metadata.name)).toBeDefined();
    const live = w.pods('app=web').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec!.nodeName !== 'worker-1' && p.status!.phase === 'Running')).toBe(true);
  });

  it('in a small cluster with 3 of 4 nodes down (partial disruption), taints NoSchedule but applies no NoExecute taint', () => {
    const w = world().apply(deployment(3)).advance('60s');
    for (const n of ['worker-1', 'worker-2', 'worker-3']) w.cluster.stopNode(n);
    w.advance('10m');
    for (const n of ['worker-1', 'worker-2', 'worker-3']) expect(taints(w, n)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(w.pods('app=web').some((p) => p.metadata.deletionTimestamp)).toBe(false);
    // One node back: the zone is normal again; tainting resumes at 0.1 node/s (a fresh bucket drained: first taint 10 s later).
    w.cluster.startNode('worker-3');
    w.advance('5s');
    w.advance('10s');
    const tainted = ['worker-1', 'worker-2'].filter((n) => taints(w, n).includes('node.kubernetes.io/unreachable:NoExecute'));
    expect(tainted).toHaveLength(1);
    w.advance('10s');
    expect(['worker-1', 'worker-2'].every((n) => taints(w, n).includes('node.kubernetes.io/unreachable:NoExecute'))).toBe(true);
  });

  it('keeps the cordon taint in line with spec.unschedulable', () => {
    const w = world();
    w.client.patch('nodes', undefined, 'worker-2', { spec: { unschedulable: true } }, 'strategic');
    w.cluster.runUntilIdle();
    expect(taints(w, 'worker-2')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    w.client.patch('nodes', undefined, 'worker-2', { spec: { unschedulable: null } }, 'strategic');
    w.cluster.runUntilIdle();
    expect(taints(w, 'worker-2')).toEqual([]);
  });
});

describe('node failure: the node comes back', () => {
  it('a powered-off kubelet syncs nothing: a pod bound there meanwhile stays Pending until the node starts', () => {
    const w = stoppedWorker();
    w.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pinned', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    w.advance('30s');
    const pinned = w.client.get<PodObj>('pods', 'default', 'pinned')!;
    expect(pinned.status!.phase).toBe('Pending');
    expect(pinned.status!.containerStatuses).toBeUndefined();
    w.cluster.startNode('worker-1');
    w.advance('5s');
    expect(w.client.get<PodObj>('pods', 'default', 'pinned')!.status!.phase).toBe('Running');
  });

  it('started before the eviction: Ready again, taints gone, the pending eviction cancelled, its pod restarted as after a reboot', () => {
    const w = stoppedWorker();
    const [pod] = podsOn(w, 'worker-1');
    w.advance('2m');
    expect(condition(w, 'worker-1').status).toBe('Unknown');
    expect(w.cluster.startNode('worker-1')).toEqual({ type: 'changed' });
    expect(w.cluster.startNode('worker-1')).toEqual({ type: 'unchanged' });
    expect(condition(w, 'worker-1')).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(taints(w, 'worker-1')).toEqual(['node.kubernetes.io/unreachable:NoExecute']);
    w.advance('5s');
    expect(taints(w, 'worker-1')).toEqual([]);
    expect(allEvents(w, 'TaintManagerEviction')).toEqual([`taint-eviction-controller ${pod.metadata.name}: Cancelling deletion of Pod default/${pod.metadata.name}`]);
    const reasons = w.events(node(w, 'worker-1')).map((e) => e.reason);
    expect(reasons).toContain('Rebooted');
    const after = w.client.get<PodObj>('pods', 'default', pod.metadata.name)!;
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.status!.phase).toBe('Running');
    expect(podReady(after)).toBe('True');
    expect(after.status!.containerStatuses![0].restartCount).toBe(1);
    expect(w.events(after).map((e) => e.reason)).toContain('SandboxChanged');
    w.advance('10m');
    expect(w.client.get('pods', 'default', pod.metadata.name)).toBeDefined();
  });

  it('started after the eviction: the Terminating pods are finished off and disappear', () => {
    const w = stoppedWorker();
    const [pod] = podsOn(w, 'worker-1');
    w.advance('7m');
    expect(w.client.get<PodObj>('pods', 'default', pod.metadata.name)!.metadata.deletionTimestamp).toBeDefined();
    w.cluster.startNode('worker-1');
    expect(w.client.get('pods', 'default', pod.metadata.name)).toBeUndefined();
    expect(w.pods('app=web')).toHaveLength(3);
  });

  it('a Terminating pod of a stopped node goes at once when force-deleted; the node forgets it when it starts', () => {
    const w = stoppedWorker();
    const [pod] = podsOn(w, 'worker-1');
    w.advance('7m');
    expect(w.client.get<PodObj>('pods', 'default', pod.metadata.name)!.metadata.deletionTimestamp).toBeDefined();
    w.client.delete('pods', 'default', pod.metadata.name, { gracePeriodSeconds: 0 });
    w.cluster.runUntilIdle();
    expect(w.client.get('pods', 'default', pod.metadata.name)).toBeUndefined();
    w.cluster.startNode('worker-1');
    w.advance('10s');
    expect(podsOn(w, 'worker-1')).toEqual([]);
    expect(w.pods('app=web').filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
  });

  it('refuses to power off the control-plane node, and reports unknown nodes', () => {
    const w = world();
    expect(w.cluster.stopNode('control-plane').type).toBe('notSimulated');
    expect(w.cluster.stopNode('nope')).toEqual({ type: 'notFound' });
    expect(w.cluster.stopNode('worker-2')).toEqual({ type: 'changed' });
    expect(w.cluster.stopNode('worker-2')).toEqual({ type: 'unchanged' });
    expect(w.cluster.isNodeStopped('worker-2')).toBe(true);
  });
});

describe('taint-based eviction (conformance: Pod Eviction, Toleration limits; Taint, Pod Eviction on taint removal)', () => {
  const EVICT_TAINT = { key: 'kubernetes.io/e2e-evict-taint-key', value: 'evictTaintVal', effect: 'NoExecute' };
  const tolerating = (name: string, seconds?: number) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName: 'worker-2',
      tolerations: [{ key: EVICT_TAINT.key, operator: 'Equal', value: EVICT_TAINT.value, effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) }],
      containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }],
    },
  });
  const taintWorker2 = (w: World, on: boolean) => {
    w.client.patch('nodes', undefined, 'worker-2', { spec: { taints: on ? [EVICT_TAINT] : null } }, 'merge');
    w.cluster.runUntilIdle();
  };
  const deleting = (w: World, name: string) => w.client.get('pods', 'default', name)?.metadata.deletionTimestamp !== undefined;

  it('pods tolerating the taint for 5 s and 25 s are evicted after 5 s and 25 s; a pod tolerating it forever stays', () => {
    const w = world();
    for (const p of [tolerating('five', 5), tolerating('twentyfive', 25), tolerating('forever')]) w.client.create(p);
    w.advance('10s');
    taintWorker2(w, true);
    w.advance('4.9s');
    expect(deleting(w, 'five')).toBe(false);
    w.advance('100ms');
    expect(deleting(w, 'five')).toBe(true);
    w.advance('19.9s');
    expect(deleting(w, 'twentyfive')).toBe(false);
    w.advance('100ms');
    expect(deleting(w, 'twentyfive')).toBe(true);
    w.advance('5m');
    expect(deleting(w, 'forever')).toBe(false);
  });

  it('a pod that does not tolerate a NoExecute taint is deleted at once', () => {
    const w = world();
    w.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'plain', namespace: 'default' }, spec: { nodeName: 'worker-2', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    w.advance('10s');
    taintWorker2(w, true);
    expect(deleting(w, 'plain')).toBe(true);
    expect(allEvents(w, 'TaintManagerEviction')).toEqual(['taint-eviction-controller plain: Marking for deletion Pod default/plain']);
  });

  it('eviction is cancelled when the taint is removed first', () => {
    const w = world();
    w.client.create(tolerating('five', 5));
    w.advance('10s');
    taintWorker2(w, true);
    w.advance('3s');
    taintWorker2(w, false);
    w.advance('1m');
    expect(deleting(w, 'five')).toBe(false);
    expect(allEvents(w, 'TaintManagerEviction')).toEqual(['taint-eviction-controller five: Cancelling deletion of Pod default/five']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Activity } from '../../sim/k8s/index';
import { componentOf, noteLines, summarizeActivity } from './controlPlane';

let seq = 0;
const write = (actor: string, verb: string, resource: string, key: string): Activity => ({ seq: seq++, at: 0, actor, type: 'write', verb, resource, key });
const note = (actor: string, message: string): Activity => ({ seq: seq++, at: 0, actor, type: 'note', message });
const world = { nodes: ['worker-1', 'worker-2'], nodeOfPod: (key: string) => (key === 'default/web-1' ? 'worker-1' : undefined) };

describe('componentOf', () => {
  it.each([
    ['kubectl', 'kubectl'],
    ['deployment-controller', 'controller-manager'],
    ['generic-garbage-collector', 'controller-manager'],
    ['controllermanager', 'controller-manager'],
    ['default-scheduler', 'scheduler'],
    ['kubelet/worker-2', 'kubelet:worker-2'],
    ['kube-apiserver', 'apiserver'],
  ])('%s is %s', (actor, component) => expect(componentOf(actor)).toBe(component));
});

describe('summarizeActivity', () => {
  it('follows a Deployment from kubectl to the kubelet that runs its pod', () => {
    const s = summarizeActivity(
      [
        write('kubectl', 'create', 'deployments.apps', 'default/web'),
        write('deployment-controller', 'create', 'replicasets.apps', 'default/web-7d'),
        write('replicaset-controller', 'create', 'pods', 'default/web-1'),
        write('default-scheduler', 'bind', 'pods', 'default/web-1'),
        write('kubelet/worker-1', 'updateStatus', 'pods', 'default/web-1'),
      ],
      world,
    );
    const paths = s.pulses.map((p) => `${p.from}>${p.to}`);
    expect(paths).toEqual([
      'kubectl>apiserver',
      'apiserver>etcd',
      'apiserver>controller-manager',
      'controller-manager>apiserver',
      'apiserver>scheduler',
      'scheduler>apiserver',
      'apiserver>kubelet:worker-1',
      'kubelet:worker-1>apiserver',
    ]);
    expect([...s.controllers]).toEqual(['deployment-controller', 'replicaset-controller']);
    expect(s.active.has('kubelet:worker-1')).toBe(true);
  });

  it('tells every kube-proxy about a changed EndpointSlice', () => {
    const s = summarizeActivity([write('endpointslice-controller', 'update', 'endpointslices.discovery.k8s.io', 'default/web-abc')], world);
    expect(s.pulses.filter((p) => p.kind === 'notify').map((p) => p.to)).toEqual(['kube-proxy:worker-1', 'kube-proxy:worker-2']);
  });

  it('lights a kubelet on its heartbeat without a travelling pulse', () => {
    const s = summarizeActivity([write('kubelet/worker-2', 'update', 'leases.coordination.k8s.io', 'kube-node-lease/worker-2'), write('kubelet/worker-2', 'updateStatus', 'nodes', 'worker-2')], world);
    expect(s.pulses).toEqual([]);
    expect([...s.active]).toEqual(['kubelet:worker-2']);
  });

  it('keeps one pulse per path and at most `limit`', () => {
    const burst = Array.from({ length: 50 }, (_, i) => write('replicaset-controller', 'create', 'pods', `default/p${i}`));
    expect(summarizeActivity(burst, world).pulses).toHaveLength(3);
    expect(summarizeActivity(burst, world, 2).pulses).toHaveLength(2);
  });
});

describe('noteLines', () => {
  it('keeps notes and drops writes', () => {
    const lines = noteLines([write('kubectl', 'create', 'pods', 'default/x'), note('replicaset-controller', 'ReplicaSet web-7d: 2 of 3 pods → creating 1')]);
    expect(lines.map((l) => `${l.actor}: ${l.text}`)).toEqual(['replicaset-controller: ReplicaSet web-7d: 2 of 3 pods → creating 1']);
    expect(lines[0].component).toBe('controller-manager');
  });
});

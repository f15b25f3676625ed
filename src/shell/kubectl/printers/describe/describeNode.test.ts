import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { describe as describeObject } from './index';

// Fragments checked against real output: the Conditions header and row of a
// kind node (2025), the Lease block, and a microk8s node's System Info /
// Non-terminated Pods (0 in total) / Allocated resources section, whose
// columns (e.g. `Namespace                   Name    CPU Requests`) this
// reproduces byte for byte.
const NOW = Date.parse('2025-03-07T17:24:00Z');
const resources = { cpu: '8', 'ephemeral-storage': '1055762868Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '15993876Ki', pods: '110' };
const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'kind-control-plane', uid: 'n1', creationTimestamp: '2025-03-07T16:54:52Z', labels: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' }, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } },
  spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], providerID: 'kind://docker/kind/kind-control-plane' },
  status: {
    conditions: [{ type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2025-03-07T17:23:01Z', lastTransitionTime: '2025-03-07T16:54:50Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' }],
    addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'kind-control-plane' }],
    capacity: resources,
    allocatable: resources,
    nodeInfo: { machineID: 'c30ed1d6438444fe960a5ca06cdfc0ac', systemUUID: 'c30ed1d6438444fe960a5ca06cdfc0ac', bootID: 'c9cac499-0e6c-4f9d-811e-ed501bda039f', kernelVersion: '5.10.110-rockchip-rk3588', osImage: 'Ubuntu 22.04.2 LTS', operatingSystem: 'linux', architecture: 'arm64', containerRuntimeVersion: 'containerd://1.6.15', kubeletVersion: 'v1.26.11', kubeProxyVersion: 'v1.26.11' },
  },
} as unknown as KubeObject;
const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kind-control-plane', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'kind-control-plane', renewTime: '2025-03-07T17:23:34.000000Z' } } as unknown as KubeObject;
const pod = (name: string, phase: string) =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', creationTimestamp: '2025-03-07T16:55:00Z' },
    spec: { nodeName: 'kind-control-plane', containers: [{ name: 'c', resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } } }] },
    status: { phase },
  }) as unknown as KubeObject;

describe('kubectl describe node', () => {
  it('prints lease, conditions, resources, system info and the non-terminated pods with percentages', () => {
    const ctx = fakeContext([node, lease, pod('coredns-668d6bf9bc-7xk2p', 'Running'), pod('done-job-x', 'Succeeded')], NOW);
    expect(describeObject(info('nodes'), node, ctx)).toBe(`Name:               kind-control-plane
Roles:              control-plane
Labels:             kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Fri, 07 Mar 2025 16:54:52 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kind-control-plane
  AcquireTime:     <unset>
  RenewTime:       Fri, 07 Mar 2025 17:23:34 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Fri, 07 Mar 2025 17:23:01 +0000   Fri, 07 Mar 2025 16:54:50 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    kind-control-plane
Capacity:
  cpu:                8
  ephemeral-storage:  1055762868Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             15993876Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  1055762868Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             15993876Ki
  pods:               110
System Info:
  Machine ID:                 c30ed1d6438444fe960a5ca06cdfc0ac
  System UUID:                c30ed1d6438444fe960a5ca06cdfc0ac
  Boot ID:                    c9cac499-0e6c-4f9d-811e-ed501bda039f
  Kernel Version:             5.10.110-rockchip-rk3588
  OS Image:                   Ubuntu 22.04.2 LTS
  Operating System:           linux
  Architecture:               arm64
  Container Runtime Version:  containerd://1.6.15
  Kubelet Version:            v1.26.11
  Kube-Proxy Version:         v1.26.11
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
ProviderID:                   kind://docker/kind/kind-control-plane
Non-terminated Pods:          (1 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  kube-system                 coredns-668d6bf9bc-7xk2p    100m (1%)     0 (0%)      70Mi (0%)        170Mi (1%)     29m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (1%)  0 (0%)
  memory             70Mi (0%)  170Mi (1%)
  ephemeral-storage  0 (0%)     0 (0%)
  hugepages-1Gi      0 (0%)     0 (0%)
  hugepages-2Mi      0 (0%)     0 (0%)
Events:              <none>
`);
  });

  it('reports a missing lease and an empty pod table as kubectl does', () => {
    const out = describeObject(info('nodes'), node, fakeContext([node], NOW));
    expect(out).toContain('Unschedulable:      false\nLease:              Failed to get lease: leases.coordination.k8s.io "kind-control-plane" not found\nConditions:\n');
    expect(out).toContain(`Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
  hugepages-1Gi      0 (0%)    0 (0%)
  hugepages-2Mi      0 (0%)    0 (0%)
`);
  });

  it('prints taints one per line and cordoned nodes as unschedulable', () => {
    const cordoned = { ...node, spec: { unschedulable: true, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2025-03-07T17:00:00Z' }] } } as unknown as KubeObject;
    const out = describeObject(info('nodes'), cordoned, fakeContext([cordoned, lease], NOW));
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n                    node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n');
  });
});

import type { Node, Taint } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import type { Rng } from '../../../lib/rng';
import { intToIp, ipToInt } from '../api/serviceAllocator';
import type { ClusterConfig } from '../controllers/context';
import { NODE_KERNEL } from '../version';

export const CONTROL_PLANE = 'control-plane';

/** Memory the kubelet keeps back by default (evictionHard memory.available < 100Mi). */
const EVICTION_HARD_MEMORY = 100 * 1024 * 1024;
const EPHEMERAL_CAPACITY_KI = 102626232;

export interface NodeShape {
  name: string;
  index: number;
  cpu: string;
  memory: string;
  controlPlane: boolean;
  /** Pods the kubelet accepts (default: the cluster's maxPods, 110). */
  maxPods?: number;
  /** Labels beyond the kubelet's own (a zone, `--node-labels`). */
  labels?: Record<string, string>;
  /** Taints the kubelet registers the node with (`--register-with-taints`). */
  taints?: Taint[];
}

/** The nodes of the cluster: `control-plane` plus `worker-1..N`. */
export function nodeShapes(config: ClusterConfig): NodeShape[] {
  const shapes: NodeShape[] = [{ name: CONTROL_PLANE, index: 0, cpu: '4', memory: '8Gi', controlPlane: true }];
  for (let i = 1; i <= config.workers; i++) shapes.push({ name: `worker-${i}`, index: i, cpu: config.nodeCpu, memory: config.nodeMemory, controlPlane: false });
  return shapes;
}

/** Node i's pod CIDR: 10.244.i.0/24 for small clusters, a /24 of 10.128.0.0/9 beyond 255 nodes. */
export function podCIDR(index: number, total: number): string {
  if (total <= 256) return `10.244.${index}.0/24`;
  return `${intToIp(ipToInt('10.128.0.0') + index * 256)}/24`;
}

/** Node i's InternalIP on the kind-style node network 172.18.0.0/16. */
export function nodeIP(index: number): string {
  return intToIp(ipToInt('172.18.0.2') + index);
}

function randomHex(rng: Rng, n: number): string {
  return rng.string(n, '0123456789abcdef');
}

/** `status.capacity` and `status.allocatable` as the kubelet reports them for a machine of this size (evictionHard keeps 100Mi back). */
export function nodeResources(cpuQuantity: string, memory: string, maxPods: number): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memBytes = bytesOf(memory);
  const memKi = Math.floor(memBytes / 1024);
  const allocatableMemKi = Math.floor((memBytes - EVICTION_HARD_MEMORY) / 1024);
  const millis = cpuMillis(cpuQuantity);
  const cpu = millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
  const capacity = { cpu, 'ephemeral-storage': `${EPHEMERAL_CAPACITY_KI}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: String(maxPods) };
  const allocatable = { ...capacity, 'ephemeral-storage': String(Math.floor(EPHEMERAL_CAPACITY_KI * 1024 * 0.9)), memory: `${allocatableMemKi}Ki` };
  return { capacity, allocatable };
}

/** A registered, Ready Node object as the kubelet creates it (kind/kubeadm-style labels and annotations). */
export function nodeObject(shape: NodeShape, total: number, config: ClusterConfig, now: string, rng: Rng): Node & { apiVersion: string; kind: string; metadata: { name: string } } {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
  };
  Object.assign(labels, shape.labels);
  if (shape.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const cidr = podCIDR(shape.index, total);
  const { capacity, allocatable } = nodeResources(shape.cpu, shape.memory, shape.maxPods ?? config.maxPods);
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: cidr,
      podCIDRs: [cidr],
      providerID: `kind://docker/kubeplay/${shape.name}`,
      ...(shape.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : shape.taints?.length ? { taints: shape.taints } : {}),
    },
    status: {
      capacity,
      allocatable,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeIP(shape.index) },
        { type: 'Hostname', address: shape.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: randomHex(rng, 32),
        systemUUID: rng.uuid(),
        bootID: rng.uuid(),
        kernelVersion: NODE_KERNEL,
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: config.kubernetesVersion,
        kubeProxyVersion: config.kubernetesVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  };
}

import type { Node, Pod } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { imageProfile } from '../images/catalog';
import type { KubeletState } from '../kubelet/syncPod';

type PodObj = KubeObject & Pod;
type NodeObj = KubeObject & Node;

/** metrics-server's resolution: a container's usage shows up after one full scrape period. */
export const METRICS_RESOLUTION_MS = 15_000;

/** What the node itself uses besides its pods (kubelet, containerd, the OS). */
const NODE_OVERHEAD = { cpuMilli: 25, memoryBytes: 290 * 1024 * 1024 };

export interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

export interface PodMetrics {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
}

export interface NodeMetrics {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
  allocatableCpuMilli: number;
  allocatableMemoryBytes: number;
  capacityCpuMilli: number;
  capacityMemoryBytes: number;
}

export type MetricsResult<T> = { ok: true; items: T[] } | { ok: false; message: string };

/** Whether the metrics API is served: a metrics-server pod is Ready (as the APIService's availability). */
export function metricsAvailable(store: ObjectStore): boolean {
  return store
    .list<PodObj>('pods', 'kube-system')
    .some((p) => p.metadata.labels?.['k8s-app'] === 'metrics-server' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

/**
 * The usage model: a running container uses its image's idle CPU, plus CPU
 * per request it served over the last scrape window, plus a core per
 * `stress --cpu` hog (capped by its CPU limit); memory is its process's
 * working set. Containers running for less than one window have no sample.
 */
export function podMetrics(store: ObjectStore, kubelets: KubeletState, now: number, namespace?: string): MetricsResult<PodMetrics> {
  if (!metricsAvailable(store)) return { ok: false, message: 'Metrics API not available' };
  const items: PodMetrics[] = [];
  for (const [key, rt] of kubelets.pods) {
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    if (namespace !== undefined && ns !== namespace) continue;
    const node = kubelets.nodes.get(rt.node);
    if (!node || node.stopped) continue;
    const pod = store.get<PodObj>('pods', key);
    if (!pod || pod.metadata.uid !== rt.uid) continue;
    const containers: ContainerUsage[] = [];
    for (const c of rt.containers) {
      const proc = c.phase === 'running' ? c.proc : undefined;
      if (!proc || now - proc.startedAt < METRICS_RESOLUTION_MS) continue;
      proc.advance(now);
      const profile = imageProfile(c.ref);
      const spec = pod.spec?.containers[c.index];
      const idle = profile?.cpuIdleMilli ?? (profile?.kind === 'server' ? 1 : 0);
      let cpu = idle + proc.requestRate(now, METRICS_RESOLUTION_MS / 1000) * (profile?.cpuPerRequestMilli ?? 0.2) + proc.cpuHogs * 1000;
      const limit = cpuMillis(spec?.resources?.limits?.cpu);
      if (limit > 0) cpu = Math.min(cpu, limit);
      containers.push({ name: c.name, cpuMilli: Math.round(cpu), memoryBytes: proc.memoryBytes() });
    }
    if (containers.length > 0 && containers.length === rt.containers.length) items.push({ namespace: ns, name: pod.metadata.name, containers });
  }
  items.sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
  return { ok: true, items };
}

/** Node usage: its pods' usage plus the node's own overhead. */
export function nodeMetrics(store: ObjectStore, kubelets: KubeletState, now: number): MetricsResult<NodeMetrics> {
  const pods = podMetrics(store, kubelets, now);
  if (!pods.ok) return pods;
  const byNode = new Map<string, { cpu: number; mem: number }>();
  for (const p of pods.items) {
    const node = kubelets.pods.get(`${p.namespace}/${p.name}`)?.node;
    if (!node) continue;
    const u = byNode.get(node) ?? { cpu: 0, mem: 0 };
    for (const c of p.containers) {
      u.cpu += c.cpuMilli;
      u.mem += c.memoryBytes;
    }
    byNode.set(node, u);
  }
  const items: NodeMetrics[] = [];
  for (const node of store.list<NodeObj>('nodes')) {
    const rt = kubelets.nodes.get(node.metadata.name);
    if (!rt || rt.stopped) continue;
    const u = byNode.get(node.metadata.name) ?? { cpu: 0, mem: 0 };
    items.push({
      name: node.metadata.name,
      cpuMilli: u.cpu + NODE_OVERHEAD.cpuMilli,
      memoryBytes: u.mem + NODE_OVERHEAD.memoryBytes,
      allocatableCpuMilli: cpuMillis(node.status?.allocatable?.cpu),
      allocatableMemoryBytes: bytesOf(node.status?.allocatable?.memory),
      capacityCpuMilli: cpuMillis(node.status?.capacity?.cpu),
      capacityMemoryBytes: bytesOf(node.status?.capacity?.memory),
    });
  }
  return { ok: true, items };
}

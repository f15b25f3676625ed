import type { Node, Pod } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../lib/quantity';
import { LOOK_DESCRIPTION, podLook, type PodLook } from './podLook';
import { podRequests } from './resources';

/** What the drawing needs of a pod. `key` is `namespace/name` (stable across updates). */
export interface PodView {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string | undefined;
  /** kubectl's STATUS text. */
  readonly status: string;
  readonly look: PodLook;
  /** READY column, `1/1`. */
  readonly ready: string;
  readonly restarts: number;
  readonly podIP: string | undefined;
  readonly createdAt: number | undefined;
  /** Accessible name: starts with the pod name. */
  readonly label: string;
}

export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown';

export interface Usage {
  readonly requested: number;
  readonly allocatable: number;
}

export interface NodeView {
  readonly key: string;
  readonly name: string;
  readonly readiness: NodeReadiness;
  /** Roles from `node-role.kubernetes.io/*` labels (kubectl's ROLES column; empty = `<none>`). */
  readonly roles: readonly string[];
  readonly unschedulable: boolean;
  /** Taints as kubectl describes them: `key:Effect`. */
  readonly taints: readonly string[];
  readonly version: string;
  readonly cpu: Usage;
  readonly memory: Usage;
  readonly podCapacity: number;
  readonly pods: readonly PodView[];
  readonly label: string;
}

export interface ClusterView {
  readonly nodes: readonly NodeView[];
  /** Pods with no node yet (Pending, unscheduled). */
  readonly unscheduled: readonly PodView[];
  readonly podTotal: number;
}

export interface ClusterSource {
  readonly now: number;
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  /** kubectl STATUS text per pod, keyed `namespace/name`. */
  readonly podStatus: Readonly<Record<string, string>>;
}

/** Pods whose resources no longer count against their node (kubectl and the scheduler skip them). */
function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function toPodView(pod: Pod, status: string): PodView {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const statuses = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? statuses.length;
  const readyCount = statuses.filter((c) => c.ready).length;
  const readyCondition = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const nodeName = pod.spec?.nodeName || undefined;
  const look = podLook(status, readyCondition, nodeName !== undefined);
  const created = pod.metadata?.creationTimestamp ? Date.parse(pod.metadata.creationTimestamp) : undefined;
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    nodeName,
    status,
    look,
    ready: `${readyCount}/${total}`,
    restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    podIP: pod.status?.podIP,
    createdAt: Number.isNaN(created) ? undefined : created,
    label: `${name}, ${status} (${LOOK_DESCRIPTION[look]})${nodeName ? ` on ${nodeName}` : ''}`,
  };
}

function readinessOf(node: Node): NodeReadiness {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready) return 'Unknown';
  return ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
}

function rolesOf(node: Node): string[] {
  const roles: string[] = [];
  for (const key of Object.keys(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.push(key.slice('node-role.kubernetes.io/'.length));
  }
  return roles.sort();
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { numeric: true });

/**
 * Maps the cluster's objects to the view the drawing renders: nodes in name
 * order, each with its pods (by creation, then name) and request totals.
 */
export function buildClusterView(source: ClusterSource): ClusterView {
  const podsByNode = new Map<string, PodView[]>();
  const requests = new Map<string, { cpu: number; memory: number }>();
  const unscheduled: PodView[] = [];
  for (const pod of source.pods) {
    const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    const view = toPodView(pod, source.podStatus[key] ?? pod.status?.phase ?? 'Unknown');
    if (!view.nodeName) {
      unscheduled.push(view);
      continue;
    }
    let list = podsByNode.get(view.nodeName);
    if (!list) podsByNode.set(view.nodeName, (list = []));
    list.push(view);
    if (!isTerminal(pod)) {
      const r = podRequests(pod);
      const sum = requests.get(view.nodeName) ?? { cpu: 0, memory: 0 };
      requests.set(view.nodeName, { cpu: sum.cpu + r.cpuMillis, memory: sum.memory + r.memoryBytes });
    }
  }
  const podOrder = (a: PodView, b: PodView) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || byName(a, b);
  const nodes: NodeView[] = source.nodes.map((node) => {
    const name = node.metadata?.name ?? '';
    const allocatable = node.status?.allocatable ?? node.status?.capacity ?? {};
    const used = requests.get(name) ?? { cpu: 0, memory: 0 };
    const readiness = readinessOf(node);
    const pods = (podsByNode.get(name) ?? []).sort(podOrder);
    return {
      key: name,
      name,
      readiness,
      roles: rolesOf(node),
      unschedulable: node.spec?.unschedulable === true,
      taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      version: node.status?.nodeInfo?.kubeletVersion ?? '',
      cpu: { requested: used.cpu, allocatable: cpuMillis(allocatable.cpu) },
      memory: { requested: used.memory, allocatable: bytesOf(allocatable.memory) },
      podCapacity: Number(allocatable.pods ?? 0) || 0,
      pods,
      label: `${name}, ${readiness}, ${pods.length} pods`,
    };
  });
  nodes.sort(byName);
  return { nodes, unscheduled: unscheduled.sort(podOrder), podTotal: source.pods.length };
}

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../lib/quantity';
import { naturalCompare } from './naturalOrder';
import { indexReplicaSets, ownerOf, type OwnerView, type ReplicaSetIndex } from './owners';
import { podLook, type PodLook } from './podLook';
import { podRequests } from './resources';
import { vizText, type VizText } from '../text';

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
  /** When the kubelet accepted the pod (status.startTime), virtual ms. */
  readonly startedAt: number | undefined;
  /** The controlling owner (ReplicaSet with its Deployment and revision, or another kind). */
  readonly owner: OwnerView | undefined;
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
  /** The machine is powered off (`kubeplay node stop`): the kubelet stopped reporting. */
  readonly stopped: boolean;
  /** Taints as kubectl describes them: `key:Effect`. */
  readonly taints: readonly string[];
  readonly version: string;
  readonly cpu: Usage;
  readonly memory: Usage;
  readonly podCapacity: number;
  readonly pods: readonly PodView[];
  readonly label: string;
  /**
   * No such node any more: a card for the pods still bound to its name
   * (kubectl lists them, with their last status, until the pod garbage
   * collector deletes them 40–60 s after the node went).
   */
  readonly deleted?: boolean;
}

export interface ClusterView {
  readonly nodes: readonly NodeView[];
  /** Pods with no node yet (Pending, unscheduled). */
  readonly unscheduled: readonly PodView[];
  readonly podTotal: number;
  /** Pods bound to nodes that no longer exist, one card per node name (in name order). */
  readonly deletedNodes?: readonly NodeView[];
}

export interface ClusterSource {
  readonly now: number;
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  /** kubectl STATUS text per pod, keyed `namespace/name`. */
  readonly podStatus: Readonly<Record<string, string>>;
  /** ReplicaSets, for each pod's owner, Deployment and revision. */
  readonly replicaSets?: readonly ReplicaSet[];
  /** Nodes whose machine is powered off. */
  readonly stoppedNodes?: readonly string[];
}

/** Pods whose resources no longer count against their node (kubectl and the scheduler skip them). */
function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Each pod's requests, parsed once per stored object (quantities are slow to parse; the store replaces an object it changes, never edits it). */
const requestsOfPod = new WeakMap<Pod, { cpuMillis: number; memoryBytes: number }>();
function requestsOf(pod: Pod): { cpuMillis: number; memoryBytes: number } {
  let r = requestsOfPod.get(pod);
  if (!r) requestsOfPod.set(pod, (r = podRequests(pod)));
  return r;
}

/** What the view knows of a pod's node: reporting, silent (stopped or NotReady), or gone. */
type NodeState = 'reporting' | 'silent' | 'deleted';

/**
 * Each pod's view as last built, with what it was built from: the store
 * hands out the same object while a pod is unchanged, and a rolling update
 * changes a few pods per snapshot while a hundred are rebuilt.
 */
const built = new WeakMap<Pod, { readonly inputs: string; readonly text: VizText; readonly view: PodView }>();

function toPodView(pod: Pod, status: string, replicaSets: ReplicaSetIndex, nodeState: (name: string) => NodeState): PodView {
  const owner = ownerOf(pod.metadata, replicaSets);
  const nodeName = pod.spec?.nodeName || undefined;
  // resourceVersion too: a pod written in place would still be seen as changed.
  const inputs = `${pod.metadata?.resourceVersion ?? ''}|${status}|${nodeName !== undefined ? nodeState(nodeName) : ''}|${owner ? `${owner.kind}|${owner.name}|${owner.deployment ?? ''}|${owner.revision ?? ''}|${owner.hue ?? ''}` : ''}`;
  const text = vizText();
  const cached = built.get(pod);
  if (cached && cached.inputs === inputs && cached.text === text) return cached.view;
  const view = buildPodView(pod, status, owner, nodeState);
  built.set(pod, { inputs, text, view });
  return view;
}

function buildPodView(pod: Pod, status: string, owner: OwnerView | undefined, nodeState: (name: string) => NodeState): PodView {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const statuses = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? statuses.length;
  const readyCount = statuses.filter((c) => c.ready).length;
  const readyCondition = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const nodeName = pod.spec?.nodeName || undefined;
  let look = podLook(status, readyCondition, nodeName !== undefined);
  // A pod on a node that stopped reporting: kubectl still prints its last status, but nobody knows.
  const state = nodeName !== undefined ? nodeState(nodeName) : 'reporting';
  const lost = state !== 'reporting' && (look === 'ready' || look === 'notReady' || look === 'creating');
  if (lost) look = 'unknown';
  const created = timeOf(pod.metadata?.creationTimestamp);
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const words = vizText();
  const description = lost ? (state === 'deleted' ? words.nodeDeleted(nodeName!) : words.nodeLost(nodeName!)) : words.look[look];
  const parts = [`${name}, ${status} (${description})${nodeName ? words.onNode(nodeName) : ''}`];
  if (restarts > 0) parts.push(words.restarts(restarts));
  if (owner) parts.push(`${owner.kind} ${owner.name}${owner.revision !== undefined ? ` ${words.revision(String(owner.revision))}` : ''}`);
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    nodeName,
    status,
    look,
    ready: `${readyCount}/${total}`,
    restarts,
    podIP: pod.status?.podIP,
    createdAt: created,
    startedAt: timeOf(pod.status?.startTime),
    owner,
    label: parts.join(', '),
  };
}

function timeOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
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

const byName = (a: { name: string }, b: { name: string }) => naturalCompare(a.name, b.name);

/**
 * Pods in a node, grouped by owner (Deployment or controller), each group's
 * older revision first, then by creation: a rolling update reads as the old
 * color draining on the left and the new one filling on the right.
 */
export function podOrder(a: PodView, b: PodView): number {
  const ga = a.owner ? (a.owner.deployment ?? a.owner.name) : '';
  const gb = b.owner ? (b.owner.deployment ?? b.owner.name) : '';
  if (ga !== gb) return ga === '' ? 1 : gb === '' ? -1 : naturalCompare(ga, gb);
  const ra = a.owner?.revision ?? 0;
  const rb = b.owner?.revision ?? 0;
  return ra - rb || (a.createdAt ?? 0) - (b.createdAt ?? 0) || byName(a, b);
}

/**
 * Maps the cluster's objects to the view the drawing renders: nodes in name
 * order, each with its pods (by creation, then name) and request totals.
 */
export function buildClusterView(source: ClusterSource): ClusterView {
  const podsByNode = new Map<string, PodView[]>();
  const requests = new Map<string, { cpu: number; memory: number }>();
  const unscheduled: PodView[] = [];
  const replicaSets = indexReplicaSets(source.replicaSets ?? []);
  const reporting = new Map<string, boolean>();
  for (const node of source.nodes) reporting.set(node.metadata?.name ?? '', readinessOf(node) !== 'Unknown');
  for (const name of source.stoppedNodes ?? []) if (reporting.has(name)) reporting.set(name, false);
  const nodeState = (name: string): NodeState => {
    const r = reporting.get(name);
    return r === undefined ? 'deleted' : r ? 'reporting' : 'silent';
  };
  for (const pod of source.pods) {
    const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    const view = toPodView(pod, source.podStatus[key] ?? pod.status?.phase ?? 'Unknown', replicaSets, nodeState);
    if (!view.nodeName) {
      unscheduled.push(view);
      continue;
    }
    let list = podsByNode.get(view.nodeName);
    if (!list) podsByNode.set(view.nodeName, (list = []));
    list.push(view);
    if (!isTerminal(pod)) {
      const r = requestsOf(pod);
      const sum = requests.get(view.nodeName) ?? { cpu: 0, memory: 0 };
      requests.set(view.nodeName, { cpu: sum.cpu + r.cpuMillis, memory: sum.memory + r.memoryBytes });
    }
  }
  const stopped = new Set(source.stoppedNodes ?? []);
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
      stopped: stopped.has(name),
      taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      version: node.status?.nodeInfo?.kubeletVersion ?? '',
      cpu: { requested: used.cpu, allocatable: cpuMillis(allocatable.cpu) },
      memory: { requested: used.memory, allocatable: bytesOf(allocatable.memory) },
      podCapacity: Number(allocatable.pods ?? 0) || 0,
      pods,
      label: nodeLabel(name, readiness, node.spec?.unschedulable === true, stopped.has(name), pods.length),
    };
  });
  nodes.sort(byName);
  const deletedNodes = [...podsByNode.keys()].filter((name) => !reporting.has(name)).map((name) => deletedNode(name, podsByNode.get(name)!.sort(podOrder), requests.get(name)));
  const byCreation = (a: PodView, b: PodView) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || byName(a, b);
  return { nodes, unscheduled: unscheduled.sort(byCreation), podTotal: source.pods.length, deletedNodes: deletedNodes.sort(byName) };
}

/** The card of a node that is gone, for the pods still bound to it. */
function deletedNode(name: string, pods: readonly PodView[], used: { cpu: number; memory: number } | undefined): NodeView {
  return {
    key: name,
    name,
    readiness: 'Unknown',
    roles: [],
    unschedulable: false,
    stopped: false,
    taints: [],
    version: '',
    cpu: { requested: used?.cpu ?? 0, allocatable: 0 },
    memory: { requested: used?.memory ?? 0, allocatable: 0 },
    podCapacity: 0,
    pods,
    label: vizText().deletedNodeLabel(name, pods.length),
    deleted: true,
  };
}

function nodeLabel(name: string, readiness: NodeReadiness, cordoned: boolean, stopped: boolean, pods: number): string {
  const parts = [name, readiness];
  if (cordoned) parts.push('SchedulingDisabled');
  if (stopped) parts.push(vizText().poweredOff);
  parts.push(vizText().podCount(pods));
  return parts.join(', ');
}

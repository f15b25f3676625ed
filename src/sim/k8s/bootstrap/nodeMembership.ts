import type { Node, Taint } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis, parseQuantity } from '../../../lib/quantity';
import type { Rng } from '../../../lib/rng';
import type { VirtualClock } from '../../engine/clock';
import type { ObjectStore } from '../../engine/store';
import { ipToInt } from '../api/serviceAllocator';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../api/validation/names';
import type { ClusterConfig } from '../controllers/context';
import type { EventRecorder } from '../events/eventRecorder';
import { imageProfile } from '../images/catalog';
import { parseImageRef } from '../images/imageRef';
import type { Kubelets } from '../kubelet/kubeletController';
import { PAUSE_IMAGE, registrationEvents } from './bootstrap';
import { nodeObject, nodeResources } from './nodes';

type NodeObj = KubeObject & Node;

/** What `kubeplay node add` asks for; unset sizes default to the cluster's worker size. */
export interface NodeJoinSpec {
  /** Default: the next free `worker-N`. */
  name?: string;
  cpu?: string;
  memory?: string;
  maxPods?: number;
  /** Sets `topology.kubernetes.io/zone`. */
  zone?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
}

/** A new size for a node's machine (`kubeplay node set`). */
export interface NodeResize {
  cpu?: string;
  memory?: string;
  maxPods?: number;
}

/** What a cluster-shape change did. */
export type NodeShapeResult =
  | { type: 'added' | 'removed' | 'resized' | 'unchanged'; name: string }
  | { type: 'notFound'; name: string }
  | { type: 'exists'; name: string }
  | { type: 'invalid'; message: string }
  | { type: 'notSimulated'; reason: string };

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Largest machine the playground builds (a big cloud VM); beyond it the numbers stop meaning anything. */
const MAX_CPU_MILLIS = 1024_000;
const MAX_MEMORY = 16 * 1024 ** 4;

export interface NodeMembershipDeps {
  store: ObjectStore;
  clock: VirtualClock;
  rng: Rng;
  config: ClusterConfig;
  kubelets: Kubelets;
  recorder: EventRecorder;
  clientAs(actor: string): ApiClient;
  /** Lets the control plane react at the current instant. */
  settleNow(): void;
}

/**
 * The cluster's shape as a learner changes it: a worker joins (as after
 * `kubeadm join`: the kubelet registers the Node with its labels, the Lease
 * and the registration events; the DaemonSet controller and the scheduler
 * see it like any other), leaves (its Node object is deleted; the pod GC
 * removes the pods still bound to it), or is resized (its kubelet reports the
 * new capacity).
 */
export function createNodeMembership(deps: NodeMembershipDeps) {
  const { store, clock, rng, config } = deps;
  const initialTotal = config.workers + 1;
  const BASE_IP = ipToInt('172.18.0.2');
  /** Node indexes (IP, pod CIDR) are never reused, as the node IPAM moves on to the next free range. */
  let highestIndex = config.workers;
  const nextIndex = () => {
    for (const n of store.list<NodeObj>('nodes')) {
      const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
      if (ip) highestIndex = Math.max(highestIndex, ipToInt(ip) - BASE_IP);
    }
    return ++highestIndex;
  };
  const nextWorkerName = () => {
    let n = 1;
    for (const node of store.list<NodeObj>('nodes')) {
      const m = /^worker-(\d+)$/.exec(node.metadata.name);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    return `worker-${n}`;
  };

  function addNode(spec: NodeJoinSpec): NodeShapeResult {
    const name = spec.name ?? nextWorkerName();
    const problem = nameProblem(name) ?? sizeProblem(spec) ?? labelProblem(spec.labels) ?? zoneProblem(spec.zone) ?? taintProblem(spec.taints);
    if (problem) return { type: 'invalid', message: problem };
    if (store.get('nodes', name)) return { type: 'exists', name };
    const index = nextIndex();
    const labels = { ...spec.labels, ...(spec.zone ? { [ZONE_LABEL]: spec.zone } : {}) };
    const shape = { name, index, cpu: spec.cpu ?? config.nodeCpu, memory: spec.memory ?? config.nodeMemory, maxPods: spec.maxPods, controlPlane: false, labels, taints: spec.taints };
    const now = clock.timestamp();
    const obj = nodeObject(shape, Math.max(initialTotal, index + 1), config, now, rng) as KubeObject;
    const kubelet = deps.clientAs(`kubelet/${name}`);
    const created = kubelet.create(obj, { trusted: true });
    if (!created.ok) return { type: 'invalid', message: created.status.message };
    const node = created.object;
    kubelet.create(
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid! }] },
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: now.replace('Z', '.000000Z') },
      },
      { trusted: true },
    );
    deps.kubelets.seedImages(name, { [parseImageRef(PAUSE_IMAGE).full]: imageProfile(PAUSE_IMAGE)!.sizeBytes });
    registrationEvents(deps.recorder, node, name);
    deps.settleNow();
    return { type: 'added', name };
  }

  function removeNode(name: string): NodeShapeResult {
    const node = store.get<NodeObj>('nodes', name);
    if (!node) return { type: 'notFound', name };
    if (node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined) {
      return { type: 'notSimulated', reason: `${name} runs the control plane itself (API server, etcd, scheduler, controllers): the cluster cannot go on without it` };
    }
    const res = deps.clientAs('kubectl').delete('nodes', undefined, name);
    if (!res.ok) return { type: 'invalid', message: res.status.message };
    deps.settleNow();
    return { type: 'removed', name };
  }

  function resizeNode(name: string, size: NodeResize): NodeShapeResult {
    const node = store.get<NodeObj>('nodes', name);
    if (!node) return { type: 'notFound', name };
    const problem = sizeProblem(size);
    if (problem) return { type: 'invalid', message: problem };
    const cap = node.status?.capacity ?? {};
    const cpu = size.cpu ?? cap.cpu ?? config.nodeCpu;
    const memory = size.memory ?? cap.memory ?? config.nodeMemory;
    const maxPods = size.maxPods ?? Number(cap.pods ?? config.maxPods);
    const { capacity, allocatable } = nodeResources(cpu, memory, maxPods);
    const status = node.status ?? {};
    if (JSON.stringify(capacity) === JSON.stringify(status.capacity) && JSON.stringify(allocatable) === JSON.stringify(status.allocatable)) return { type: 'unchanged', name };
    const res = deps.clientAs(`kubelet/${name}`).updateStatus({ ...node, status: { ...status, capacity, allocatable } } as KubeObject);
    if (!res.ok) return { type: 'invalid', message: res.status.message };
    deps.recorder.record({ component: 'kubelet', host: name }, res.object, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    deps.settleNow();
    return { type: 'resized', name };
  }

  return { addNode, removeNode, resizeNode };
}

function nameProblem(name: string): string | undefined {
  const errs = isDNS1123Subdomain(name);
  return errs.length ? `invalid node name "${name}": ${errs.join(', ')}` : undefined;
}

function sizeProblem(size: NodeResize): string | undefined {
  if (size.cpu !== undefined) {
    const q = parseQuantity(size.cpu);
    const m = q ? cpuMillis(size.cpu) : NaN;
    if (!q || !(m >= 1) || m > MAX_CPU_MILLIS) return `invalid CPU "${size.cpu}": a quantity such as 2, 4 or 500m (at most 1024)`;
  }
  if (size.memory !== undefined) {
    const q = parseQuantity(size.memory);
    const b = q ? bytesOf(size.memory) : NaN;
    // The kubelet keeps 100Mi back (evictionHard): a smaller machine has nothing to offer.
    if (!q || !(b > 200 * 1024 * 1024) || b > MAX_MEMORY) return `invalid memory "${size.memory}": a quantity such as 4Gi or 512Mi (more than 200Mi, at most 16Ti)`;
  }
  if (size.maxPods !== undefined && !(Number.isInteger(size.maxPods) && size.maxPods >= 1 && size.maxPods <= 1000)) return `invalid max pods "${size.maxPods}": a whole number from 1 to 1000`;
  return undefined;
}

/** Label keys a kubelet may set on its own Node (`k8s.io/kubelet/pkg/apis/well_known_labels.go`), sorted as it lists them. */
const KUBELET_LABELS = [
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'kubernetes.io/arch',
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
];
const KUBELET_LABEL_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

const inNamespace = (ns: string, base: string) => ns === base || ns.endsWith(`.${base}`);

/** `IsKubeletLabel`: keys outside the kubernetes.io and k8s.io namespaces, or ones the kubelet may set. */
function isKubeletSettable(key: string): boolean {
  const slash = key.indexOf('/');
  const ns = slash < 0 ? '' : key.slice(0, slash);
  if (!inNamespace(ns, 'kubernetes.io') && !inNamespace(ns, 'k8s.io')) return true;
  return KUBELET_LABELS.includes(key) || KUBELET_LABEL_NAMESPACES.some((allowed) => inNamespace(ns, allowed));
}

function labelProblem(labels: Record<string, string> | undefined): string | undefined {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const errs = [...isQualifiedName(k), ...isValidLabelValue(v)];
    if (errs.length) return `invalid label "${k}=${v}": ${errs.join(', ')}`;
  }
  // The kubelet registers the node with --node-labels and refuses to start with reserved ones (the NodeRestriction rule).
  const unknown = Object.keys(labels ?? {}).filter((k) => !isKubeletSettable(k)).sort();
  if (unknown.length) {
    return (
      `the kubelet would not start: failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [${unknown.join(' ')}]\n` +
      `--node-labels in the 'kubernetes.io' namespace must begin with an allowed prefix (${KUBELET_LABEL_NAMESPACES.join(', ')}) or be in the specifically allowed set (${KUBELET_LABELS.join(', ')})\n` +
      `(set it once the node has joined: kubectl label node NAME ${unknown[0]}=)`
    );
  }
  return undefined;
}

function zoneProblem(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  const errs = isValidLabelValue(zone);
  return zone === '' || errs.length ? `invalid zone "${zone}": ${errs.join(', ') || 'must not be empty'}` : undefined;
}

function taintProblem(taints: Taint[] | undefined): string | undefined {
  for (const t of taints ?? []) {
    const errs = [...isQualifiedName(t.key), ...(t.value ? isValidLabelValue(t.value) : [])];
    if (errs.length) return `invalid taint "${t.key}": ${errs.join(', ')}`;
    if (!TAINT_EFFECTS.includes(t.effect)) return `invalid taint effect "${t.effect}": one of NoSchedule, PreferNoSchedule, NoExecute`;
  }
  return undefined;
}

import type { ObjectStore } from '../../engine/store';
import { deepEqual } from '../api/objectDiff';
import type { Labels, Selector } from '../api/selectors';
import type { KubeObject } from '../api/types';
import { NodeInfo, type NodeObject } from './nodeInfo';
import { NodeTable } from './nodeTable';
import { NodeTree } from './nodeTree';
import { PodInfo, type PodObject } from './podInfo';
import { PodRegistry } from './podRegistry';
import { PodsByVersion } from './podsByVersion';
import type { ImageState, SchedulingSnapshot, SpreadCounts } from './schedulingSnapshot';
import { SpreadCounter } from './spreadCounter';
import { WorkloadSelectors } from './workloadSelectors';

/** What changed on a node, for requeueing unschedulable pods (`NodeSchedulingPropertiesChange`). */
export interface NodeChange {
  added: boolean;
  allocatable: boolean;
  labels: boolean;
  taints: boolean;
  unschedulable: boolean;
}

const MAX_COUNTERS = 64;
const NO_NODES: readonly NodeInfo[] = Object.freeze([]);

function same(a: unknown, b: unknown): boolean {
  return deepEqual(a ?? null, b ?? null);
}

/**
 * The scheduler cache: a NodeInfo per node kept up to date from pod and node
 * events (assumed pods included), the node tree order, image states,
 * selector counters for topology spreading and the workload selectors. It
 * is the snapshot every cycle reads; updates are O(change), never a rescan.
 */
export class SchedulerCache implements SchedulingSnapshot {
  private readonly byName = new Map<string, NodeInfo>();
  private readonly tree = new NodeTree();
  /** How many of `pods` are cached PodInfos. */
  private cachedCount = 0;
  private readonly images = new Map<string, ImageState>();
  private readonly counters = new Map<string, SpreadCounter>();
  private readonly counterBySelector = new WeakMap<object, SpreadCounter>();
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  readonly table = new NodeTable(64);
  readonly bySlot: NodeInfo[] = [];
  slotEpoch = 0;
  private listed: readonly NodeInfo[] = [];
  private listIndexes = new Int32Array(0);
  private readonly withAffinity = new Set<NodeInfo>();
  private readonly withAntiAffinity = new Set<NodeInfo>();
  /** The lists `nodesWithAffinityPods`/`nodesWithRequiredAntiAffinityPods` last returned (null: changed since). */
  private withAffinityList: readonly NodeInfo[] | null = NO_NODES;
  private withAntiAffinityList: readonly NodeInfo[] | null = NO_NODES;
  readonly workloads = new WorkloadSelectors();
  /** The informer cache VolumeBinding reads claims, volumes and classes from (set when the scheduler starts). */
  volumes: ObjectStore | undefined = undefined;

  /** Cached pods by the version they hold, for the watch events that replace it (see `PodsByVersion`). */
  private readonly byVersion = new PodsByVersion();

  /** Cached pods by key (`registry.byKey`), each knowing its node (`PodInfo.cachedNode`). */
  private readonly pods: Map<string, unknown>;

  /** `registry`: shared with the scheduling queue (see `PodRegistry`), or the cache's own. */
  constructor(private readonly registry = new PodRegistry()) {
    this.pods = registry.byKey;
  }

  get nodes(): readonly NodeInfo[] {
    return this.tree.list();
  }

  /** `NodeInfo.index` of each node in `nodes`, in the same order. */
  get nodeIndexes(): Int32Array {
    const list = this.tree.list();
    if (list !== this.listed) {
      this.listed = list;
      this.listIndexes = Int32Array.from(list, (n) => n.index);
    }
    return this.listIndexes;
  }

  private get capacity(): number {
    return this.table.capacity;
  }

  node(name: string): NodeInfo | undefined {
    const n = this.byName.get(name);
    return n && this.tree.has(n) ? n : undefined;
  }

  podNode(key: string): NodeInfo | undefined {
    return this.cachedPod(key)?.cachedNode;
  }

  /** A cached pod (its node is `cachedNode`). */
  cachedPod(key: string): PodInfo | undefined {
    return this.registry.cached(key);
  }

  /** The cached pod whose version the cache holds is `old` (a watch event's previous object), when found without a lookup by key. */
  cachedVersion(old: PodObject): PodInfo | undefined {
    return this.byVersion.find(old);
  }

  /** A cached pod's newer version `pod` (same node, labels and termination): `info.pod` becomes it. */
  holdVersion(info: PodInfo, pod: PodObject): void {
    this.byVersion.move(info, pod, this.cachedCount);
  }

  get podCount(): number {
    return this.cachedCount;
  }

  /** A NodeInfo in a free slot of the table (growing the table and the per-node arrays as needed). */
  private newNode(obj: NodeObject): NodeInfo {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) this.slotEpoch++;
    const index = reused ?? this.nextSlot++;
    if (this.nextSlot > this.capacity) {
      this.table.grow(this.capacity * 2);
      for (const c of this.counters.values()) c.grow(this.capacity);
      for (const s of this.images.values()) {
        const next = new Uint8Array(this.capacity);
        next.set(s.onNode);
        s.onNode = next;
      }
    }
    const n = new NodeInfo(obj, this.table, index);
    this.byName.set(n.name, n);
    this.bySlot[index] = n;
    return n;
  }

  /** `AddNode`/`UpdateNode`. Returns what changed. */
  upsertNode(obj: NodeObject): NodeChange {
    let n = this.byName.get(obj.metadata.name);
    const added = !n || !this.tree.has(n);
    // A NodeInfo made from this very object has read it already (no second parse of its quantities).
    const fresh = n === undefined;
    n ??= this.newNode(obj);
    const old = n.node;
    const change: NodeChange = {
      added,
      allocatable: added || !same(old.status?.allocatable, obj.status?.allocatable),
      labels: added || !same(old.metadata.labels, obj.metadata.labels),
      taints: added || !same(old.spec?.taints, obj.spec?.taints),
      unschedulable: added || (old.spec?.unschedulable ?? false) !== (obj.spec?.unschedulable ?? false),
    };
    const oldImages = added ? [] : n.images;
    const imagesChanged = added || !same(old.status?.images, obj.status?.images);
    if (!change.allocatable && !change.labels && !change.taints && !change.unschedulable && !imagesChanged) {
      // A heartbeat or condition update: nothing the scheduler reads changed.
      n.node = obj;
      return change;
    }
    // Why: a kubelet reporting its pulled images changes nothing else: no re-parse, and the node's cached scores stay valid.
    if (!fresh) {
      if (change.allocatable || change.labels || change.taints || change.unschedulable) n.setNode(obj);
      else n.setImages(obj);
    }
    if (added) {
      this.tree.add(n);
      this.nodeSetChanged();
    }
    else if (change.labels) this.tree.update(n);
    if (change.labels) for (const c of this.counters.values()) c.invalidateSums();
    if (imagesChanged) this.updateImages(n, oldImages, n.images);
    return change;
  }

  /** `RemoveNode`: pods still bound to it keep a placeholder until they go. */
  removeNode(name: string): void {
    const n = this.byName.get(name);
    if (!n || !this.tree.has(n)) return;
    this.tree.remove(n);
    this.nodeSetChanged();
    this.updateImages(n, n.images, []);
    for (const c of this.counters.values()) c.invalidateSums();
    if (n.pods.length === 0) this.dropNode(n);
  }

  private dropNode(n: NodeInfo): void {
    this.byName.delete(n.name);
    for (const c of this.counters.values()) c.clearNode(n);
    this.table.clear(n.index);
    this.freeSlots.push(n.index);
  }

  private updateImages(n: NodeInfo, before: readonly string[], after: readonly string[]): void {
    const was = new Set(before);
    const now = new Set(after);
    for (const name of was) {
      if (now.has(name)) continue;
      const s = this.images.get(name);
      if (!s) continue;
      s.onNode[n.index] = 0;
      if (--s.numNodes === 0) this.images.delete(name);
    }
    const sizes = new Map<string, number>();
    for (const img of n.node.status?.images ?? []) for (const nm of img.names ?? []) if (!sizes.has(nm)) sizes.set(nm, img.sizeBytes ?? 0);
    for (const name of now) {
      if (was.has(name)) continue;
      let s = this.images.get(name);
      if (!s) this.images.set(name, (s = { size: sizes.get(name) ?? 0, numNodes: 0, onNode: new Uint8Array(this.capacity) }));
      s.onNode[n.index] = 1;
      s.numNodes++;
    }
  }

  imageState(name: string): ImageState | undefined {
    return this.images.get(name);
  }

  /** `AddPod`/`AssumePod`: counts an assigned pod on its node (creating a placeholder for an unknown node). */
  addPod(info: PodInfo, nodeName: string): void {
    this.removePod(info.key);
    this.addTo(info, this.byName.get(nodeName) ?? this.newNode({ apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName } }));
    this.byVersion.put(info, this.cachedCount);
  }

  /**
   * `AssumePod` of a pod the queue just handed over (`SchedulingQueue.handOver`) onto a node of the cache's
   * node list (the one a cycle chose): as `addPod` with the node in hand; the queue entry is overwritten in
   * the shared map. A queued pod is never the cache's (see `PodRegistry`), so there is nothing to remove first.
   */
  assumePod(info: PodInfo, n: NodeInfo): void {
    if (this.bySlot[n.index] !== n) throw new Error(`scheduler cache: node ${n.name} is not in the cache`);
    // Why: no `removePod(key)` — its lookup in the 150,000-pod map could only find the queue's entry.
    if (info.cachedNode !== undefined) this.removePod(info.key);
    this.addTo(info, n);
  }

  private addTo(info: PodInfo, n: NodeInfo): void {
    n.addPod(info);
    info.cachedNode = n;
    this.pods.set(info.key, info);
    this.cachedCount++;
    if (info.hasAffinity) {
      this.withAffinity.add(n);
      this.withAffinityList = null;
    }
    if (info.hasRequiredAntiAffinity) {
      this.withAntiAffinity.add(n);
      this.withAntiAffinityList = null;
    }
    for (const c of this.counters.values()) if (c.counts(info)) c.add(n, 1);
  }

  /** `RemovePod`/`ForgetPod`. Returns the node the pod was on. */
  removePod(key: string): NodeInfo | undefined {
    const info = this.cachedPod(key);
    if (!info) return undefined;
    const n = info.cachedNode!;
    this.byVersion.drop(info);
    info.cachedNode = undefined;
    this.registry.remove(key, info);
    this.cachedCount--;
    n.removePod(info);
    if (n.podsWithAffinity.length === 0 && this.withAffinity.delete(n)) this.withAffinityList = null;
    if (n.podsWithRequiredAntiAffinity.length === 0 && this.withAntiAffinity.delete(n)) this.withAntiAffinityList = null;
    for (const c of this.counters.values()) if (c.counts(info)) c.add(n, -1);
    if (n.pods.length === 0 && !this.tree.has(n)) this.dropNode(n);
    return n;
  }

  /** A node joined or left the tree: the affinity lists may change. */
  private nodeSetChanged(): void {
    this.withAffinityList = null;
    this.withAntiAffinityList = null;
  }

  // Why: read every cycle; rebuilt only after a pod with (anti-)affinity or a node came or went.
  nodesWithAffinityPods(): readonly NodeInfo[] {
    return (this.withAffinityList ??= this.withAffinity.size === 0 ? NO_NODES : Object.freeze([...this.withAffinity].filter((n) => this.tree.has(n))));
  }

  nodesWithRequiredAntiAffinityPods(): readonly NodeInfo[] {
    return (this.withAntiAffinityList ??= this.withAntiAffinity.size === 0 ? NO_NODES : Object.freeze([...this.withAntiAffinity].filter((n) => this.tree.has(n))));
  }

  namespaceLabels(namespace: string): Labels {
    return this.workloads.namespaceLabels(namespace);
  }

  namespacesMatching(selector: Selector): readonly string[] {
    return this.workloads.namespacesMatching(selector);
  }

  defaultSpreadSelector(pod: PodInfo): Selector | undefined {
    return this.workloads.defaultSelector(pod);
  }

  /** A live counter for (namespace, selector); built once by scanning the cached pods, then kept incrementally. */
  spreadCounts(namespace: string, selector: Selector): SpreadCounts {
    // The default selector of a workload is one shared object: look it up by identity first.
    const byIdentity = selector ? this.counterBySelector.get(selector) : undefined;
    if (byIdentity && byIdentity.namespace === namespace && this.counters.get(byIdentity.key) === byIdentity) return byIdentity;
    const c = this.counterFor(namespace, selector);
    if (selector) this.counterBySelector.set(selector, c);
    return c;
  }

  private counterFor(namespace: string, selector: Selector): SpreadCounter {
    const key = SpreadCounter.keyOf(namespace, selector);
    let c = this.counters.get(key);
    if (c) {
      this.counters.delete(key);
      this.counters.set(key, c);
      return c;
    }
    c = new SpreadCounter(namespace, selector, this.capacity);
    c.nodes = () => this.tree.list();
    for (const info of this.pods.values()) if (info instanceof PodInfo && c.counts(info)) c.perNode[info.cachedNode!.index]++;
    if (this.counters.size >= MAX_COUNTERS) this.counters.delete(this.counters.keys().next().value!);
    this.counters.set(key, c);
    return c;
  }

  /** Namespaces, Services, ReplicaSets, StatefulSets and ReplicationControllers, as their events arrive. */
  upsertObject(resource: string, obj: KubeObject, deleted: boolean): void {
    if (resource === 'namespaces') this.workloads.setNamespace(obj, deleted);
    else if (resource === 'services' || resource === 'replicationcontrollers') this.workloads.setSetSelector(resource, obj, deleted);
    else this.workloads.setLabelSelector(resource, obj, deleted);
  }
}

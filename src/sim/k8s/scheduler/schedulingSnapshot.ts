import type { ObjectStore } from '../../engine/store';
import type { Labels, Selector } from '../api/selectors';
import type { NodeInfo } from './nodeInfo';
import type { NodeTable } from './nodeTable';
import type { PodInfo } from './podInfo';

/** `ImageStateSummary`: an image's size and how many nodes hold it, with a per-node membership table. */
export interface ImageState {
  size: number;
  numNodes: number;
  /** Indexed by `NodeInfo.index`: 1 when the node lists the image. */
  onNode: Uint8Array;
}

/** Pods (non-terminating, one namespace) matching one selector, counted per node and per topology value. */
export interface SpreadCounts {
  /** Indexed by `NodeInfo.index`. */
  readonly perNode: Int32Array;
  /** Σ per topology value of `key` over all nodes (nodes without the label count under ''). */
  sumByValue(key: string): ReadonlyMap<string, number>;
}

/**
 * What a scheduling cycle reads about the cluster: the scheduler cache's
 * snapshot (nodes in node-tree order and their NodeInfo) plus the few
 * lookups plugins need (namespaces, workload selectors, image states).
 * Plugins never touch the API store.
 */
export interface SchedulingSnapshot {
  /** All nodes, zones interleaved (`nodeTree.list()`), the order sampling walks. */
  readonly nodes: readonly NodeInfo[];
  /** `NodeInfo.index` of each of `nodes`, same order. */
  readonly nodeIndexes: Int32Array;
  /** The per-node numbers, indexed by `NodeInfo.index`. */
  readonly table: NodeTable;
  /** NodeInfo by table slot (`bySlot[n.index] === n`). */
  readonly bySlot: readonly NodeInfo[];
  /** Counts slot reuses: a slot recorded earlier names the same node while this is unchanged. */
  readonly slotEpoch: number;
  /** Nodes running at least one pod with pod (anti-)affinity (`HavePodsWithAffinityList`). */
  nodesWithAffinityPods(): readonly NodeInfo[];
  /** Nodes running a pod with required anti-affinity (`HavePodsWithRequiredAntiAffinityList`). */
  nodesWithRequiredAntiAffinityPods(): readonly NodeInfo[];
  imageState(name: string): ImageState | undefined;
  /** The API objects VolumeBinding reads (claims, volumes, classes); absent in clusters without them. */
  readonly volumes?: ObjectStore;
  namespaceLabels(namespace: string): Labels;
  namespacesMatching(selector: Selector): readonly string[];
  /** `helper.DefaultSelector`: merged selectors of the Services, ReplicaSets, StatefulSets, RCs selecting the pod; undefined when none. */
  defaultSpreadSelector(pod: PodInfo): Selector | undefined;
  spreadCounts(namespace: string, selector: Selector): SpreadCounts;
}

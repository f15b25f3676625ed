/**
 * The objects the drawing reads from a cluster at one instant: shared by the
 * live snapshot and the timeline's preview frames (which read a replayed
 * cluster, not the live one).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiClient, Cluster } from '../sim/k8s/index';
import type { ClusterSnapshot, Engine } from './types';

export type ClusterObjects = Pick<ClusterSnapshot, 'now' | 'nodes' | 'pods' | 'podStatus' | 'deployments' | 'replicaSets' | 'services' | 'endpointSlices' | 'stoppedNodes'>;

/**
 * Each pod's STATUS text by stored object: the store replaces a pod it
 * changes (never edits it), and the text depends on the pod alone (`now`
 * only enters the RESTARTS column), so a snapshot works out only the pods
 * that changed since the last one (the resourceVersion too: a pod written in
 * place would still be worked out again).
 */
const statusOfPod = new WeakMap<Pod, { readonly version: string | undefined; readonly status: string }>();

/** Lists what the drawing shows (objects are the store's own, shared, never copied). */
export function readClusterObjects(engine: Engine, cluster: Cluster, reader: ApiClient): ClusterObjects {
  const now = cluster.now();
  const list = <T>(resource: string) => reader.list(resource) as unknown as T[];
  const nodes = list<Node>('nodes');
  const pods = list<Pod>('pods');
  const podStatus: Record<string, string> = {};
  for (const pod of pods) {
    const meta = pod.metadata;
    if (!meta?.name) continue;
    let known = statusOfPod.get(pod);
    if (!known || known.version !== meta.resourceVersion) statusOfPod.set(pod, (known = { version: meta.resourceVersion, status: engine.podStatusText(pod, now) }));
    podStatus[`${meta.namespace ?? ''}/${meta.name}`] = known.status;
  }
  const stoppedNodes: string[] = [];
  for (const node of nodes) {
    const name = node.metadata?.name;
    if (name && cluster.isNodeStopped(name)) stoppedNodes.push(name);
  }
  return {
    now,
    nodes,
    pods,
    podStatus,
    deployments: list<Deployment>('deployments.apps'),
    replicaSets: list<ReplicaSet>('replicasets.apps'),
    services: list<Service>('services'),
    endpointSlices: list<EndpointSlice>('endpointslices.discovery.k8s.io'),
    stoppedNodes,
  };
}

import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterSnapshot } from '../../state/index';

/** A pod still bound to a Node object that was deleted (until the pod garbage collector deletes it). */
export interface OrphanPod {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string;
  /** kubectl's STATUS text: the last status anyone wrote, as `kubectl get pods` still prints it. */
  readonly status: string;
  readonly pod: Pod;
}

const cache = new WeakMap<ClusterSnapshot, readonly OrphanPod[]>();

/**
 * Pods whose `spec.nodeName` names no existing node: the drawing has no node
 * card to put them in, yet `kubectl get pods` lists them until the pod GC
 * deletes them (40–60 s after the node went). Computed once per snapshot.
 */
export function orphanPods(snapshot: ClusterSnapshot): readonly OrphanPod[] {
  let out = cache.get(snapshot);
  if (out) return out;
  const nodes = new Set(snapshot.nodes.map((n) => n.metadata?.name ?? ''));
  const found: OrphanPod[] = [];
  for (const pod of snapshot.pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || nodes.has(nodeName)) continue;
    const name = pod.metadata?.name ?? '';
    const namespace = pod.metadata?.namespace ?? 'default';
    const key = `${namespace}/${name}`;
    found.push({ key, name, namespace, nodeName, status: snapshot.podStatus[key] ?? pod.status?.phase ?? 'Unknown', pod });
  }
  out = found;
  cache.set(snapshot, out);
  return out;
}

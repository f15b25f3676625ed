import type { ResourceInfo } from './resources';
import type { KubeObject } from './types';

/** Kinds whose spec changes bump metadata.generation (pods do not, in 1.32). */
export const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'IngressClass', 'NetworkPolicy', 'EndpointSlice']);

/**
 * True when a trusted `update` of `old` with `input` needs none of its
 * general steps: `input` carries the stored metadata object itself (so the
 * resourceVersion matches), the kind has no status, generation or Service
 * allocation, and the system-metadata rewrite (name, namespace, uid,
 * creationTimestamp, deletion fields, generation) would leave that metadata
 * exactly as it is, same keys in the same order. The object `update` stores
 * is then `input` with the metadata's resourceVersion replaced — what a
 * kubelet's Lease renewal is.
 */
export function keepsStoredMetadata(info: ResourceInfo, input: KubeObject, old: KubeObject, ns: string | undefined): boolean {
  const m = old.metadata;
  return (
    input.metadata === m &&
    !info.hasStatus &&
    info.kind !== 'Service' &&
    !GENERATION_KINDS.has(info.kind) &&
    ns !== undefined &&
    m.namespace === ns &&
    m.uid !== undefined &&
    m.creationTimestamp !== undefined &&
    !('deletionTimestamp' in m) &&
    !('deletionGracePeriodSeconds' in m) &&
    !('generation' in m)
  );
}

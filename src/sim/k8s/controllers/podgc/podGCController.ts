import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../../engine/store';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';

type PodObj = KubeObject & Pod;

/** `gcCheckPeriod`: the pod GC's main loop runs every 20 s. */
export const GC_CHECK_PERIOD_MS = 20_000;
/** `quarantineTime`: how long a missing node must stay missing before its pods are deleted. */
export const QUARANTINE_MS = 40_000;

/**
 * The pod garbage collector (`pkg/controller/podgc`, `gcOrphaned`): pods
 * bound to a node that no longer exists are marked `Failed` with the
 * condition `DisruptionTarget` (reason `DeletionByPodGC`) and force-deleted.
 * A missing node is first noticed on the next 20 s pass and quarantined for
 * 40 s (in case the node shows up again), so its pods go 40–60 s after the
 * Node object was deleted. Driven by events, per node, not by scanning every
 * pod every 20 s: a Node deletion, or a pod created already bound to a node
 * that does not exist.
 */
export function createPodGCController(): K8sController {
  /** Missing node → when its quarantine ends. */
  const quarantine = new Map<string, number>();
  const mapPod = (e: WatchEvent): string | undefined => {
    // Pods the scheduler binds go to nodes that exist; only pods created with a nodeName can start out orphaned.
    if (e.type !== 'ADDED') return undefined;
    const node = (e.object as PodObj).spec?.nodeName;
    return node ? node : undefined;
  };
  return {
    name: 'pod-garbage-collector',
    watches: [
      { resource: 'nodes', map: (e) => (e.type === 'DELETED' ? e.key : undefined) },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(node, ctx) {
      if (ctx.store.get('nodes', node)) {
        quarantine.delete(node);
        return;
      }
      const pods = ctx.store.listByIndex<PodObj>('pods', 'spec.nodeName', node);
      if (pods.length === 0) {
        quarantine.delete(node);
        return;
      }
      const now = ctx.clock.now();
      let until = quarantine.get(node);
      if (until === undefined) {
        // The next pass notices the pods of an unknown node and queues the node for after the quarantine.
        const pass = Math.floor(now / GC_CHECK_PERIOD_MS) * GC_CHECK_PERIOD_MS + GC_CHECK_PERIOD_MS;
        quarantine.set(node, (until = pass + QUARANTINE_MS));
      }
      if (now < until) {
        ctx.wakeAt(node, until);
        return;
      }
      quarantine.delete(node);
      for (const pod of pods) deleteOrphan(pod, ctx);
    },
  };
}

/** `markFailedAndDeletePodWithCondition`: phase Failed with the GC's DisruptionTarget condition, then a forced delete. */
function deleteOrphan(pod: PodObj, ctx: K8sContext): void {
  const phase = pod.status?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: ctx.clock.timestamp() };
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
    ctx.api.updateStatus({ ...pod, status: { ...pod.status, phase: 'Failed', conditions } });
  }
  ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
}

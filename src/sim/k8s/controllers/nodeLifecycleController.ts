import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { K8sController } from './context';

type NodeObj = KubeObject & Node;

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/**
 * The node lifecycle controller's taint keeping (TaintNodesByCondition):
 * a cordoned node (`spec.unschedulable`) carries
 * `node.kubernetes.io/unschedulable:NoSchedule`, removed on uncordon.
 * (Heartbeat monitoring and NoExecute eviction come with node failure.)
 */
export function createNodeLifecycleController(): K8sController {
  return {
    name: 'node-lifecycle-controller',
    watches: [{ resource: 'nodes', map: (e) => (e.type === 'DELETED' ? undefined : e.key) }],
    reconcile(name, ctx) {
      const node = ctx.store.get<NodeObj>('nodes', name);
      if (!node) return;
      const taints = node.spec?.taints ?? [];
      const has = taints.some((t) => t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule');
      const want = node.spec?.unschedulable === true;
      if (has === want) return;
      const next: Taint[] = want ? [...taints, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule', timeAdded: ctx.clock.timestamp() }] : taints.filter((t) => t.key !== UNSCHEDULABLE_TAINT);
      const spec = { ...node.spec };
      if (next.length) spec.taints = next;
      else delete spec.taints;
      ctx.api.update({ ...node, spec }, { trusted: true });
    },
  };
}

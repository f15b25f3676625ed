import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import { toMicroTimestamp, toTimestamp } from '../../engine/clock';
import type { KubeObject } from '../api/types';
import type { K8sContext } from '../controllers/context';
import { imageDigest, parseImageRef } from '../images/imageRef';
import type { KubeletState } from './syncPod';
import { TIMINGS } from './timings';

type NodeObj = KubeObject & Node;

const MAX_NODE_IMAGES = 50;

/**
 * The kubelet's node-level loop: renew the node's Lease every 10 s (the
 * cheap heartbeat), and write the node status when something changed (the
 * image list after a pull) or at least every 5 minutes.
 */
export function nodeTick(name: string, ctx: K8sContext, state: KubeletState): void {
  const node = ctx.store.get<NodeObj>('nodes', name);
  const rt = state.nodes.get(name);
  if (!node || !rt) return;
  const api = ctx.clientAs(rt.actor);
  const now = ctx.clock.now();
  const lease = ctx.store.get<KubeObject>('leases.coordination.k8s.io', `kube-node-lease/${name}`);
  if (lease) api.update({ ...lease, spec: { ...(lease.spec as object), renewTime: toMicroTimestamp(now) } }, { trusted: true });
  if (rt.imagesChanged || now - rt.lastStatusReport >= TIMINGS.nodeStatusReportMs) {
    const ts = toTimestamp(now);
    const conditions = (node.status?.conditions ?? []).map((c: NodeCondition) => ({ ...c, lastHeartbeatTime: ts }));
    const status = { ...node.status, conditions, images: nodeImages(rt.images) };
    api.updateStatus({ ...node, status });
    rt.imagesChanged = false;
    rt.lastStatusReport = now;
  }
  ctx.wakeAfter(`node:${name}`, TIMINGS.leaseRenewMs);
}

/** `status.images`: largest first, at most 50, each with its digest and tag names. */
export function nodeImages(images: Map<string, number>): { names: string[]; sizeBytes: number }[] {
  return [...images.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_NODE_IMAGES)
    .map(([full, sizeBytes]) => {
      const ref = parseImageRef(full);
      return { names: [`${ref.name}@${imageDigest(ref.full)}`, full], sizeBytes };
    });
}

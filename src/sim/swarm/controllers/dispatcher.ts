import { getNode, NODES, type SwarmContext, type SwarmController } from '../context';
import { HEARTBEAT_PERIOD_MS } from '../defaults';
import type { SwarmNode } from '../types';

export const DISPATCHER = 'dispatcher';

/** SwarmKit's dispatcher marks a node down after `period × 3` without a heartbeat (`defaultGracePeriodMultiplier`). */
export const GRACE_PERIOD_MULTIPLIER = 3;
export const NODE_DOWN_AFTER_MS = HEARTBEAT_PERIOD_MS * GRACE_PERIOD_MULTIPLIER;

/**
 * The dispatcher (on the leader): agents heartbeat every 5 s; a node whose
 * machine stopped is marked Down with "heartbeat failure" 15 s after its last
 * heartbeat, and Ready again when its agent registers after the machine
 * starts. Without a leader nothing is marked.
 */
export function createDispatcher(): SwarmController {
  return {
    name: DISPATCHER,
    watches: [{ resource: NODES, map: (e) => e.key }],
    reconcile(nodeId, ctx) {
      if (!ctx.hasLeader()) return;
      const node = getNode(ctx, nodeId);
      if (!node || node.left || node.status.state === 'disconnected') return;
      const stoppedAt = ctx.stoppedAt(nodeId);
      if (stoppedAt !== undefined) {
        if (node.status.state === 'down') return;
        const at = stoppedAt + NODE_DOWN_AFTER_MS;
        if (ctx.clock.now() < at) {
          ctx.wakeAt(DISPATCHER, nodeId, at);
          return;
        }
        setStatus(ctx, node, 'down', 'heartbeat failure');
        return;
      }
      if (node.status.state === 'down') setStatus(ctx, node, 'ready', undefined);
    },
  };
}

function setStatus(ctx: SwarmContext, node: SwarmNode, state: SwarmNode['status']['state'], message: string | undefined): void {
  ctx.store.put(NODES, { ...node, updatedAt: ctx.clock.now(), status: { ...node.status, state, message } } as SwarmNode);
}

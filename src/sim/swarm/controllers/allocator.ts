import { setTaskState, TASKS, type SwarmController } from '../context';
import type { SwarmTask } from '../types';

export const ALLOCATOR = 'allocator';

/**
 * The allocator: a NEW task gets its network attachments (an address on the
 * service's overlay) and moves to PENDING for the scheduler. Addresses come
 * from 10.0.1.0/24 in creation order (UNVERIFIED which pool a real swarm
 * uses first for a service's network).
 */
export function createAllocator(): SwarmController {
  let next = 3;
  return {
    name: ALLOCATOR,
    watches: [{ resource: TASKS, map: (e) => ((e.object as SwarmTask).status.state === 'new' && e.type !== 'DELETED' ? e.key : undefined) }],
    reconcile(key, ctx) {
      const t = ctx.store.get<SwarmTask>(TASKS, key);
      if (!t || t.status.state !== 'new') return;
      const n = next++;
      const addr = `10.0.${1 + Math.floor(n / 254)}.${(n % 254) + 1}`;
      setTaskState(ctx, { ...t, addr }, 'pending', 'pending task scheduling');
    },
  };
}

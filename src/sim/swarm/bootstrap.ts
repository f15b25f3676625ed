import { ENGINE_VERSION } from './defaults';
import { newId } from './ids';
import { NODES, type SwarmContext } from './context';
import type { NodeRole, SwarmNode } from './types';

/** A machine joining the swarm. */
export interface NodeShape {
  hostname: string;
  role: NodeRole;
  /** CPUs (default 4). */
  cpus?: number;
  /** Memory in bytes (default 8 GiB). */
  memoryBytes?: number;
  labels?: Record<string, string>;
}

/** The swarm of Docker's swarm tutorial: `manager1` (the Leader), `worker1`, `worker2`; 4 CPU and 8 GiB each. */
export const DEFAULT_SWARM: readonly NodeShape[] = [
  { hostname: 'manager1', role: 'manager' },
  { hostname: 'worker1', role: 'worker' },
  { hostname: 'worker2', role: 'worker' },
];

const GiB = 1024 ** 3;

/** Registers a node as Ready and Active (its address from 192.168.99.100 on, as in the tutorial's docker-machine VMs). */
export function addNode(ctx: SwarmContext, shape: NodeShape, index: number, leader: boolean): SwarmNode {
  const id = newId(ctx.rng);
  const now = ctx.clock.now();
  const addr = `192.168.99.${100 + index}`;
  const node: SwarmNode = {
    metadata: { name: id },
    id,
    createdAt: now,
    updatedAt: now,
    spec: { role: shape.role, availability: 'active', labels: { ...shape.labels } },
    description: {
      hostname: shape.hostname,
      platform: { os: 'linux', architecture: 'x86_64' },
      resources: { nanoCPUs: (shape.cpus ?? 4) * 1e9, memoryBytes: shape.memoryBytes ?? 8 * GiB },
      engineVersion: ENGINE_VERSION,
    },
    status: { state: 'ready', addr },
    managerStatus: shape.role === 'manager' ? { leader, reachability: 'reachable', addr: `${addr}:2377` } : undefined,
  };
  ctx.store.put(NODES, node);
  return node;
}

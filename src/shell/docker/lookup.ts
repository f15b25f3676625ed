import type { Swarm, SwarmNode, SwarmService } from '../../sim/swarm/index';

/** Finds a service by ID, name or ID prefix, or returns the CLI's error. */
export function lookupService(swarm: Swarm, ref: string): SwarmService | { error: string } {
  return swarm.findService(ref) ?? { error: `no such service: ${ref}` };
}

/** Finds a node by ID, hostname or ID prefix (`self` is the local node), or returns the daemon's error. */
export function lookupNode(swarm: Swarm, ref: string): SwarmNode | { error: string } {
  if (ref === 'self') return swarm.node(swarm.localNodeId())!;
  return swarm.findNode(ref) ?? { error: `Error response from daemon: node ${ref} not found` };
}

import { addNode } from './bootstrap';
import { allNodes, getNode, NODES, type SwarmContext } from './context';
import { quorum } from './controllers/raft';
import type { NodeRole, SwarmNode, SwarmResult } from './types';

/** The daemon's answer to every manager request while the Raft group has no leader. */
export const NO_LEADER =
  "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";

/** Machines beside the cluster, swarm members and not: the Swarm view draws each as a card. */
export const MAX_MACHINES = 9;

const ALREADY = 'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

/**
 * Swarm membership: `docker swarm leave` (the node stays listed as Down
 * until `docker node rm`), `docker swarm join` (a machine joins with a new
 * node ID), `docker node rm`. Machines that left are remembered by hostname.
 */
export function createMembership(ctx: SwarmContext, settle: () => void) {
  const left = new Map<string, string>(); // hostname → the node ID it had
  // SWMTKN-1-<root CA digest, 50 base-36 chars>-<secret, 25 chars>: drawn once from the seeded generator.
  const alnum = '0123456789abcdefghijklmnopqrstuvwxyz';
  // Drawn on first use, so swarms that never ask for a token draw the same IDs as before.
  let tokens: Record<NodeRole, string> | undefined;
  const token = (role: NodeRole) => {
    if (!tokens) {
      const ca = ctx.rng.string(50, alnum);
      tokens = { worker: `SWMTKN-1-${ca}-${ctx.rng.string(25, alnum)}`, manager: `SWMTKN-1-${ca}-${ctx.rng.string(25, alnum)}` };
    }
    return tokens[role];
  };
  return {
    isOutside: (nodeId: string) => {
      const n = getNode(ctx, nodeId);
      return !n || left.get(n.description.hostname) === nodeId;
    },
    token,
    outside: () => [...left.keys()].sort(),
    provision(hostname?: string): SwarmResult<string> {
      const taken = new Set([...allNodes(ctx.store).map((n) => n.description.hostname), ...left.keys()]);
      if (taken.size >= MAX_MACHINES) return { ok: false, error: `the playground runs at most ${MAX_MACHINES} machines beside the cluster` };
      let name = hostname;
      if (name === undefined) for (let i = 1; name === undefined || taken.has(name); i++) name = `worker${i}`;
      if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) return { ok: false, error: `invalid machine name "${name}": lower-case letters, digits and '-', starting and ending with a letter or digit` };
      if (taken.has(name)) return { ok: false, error: `machine "${name}" already exists` };
      // A new machine with Docker Engine, outside the swarm until it runs `docker swarm join`.
      left.set(name, '');
      return { ok: true, value: name };
    },
    leave(nodeId: string, force: boolean): SwarmResult {
      const node = getNode(ctx, nodeId);
      if (!node || left.get(node.description.hostname) === nodeId) return { ok: false, error: 'Error response from daemon: This node is not part of a swarm' };
      if (node.spec.role === 'manager') {
        const managers = allNodes(ctx.store).filter((n) => n.spec.role === 'manager');
        const reachable = managers.filter((m) => m.managerStatus?.reachability === 'reachable').length;
        if (managers.length === 1) {
          if (!force) return { ok: false, error: 'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.' };
          return { ok: false, error: 'not simulated: the last manager leaving erases the swarm; the playground keeps its swarm' };
        }
        if (!force) {
          const left2 = reachable - 1;
          const lose = left2 < quorum(managers.length);
          return {
            ok: false,
            error: `Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. ${lose ? `Removing this node leaves ${left2} managers out of ${managers.length}. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with \`--force-new-cluster\`. ` : ''}Use \`--force\` to suppress this message.`,
          };
        }
      }
      left.set(node.description.hostname, nodeId);
      // The node's agent stops its tasks and disconnects: the managers see it Down.
      ctx.store.put(NODES, { ...node, left: true, updatedAt: ctx.clock.now(), status: { ...node.status, state: 'down', message: 'node is down' }, managerStatus: node.managerStatus ? { ...node.managerStatus, leader: false, reachability: 'unreachable' } : undefined } as SwarmNode);
      for (const t of ctx.store.listByIndex<import('./types').SwarmTask>('tasks', 'node', nodeId)) {
        if (t.status.state === 'running' || t.status.state === 'starting' || t.status.state === 'preparing' || t.status.state === 'ready' || t.status.state === 'accepted' || t.status.state === 'assigned') {
          ctx.store.put('tasks', { ...t, status: { ...t.status, state: 'shutdown', timestamp: ctx.clock.now(), message: 'shutdown' } } as import('./types').SwarmTask);
        }
      }
      settle();
      return { ok: true, value: undefined };
    },
    join(hostname: string, role: NodeRole): SwarmResult<SwarmNode> {
      const current = allNodes(ctx.store).find((n) => n.description.hostname === hostname && left.get(hostname) !== n.id);
      if (current) return { ok: false, error: ALREADY };
      left.delete(hostname);
      const index = allNodes(ctx.store).length;
      const node = addNode(ctx, { hostname, role }, index, false);
      settle();
      return { ok: true, value: node };
    },
    remove(nodeId: string, force: boolean): SwarmResult {
      const node = getNode(ctx, nodeId);
      if (!node) return { ok: false, error: `Error response from daemon: node ${nodeId} not found` };
      if (node.spec.role === 'manager') return { ok: false, error: `Error response from daemon: rpc error: code = FailedPrecondition desc = node ${nodeId} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal` };
      if (node.status.state !== 'down' && !force) return { ok: false, error: `Error response from daemon: rpc error: code = FailedPrecondition desc = node ${nodeId} is not down and can't be removed` };
      ctx.store.remove(NODES, nodeId);
      if (left.get(node.description.hostname) !== nodeId) left.set(node.description.hostname, '');
      settle();
      return { ok: true, value: undefined };
    },
  };
}

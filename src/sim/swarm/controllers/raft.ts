import { allNodes, NODES, type SwarmContext, type SwarmController } from '../context';
import type { SwarmNode } from '../types';

export const RAFT = 'raft';
const KEY = 'members';

/**
 * Raft election timeout: SwarmKit's raft ticks every second and elects after
 * `ElectionTick` = 10 ticks (UNVERIFIED here; the order of magnitude is what
 * matters). A manager whose machine stopped becomes Unreachable, and if it
 * was the Leader, the reachable managers elect a new one — only while more
 * than half of all managers are reachable (quorum).
 */
export const ELECTION_TIMEOUT_MS = 10_000;

/** Managers needed for quorum: a majority of all managers, ⌊N/2⌋ + 1. */
export function quorum(managers: number): number {
  return Math.floor(managers / 2) + 1;
}

/**
 * The managers' Raft group. Reachability follows the machines; a leader is
 * elected `ELECTION_TIMEOUT_MS` after the old one was lost (or after quorum
 * came back), picked at random among the reachable managers. Without a
 * leader the orchestrators, scheduler and dispatcher stand still (tasks keep
 * running on their nodes) and the API refuses every request.
 */
export function createRaft(onLeader: () => void): SwarmController {
  let leaderlessSince: number | undefined;
  return {
    name: RAFT,
    watches: [{ resource: NODES, map: () => KEY }],
    reconcile(_key, ctx) {
      const managers = allNodes(ctx.store).filter((n) => n.spec.role === 'manager');
      const now = ctx.clock.now();
      for (const m of managers) {
        const reachability = ctx.stoppedAt(m.id) !== undefined || m.left ? 'unreachable' : 'reachable';
        const leader = !!m.managerStatus?.leader && reachability === 'reachable';
        if (m.managerStatus?.reachability !== reachability || !!m.managerStatus?.leader !== leader) {
          ctx.store.put(NODES, { ...m, managerStatus: { addr: m.managerStatus?.addr ?? `${m.status.addr}:2377`, leader, reachability } } as SwarmNode);
        }
      }
      const fresh = allNodes(ctx.store).filter((n) => n.spec.role === 'manager');
      const reachable = fresh.filter((m) => m.managerStatus?.reachability === 'reachable');
      if (reachable.length < quorum(fresh.length)) {
        // Quorum lost: the leader cannot commit anything and steps down.
        for (const m of fresh) if (m.managerStatus?.leader) ctx.store.put(NODES, { ...m, managerStatus: { ...m.managerStatus, leader: false } } as SwarmNode);
        leaderlessSince = undefined;
        return;
      }
      if (fresh.some((m) => m.managerStatus?.leader)) {
        leaderlessSince = undefined;
        return;
      }
      if (leaderlessSince === undefined) leaderlessSince = now;
      if (now < leaderlessSince + ELECTION_TIMEOUT_MS) {
        ctx.wakeAt(RAFT, KEY, leaderlessSince + ELECTION_TIMEOUT_MS);
        return;
      }
      const winner = reachable[Math.floor(ctx.rng.next() * reachable.length)];
      ctx.store.put(NODES, { ...winner, managerStatus: { ...winner.managerStatus!, leader: true } } as SwarmNode);
      leaderlessSince = undefined;
      onLeader();
    },
  };
}

/** Whether the swarm has a leader whose machine runs. */
export function hasLeader(ctx: Pick<SwarmContext, 'store' | 'stoppedAt'>): boolean {
  return allNodes(ctx.store).some((n) => n.managerStatus?.leader && ctx.stoppedAt(n.id) === undefined);
}

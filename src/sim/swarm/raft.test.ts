import { describe, expect, it } from 'vitest';
import { ELECTION_TIMEOUT_MS, quorum } from './controllers/raft';
import { NODE_DOWN_AFTER_MS } from './controllers/dispatcher';
import { replicas, testSwarm } from './testing';

const id = (s: ReturnType<typeof testSwarm>, host: string) => s.findNode(host)!.id;

describe('node loss', () => {
  it('a stopped node goes Down 15 s after its last heartbeat (5 s period × 3) and its replicated tasks are rescheduled', () => {
    expect(NODE_DOWN_AFTER_MS).toBe(15_000);
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(3));
    s.advance(10_000);
    const w1 = id(s, 'worker1');
    const lost = s.live(v.id).find((t) => t.nodeId === w1)!;
    s.stopNode(w1);
    s.advance(14_900);
    expect(s.node(w1)!.status.state).toBe('ready');
    s.advance(100);
    expect(s.node(w1)!.status).toMatchObject({ state: 'down', message: 'heartbeat failure' });
    // The old task is meant to stop but cannot report: it keeps its last state.
    expect(s.task(lost.id)).toMatchObject({ desiredState: 'shutdown', status: { state: 'running' } });
    s.advance(10_000);
    const live = s.live(v.id);
    expect(live).toHaveLength(3);
    expect(live.every((t) => t.nodeId !== w1 && t.status.state === 'running')).toBe(true);
  });

  it('a node that comes back is Ready again but gets no tasks back (no rebalancing)', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(3));
    s.advance(10_000);
    const w1 = id(s, 'worker1');
    s.stopNode(w1);
    s.advance(30_000);
    s.startNode(w1);
    s.advance(10_000);
    expect(s.node(w1)!.status.state).toBe('ready');
    expect(s.live(v.id).some((t) => t.nodeId === w1)).toBe(false);
    expect(s.tasks({ nodeId: w1 }).every((t) => t.status.state === 'shutdown')).toBe(true);
  });

  it('global services do not move: the down node simply has no running task', () => {
    const s = testSwarm();
    const g = s.svc('agent', 'redis', { mode: { global: {} } });
    s.advance(10_000);
    const w2 = id(s, 'worker2');
    s.stopNode(w2);
    s.advance(30_000);
    expect(s.live(g.id).map((t) => s.node(t.nodeId)!.description.hostname).sort()).toEqual(['manager1', 'worker1']);
  });
});

describe('raft and quorum', () => {
  it('quorum is a majority: 1→1, 3→2, 5→3, 7→4 (tolerating 0, 1, 2, 3 failures)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(quorum)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });

  it('promoted managers are Reachable; losing the leader elects another after the election timeout', () => {
    const s = testSwarm();
    s.updateNode(id(s, 'worker1'), { role: 'manager' });
    s.updateNode(id(s, 'worker2'), { role: 'manager' });
    expect(s.nodes().map((n) => n.managerStatus?.reachability)).toEqual(['reachable', 'reachable', 'reachable']);
    s.stopNode(id(s, 'manager1'));
    expect(s.node(id(s, 'manager1'))!.managerStatus).toMatchObject({ leader: false, reachability: 'unreachable' });
    expect(s.hasLeader()).toBe(false);
    s.advance(ELECTION_TIMEOUT_MS);
    expect(s.hasLeader()).toBe(true);
    expect(s.nodes().filter((n) => n.managerStatus?.leader).map((n) => n.description.hostname)).not.toContain('manager1');
  });

  it('with 2 of 3 managers down there is no leader: tasks keep running, every request is refused, nothing is rescheduled', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', replicas(3));
    s.updateNode(id(s, 'worker1'), { role: 'manager' });
    s.updateNode(id(s, 'worker2'), { role: 'manager' });
    s.advance(10_000);
    s.stopNode(id(s, 'worker1'));
    s.stopNode(id(s, 'worker2'));
    s.advance(60_000);
    expect(s.hasLeader()).toBe(false);
    expect(s.apiError()).toBe(
      "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.",
    );
    expect(s.createService({ ...s.service(v.id)!.spec, name: 'other' })).toMatchObject({ ok: false });
    // No dispatcher: the stopped nodes are never marked Down, their tasks are not replaced.
    expect(s.nodes().map((n) => n.status.state)).toEqual(['ready', 'ready', 'ready']);
    expect(s.live(v.id)).toHaveLength(3);
    // Quorum back: a leader, then the dispatcher and orchestrator catch up.
    s.startNode(id(s, 'worker1'));
    s.advance(ELECTION_TIMEOUT_MS + 20_000);
    expect(s.hasLeader()).toBe(true);
    expect(s.node(id(s, 'worker2'))!.status.state).toBe('down');
    expect(s.live(v.id).filter((t) => t.status.state === 'running')).toHaveLength(3);
  });

  it('the last manager cannot be demoted', () => {
    const s = testSwarm();
    expect(s.updateNode(id(s, 'manager1'), { role: 'worker' })).toEqual({ ok: false, error: 'Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm' });
  });
});

describe('membership', () => {
  it('a worker that leaves shows Down until removed; rejoining gives it a new node ID', () => {
    const s = testSwarm();
    const w1 = id(s, 'worker1');
    expect(s.membership.leave(w1, false)).toEqual({ ok: true, value: undefined });
    expect(s.node(w1)!.status.state).toBe('down');
    expect(s.membership.remove(id(s, 'worker2'), false)).toMatchObject({ ok: false });
    expect(s.membership.remove(w1, false)).toEqual({ ok: true, value: undefined });
    const r = s.membership.join('worker1', 'worker');
    expect(r.ok && r.value.id).not.toBe(w1);
    expect(s.membership.join('worker2', 'worker')).toMatchObject({ ok: false });
  });

  it('a manager leaving needs --force and warns when it would lose quorum', () => {
    const s = testSwarm();
    expect(s.membership.leave(id(s, 'manager1'), false)).toMatchObject({ ok: false, error: expect.stringContaining('Removing the last manager erases all current state of the swarm') });
    s.updateNode(id(s, 'worker1'), { role: 'manager' });
    expect(s.membership.leave(id(s, 'worker1'), false)).toMatchObject({ ok: false, error: expect.stringContaining('Removing this node leaves 1 managers out of 2') });
  });
});

import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';
import type { AppStore } from './appStore';

/** Runs the store's clock loop for `ms` of real time in 16 ms frames. */
function run(store: AppStore, ms: number): void {
  for (let t = 0; t < ms; t += 16) store.frame(16);
}

/** What a swarm snapshot says about its tasks, compared across runs. */
function taskFacts(store: AppStore): string[] {
  const swarm = store.getState().swarm!;
  const host = new Map(swarm.nodes.map((n) => [n.id, n.description.hostname]));
  return swarm.tasks.map((t) => `${t.id} ${t.spec.name}.${t.slot} ${host.get(t.nodeId)} ${t.status.state}`);
}

describe('the view mode and the swarm beside the cluster', () => {
  it('starts on the Kubernetes view with no swarm', async () => {
    const store = await realStore({});
    run(store, 100);
    expect(store.getState().viewMode).toBe('kubernetes');
    expect(store.getState().swarm).toBeUndefined();
  });

  it('showing the Swarm view makes the default swarm: manager1 (Leader), worker1, worker2', async () => {
    const store = await realStore({});
    store.getState().setViewMode('swarm');
    const swarm = store.getState().swarm!;
    expect(swarm.nodes.map((n) => n.description.hostname)).toEqual(['manager1', 'worker1', 'worker2']);
    expect(swarm.nodes[0].managerStatus?.leader).toBe(true);
    expect(swarm.hasLeader).toBe(true);
    // The terminal says it takes docker commands too (once).
    store.getState().setViewMode('side-by-side');
    const hints = store.getState().transcript.filter((l) => l.text.includes('docker service create'));
    expect(hints).toHaveLength(1);
  });

  it('the first docker command publishes the swarm even on the Kubernetes view', async () => {
    const store = await realStore({});
    store.getState().runCommand('docker node ls');
    run(store, 50);
    expect(store.getState().swarm?.nodes).toHaveLength(3);
  });

  it('the swarm follows the playground clock and its snapshot changes only when the swarm does', async () => {
    const store = await realStore({});
    store.getState().setViewMode('side-by-side');
    store.getState().runCommand('docker service create --name web --replicas 3 -p 8080:80 nginx --detach');
    run(store, 200);
    const before = store.getState().swarm!;
    run(store, 30_000);
    const after = store.getState().swarm!;
    expect(after.tasks.filter((t) => t.status.state === 'running')).toHaveLength(3);
    expect(after.now).toBeGreaterThan(before.now);
    run(store, 500);
    // Nothing changed in the swarm: the same snapshot object (React and the drawing skip it).
    expect(store.getState().swarm).toBe(after);
    // An unchanged task keeps its identity across snapshots.
    store.getState().runCommand('docker node update --availability drain worker2');
    run(store, 50);
    const drained = store.getState().swarm!;
    expect(drained).not.toBe(after);
    const kept = after.tasks.find((t) => drained.tasks.includes(t));
    expect(kept).toBeDefined();
  });

  it('a swarm made early by the view is the swarm a docker command would have made later (replay does not depend on the view)', async () => {
    const shown = await realStore({});
    shown.getState().setViewMode('swarm');
    run(shown, 3000);
    shown.getState().runCommand('docker service create --name web --replicas 3 nginx --detach');
    run(shown, 20_000);

    const hidden = await realStore({});
    run(hidden, 3000);
    hidden.getState().runCommand('docker service create --name web --replicas 3 nginx --detach');
    run(hidden, 20_000);
    hidden.getState().setViewMode('swarm');

    const a = shown.getState();
    const b = hidden.getState();
    expect(b.now).toBe(a.now);
    expect(taskFacts(hidden)).toEqual(taskFacts(shown));
  });

  it('a captured scenario keeps the view mode, and one without it opens on the Kubernetes view', async () => {
    const store = await realStore({});
    expect(store.getState().captureScenario()?.view).toBeUndefined();
    store.getState().setViewMode('side-by-side');
    const scenario = store.getState().captureScenario()!;
    expect(scenario.view).toBe('side-by-side');
    const text = JSON.stringify(scenario);
    const other = await realStore({});
    expect((await other.getState().openSharedText(text, 'file')).ok).toBe(true);
    expect(other.getState().viewMode).toBe('side-by-side');
    expect((await other.getState().openSharedText(JSON.stringify({ ...scenario, view: undefined }), 'file')).ok).toBe(true);
    expect(other.getState().viewMode).toBe('kubernetes');
  });

  it('selecting a swarm node shows what docker node inspect --pretty and docker node ps print', async () => {
    const store = await realStore({});
    store.getState().setViewMode('swarm');
    const worker1 = store.getState().swarm!.nodes.find((n) => n.description.hostname === 'worker1')!;
    store.getState().selectSwarm({ kind: 'node', id: worker1.id });
    const panel = store.getState().swarmInspector!;
    expect(panel).toMatchObject({ exists: true, name: 'worker1' });
    expect(panel.readings.map((r) => r.command)).toEqual(['docker node inspect --pretty worker1', 'docker node ps worker1']);
    expect(panel.readings[0].output).toMatch(/Hostname:\s+worker1/);
    // Reading is not a command: nothing in the log or the terminal.
    expect(store.getState().commandLog).toEqual([]);
  });

  it('the panel\'s node and service actions are typed commands, echoed and logged', async () => {
    const store = await realStore({});
    store.getState().setViewMode('swarm');
    const worker2 = store.getState().swarm!.nodes.find((n) => n.description.hostname === 'worker2')!;
    store.getState().swarmNodeAction(worker2.id, 'drain');
    store.getState().swarmNodeAction(worker2.id, 'stop');
    store.getState().runCommand('docker service create --name web --replicas 2 nginx --detach');
    run(store, 100);
    const web = store.getState().swarm!.services[0];
    store.getState().scaleSwarmService(web.id, 4);
    run(store, 30_000);
    store.getState().rollbackSwarmService(web.id);
    run(store, 100);
    const lines = store.getState().commandLog.flatMap((c) => ('line' in c ? [c.line] : []));
    expect(lines).toEqual([
      'docker node update --availability drain worker2',
      'kubeplay node stop worker2',
      'docker service create --name web --replicas 2 nginx --detach',
      'docker service scale web=4',
      'docker service rollback web',
    ]);
    const swarm = store.getState().swarm!;
    expect(swarm.nodes.find((n) => n.id === worker2.id)?.spec.availability).toBe('drain');
    expect(swarm.stoppedNodes).toEqual([worker2.id]);
    expect(store.getState().transcript.map((l) => l.text).join('\n')).toContain('$ docker service scale web=4');
  });
});

import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';
import type { AppStore } from './appStore';
import { selectPairedPlan } from './pairedSlice';
import type { LoggedLine } from './types';

/** Runs the store's clock loop for `virtualMs` at 30× in 100 ms frames. */
function run(store: AppStore, virtualMs: number): void {
  store.getState().setSpeed(30);
  for (let t = 0; t < virtualMs; t += 3000) store.frame(100);
}

const lines = (store: AppStore) => store.getState().commandLog.filter((e): e is LoggedLine => 'line' in e);

describe('one action on both clusters, through the terminal', () => {
  it('Deploy on both adds the two files and issues kubectl apply and docker stack deploy as UI commands', async () => {
    const store = await realStore({ 'web.yaml': 'kind: x' });
    store.getState().setViewMode('side-by-side');
    expect(store.getState().runPaired({ type: 'deploy' })).toEqual(['kubectl apply -f voting-app.yaml', 'docker stack deploy -c docker-stack.yml vote']);
    expect(Object.keys(store.getState().files)).toEqual(['web.yaml', 'voting-app.yaml', 'docker-stack.yml']);
    expect(lines(store).map((e) => [e.line, e.source])).toEqual([
      ['kubectl apply -f voting-app.yaml', 'ui'],
      ['docker stack deploy -c docker-stack.yml vote', 'ui'],
    ]);
    const text = store.getState().transcript.map((l) => l.text).join('\n');
    expect(text).toContain('$ kubectl apply -f voting-app.yaml\ndeployment.apps/db created');
    expect(text).toContain('$ docker stack deploy -c docker-stack.yml vote');
    expect(store.getState().pairedLast).toMatchObject({ type: 'deploy' });
  });

  it("keeps the learner's own edit of a voting app file", async () => {
    const store = await realStore({ 'docker-stack.yml': 'services: {}\n' });
    store.getState().runPaired({ type: 'deploy' });
    expect(store.getState().files['docker-stack.yml']).toBe('services: {}\n');
  });

  it('after the deploy, Stop a node on both powers off a worker running the app on each side; Start node brings them back', async () => {
    const store = await realStore({});
    store.getState().setViewMode('side-by-side');
    expect(selectPairedPlan(store.getState(), { type: 'stopNode' })).toEqual({ kubernetes: { reason: 'notDeployed' }, swarm: { reason: 'notDeployed' } });
    store.getState().runPaired({ type: 'deploy' });
    run(store, 60_000);
    const stop = store.getState().runPaired({ type: 'stopNode' });
    expect(stop).toHaveLength(2);
    expect(stop[0]).toMatch(/^kubeplay node stop worker-\d$/);
    expect(stop[1]).toMatch(/^kubeplay node stop worker\d$/);
    run(store, 3000);
    const state = store.getState();
    expect(state.snapshot.stoppedNodes).toEqual([stop[0].split(' ').pop()]);
    expect(state.swarm!.stoppedNodes.map((id) => state.swarm!.nodes.find((n) => n.id === id)!.description.hostname)).toEqual([stop[1].split(' ').pop()]);
    expect(store.getState().runPaired({ type: 'startNode' })).toEqual(stop.map((l) => l.replace(' stop ', ' start ')));
  });

  it('does nothing when neither side can act', async () => {
    const store = await realStore({});
    expect(store.getState().runPaired({ type: 'rollBack' })).toEqual([]);
    expect(store.getState().commandLog).toEqual([]);
    expect(store.getState().pairedLast).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { fakeCluster, fakeFactory, type FakeCluster } from './fakeWorld.testkit';
import type { Engine, WorldFactory } from './types';

/** A factory whose engine arrives only when `arrive()` is called. */
function slowEngine(world: FakeCluster): { factory: WorldFactory; arrive: () => void; requested: string[] } {
  const base = fakeFactory(world);
  const requested: string[] = [];
  let arrive: () => void = () => {};
  const gate = new Promise<void>((r) => (arrive = r));
  const factory: WorldFactory = {
    loadEngine: () => {
      requested.push('engine');
      return gate.then(base.loadEngine);
    },
    loadShell: () => {
      requested.push('shell');
      return base.loadShell();
    },
  };
  return { factory, arrive, requested };
}

const text = (store: ReturnType<typeof createAppStore>) => store.getState().transcript.map((l) => l.text);

describe('before the engine has loaded', () => {
  it('requests the engine and the shell at once, and starts with an empty cluster, booting', () => {
    const world = fakeCluster();
    world.addPod('web-1');
    const { factory, requested } = slowEngine(world);
    const store = createAppStore(factory, { files: {}, welcome: [] });
    expect(requested).toEqual(['engine', 'shell']);
    const s = store.getState();
    expect(s.booting).toBe(true);
    expect(s.bootError).toBeUndefined();
    expect(s.snapshot.pods).toEqual([]);
    expect(s.snapshot.nodes).toEqual([]);
  });

  it('does not move time, and a command waits for the engine, then runs on the next frame', async () => {
    const world = fakeCluster();
    const t0 = world.cluster.now();
    const { factory, arrive } = slowEngine(world);
    const store = createAppStore(factory, { files: {}, welcome: [] });
    store.getState().runCommand('echo early');
    expect(store.getState().commandLog).toEqual([{ at: undefined, line: 'echo early', source: 'prompt', files: {} }]);
    store.frame(50);
    expect(store.getState().busy).toBe(true);
    expect(text(store)).toEqual(['$ echo early']);
    arrive();
    await store.ready;
    expect(store.getState().booting).toBe(false);
    expect(store.getState().now).toBe(t0);
    expect(store.getState().startedAt).toBe(t0);
    store.frame(16);
    expect(store.getState().busy).toBe(false);
    expect(text(store)).toEqual(['$ echo early', 'early']);
  });

  it('publishes the cluster as soon as the engine arrives, without waiting for a frame', async () => {
    const world = fakeCluster();
    world.addPod('web-1');
    const { factory, arrive } = slowEngine(world);
    const store = createAppStore(factory, { files: {}, welcome: [] });
    arrive();
    await store.ready;
    expect(store.getState().snapshot.pods.map((p) => p.metadata?.name)).toEqual(['web-1']);
    expect(store.getState().snapshot.podStatus['default/web-1']).toBe('Running');
  });

  it('Reset does nothing while the cluster is starting, and works once it has', async () => {
    const world = fakeCluster();
    const { factory, arrive } = slowEngine(world);
    const store = createAppStore(factory, { files: {}, welcome: [] });
    store.getState().reset();
    expect(text(store)).toEqual([]);
    expect(store.getState().booting).toBe(true);
    arrive();
    await store.ready;
    store.getState().reset();
    expect(text(store)[0]).toMatch(/^# Cluster reset/);
  });

  it('says so when the engine cannot load: the state names the error and waiting commands fail', async () => {
    const world = fakeCluster();
    const store = createAppStore({ ...fakeFactory(world), loadEngine: (): Promise<Engine> => Promise.reject(new Error('offline')) }, { files: {}, welcome: [] });
    store.getState().runCommand('echo x');
    await store.ready;
    expect(store.getState().booting).toBe(false);
    expect(store.getState().bootError).toBe('offline');
    store.frame(16);
    expect(text(store)).toContain('error: the cluster could not start (offline); reload the page');
    expect(store.getState().busy).toBe(false);
    store.getState().reset();
    expect(text(store)[text(store).length - 1]).not.toMatch(/Cluster reset/);
  });
});

import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { fakeCluster, fakeFactory } from './fakeWorld.testkit';
import type { TerminalEvent } from './types';

async function setup() {
  const world = fakeCluster();
  const store = createAppStore(fakeFactory(world), { files: { 'web.yaml': 'kind: Deployment\n' }, welcome: [] });
  await store.ready;
  const events: TerminalEvent[] = [];
  store.getState().subscribeTerminal((e) => events.push(e));
  const text = () => store.getState().transcript.map((l) => l.text);
  return { world, store, events, text };
}

describe('app store', () => {
  it('runs a command: echo and output land in the transcript and the terminal events', async () => {
    const { store, events, text } = await setup();
    store.getState().runCommand('echo hello');
    expect(text()).toEqual(['$ echo hello', 'hello']);
    expect(events.map((e) => e.type)).toEqual(['command', 'output', 'idle']);
    expect(store.getState().history).toEqual(['echo hello']);
    expect(store.getState().commandLog).toEqual([{ at: world0(store), line: 'echo hello', source: 'prompt', files: store.getState().files }]);
  });

  it('advances virtual time by real time × speed, and not at all when paused', async () => {
    const { store, world } = await setup();
    const t0 = world.cluster.now();
    store.getState().setSpeed(10);
    store.frame(50);
    expect(world.cluster.now() - t0).toBe(500);
    store.getState().togglePause();
    expect(store.getState().speed).toBe(0);
    store.frame(50);
    expect(world.cluster.now() - t0).toBe(500);
    store.getState().togglePause();
    expect(store.getState().speed).toBe(10);
  });

  it('keeps a waiting command running, polls it each frame, and goes idle when it finishes', async () => {
    const { store, world, events, text } = await setup();
    store.getState().runCommand('wait web-1');
    expect(store.getState().busy).toBe(true);
    store.frame(16);
    expect(store.getState().busy).toBe(true);
    world.addPod('web-1');
    store.frame(16);
    expect(store.getState().busy).toBe(false);
    expect(text()).toContain('web-1 exists');
    expect(events[events.length - 1].type).toBe('idle');
  });

  it('Ctrl+C cancels the waiting command and prints ^C', async () => {
    const { store, text } = await setup();
    store.getState().runCommand('wait nothing');
    store.getState().cancelCommand();
    expect(store.getState().busy).toBe(false);
    expect(text()).toEqual(['$ wait nothing', '^C']);
  });

  it('publishes a new snapshot when the cluster changes, with kubectl status text', async () => {
    const { store, world } = await setup();
    const before = store.getState().snapshot;
    store.frame(16);
    expect(store.getState().snapshot).toBe(before);
    world.addPod('web-1');
    store.frame(16);
    const after = store.getState().snapshot;
    expect(after).not.toBe(before);
    expect(after.pods.map((p) => p.metadata?.name)).toEqual(['web-1']);
    expect(after.podStatus['default/web-1']).toBe('Running');
  });

  it('Kill pod is a command in the transcript', async () => {
    const { store, world, text } = await setup();
    world.addPod('web-1');
    store.getState().killPod({ namespace: 'default', name: 'web-1' });
    expect(text()[0]).toBe('$ kubectl delete pod web-1 --grace-period=0 --force');
    expect(store.getState().commandLog[0]).toMatchObject({ source: 'ui' });
    expect(store.getState().history).toEqual([]);
  });

  it('Crash container is a kubeplay command in the transcript', async () => {
    const { store, world, text } = await setup();
    world.addPod('web-1');
    store.getState().crashContainer({ namespace: 'default', name: 'web-1' });
    expect(text()[0]).toBe('$ kubeplay container crash web-1');
    expect(store.getState().commandLog[0]).toMatchObject({ source: 'ui' });
  });

  it('node actions are commands too, and selecting a node clears the pod selection', async () => {
    const { store, text } = await setup();
    store.getState().selectPod({ namespace: 'default', name: 'web-1' });
    store.getState().selectNode('worker-1');
    expect(store.getState().selectedPod).toBeUndefined();
    store.getState().stopNode('worker-1');
    store.getState().cordonNode('worker-2', true);
    store.getState().cordonNode('worker-2', false);
    store.getState().startNode('worker-1');
    expect(text().filter((l) => l.startsWith('$ '))).toEqual(['$ kubeplay node stop worker-1', '$ kubectl cordon worker-2', '$ kubectl uncordon worker-2', '$ kubeplay node start worker-1']);
  });

  it('Apply is kubectl apply -f FILE', async () => {
    const { store, text } = await setup();
    store.getState().applyFile('web.yaml');
    expect(text()[0]).toBe('$ kubectl apply -f web.yaml');
  });

  it('clear empties the transcript and tells the terminal', async () => {
    const { store, events } = await setup();
    store.getState().runCommand('echo one');
    store.getState().runCommand('clear');
    expect(store.getState().transcript).toEqual([]);
    expect(events.some((e) => e.type === 'clear')).toBe(true);
  });

  it('reset builds a fresh world, cancels waiting commands and says so', async () => {
    const { store, text } = await setup();
    store.getState().runCommand('wait nothing');
    store.getState().selectPod({ namespace: 'default', name: 'x' });
    store.getState().reset();
    expect(store.getState().busy).toBe(false);
    expect(store.getState().selectedPod).toBeUndefined();
    expect(text()[text().length - 1]).toMatch(/^# Cluster reset/);
  });

  it('prints an error instead of throwing when the shell breaks', async () => {
    const world = fakeCluster();
    const factory = fakeFactory(world);
    const store = createAppStore(
      {
        ...factory,
        loadShell: () =>
          Promise.resolve(() => ({
            run: () => {
              throw new Error('boom');
            },
            complete: () => [],
          })),
      },
      { files: {}, welcome: [] },
    );
    await store.ready;
    store.getState().runCommand('kubectl get pods');
    expect(store.getState().transcript.map((l) => l.text)).toContain('error: internal error in the playground: boom');
    expect(store.getState().busy).toBe(false);
  });
});

describe('before the shell has loaded', () => {
  it('commands wait for it, then run on the next frame', async () => {
    const world = fakeCluster();
    let resolve: () => void = () => {};
    const loaded = new Promise<void>((r) => (resolve = r));
    const factory = fakeFactory(world);
    const store = createAppStore({ ...factory, loadShell: () => loaded.then(factory.loadShell) }, { files: {}, welcome: [] });
    store.getState().runCommand('echo early');
    expect(store.getState().busy).toBe(true);
    store.frame(16);
    expect(store.getState().busy).toBe(true);
    resolve();
    await store.ready;
    store.frame(16);
    expect(store.getState().busy).toBe(false);
    expect(store.getState().transcript.map((l) => l.text)).toEqual(['$ echo early', 'early']);
  });

  it('says so when the shell cannot load', async () => {
    const world = fakeCluster();
    const store = createAppStore({ ...fakeFactory(world), loadShell: () => Promise.reject(new Error('offline')) }, { files: {}, welcome: [] });
    store.getState().runCommand('echo x');
    await store.ready;
    store.frame(16);
    expect(store.getState().transcript.map((l) => l.text)).toContain('error: the terminal could not load (offline); reload the page');
  });
});

function world0(store: ReturnType<typeof createAppStore>): number {
  return store.getState().now;
}

import { describe, expect, it } from 'vitest';
import { preloadShellData } from '../shell/index';
import type { AppStore } from './appStore';
import { realStore } from './realWorld.testkit';

await preloadShellData();

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

/** Runs the store for `seconds` of virtual time, in frames as the browser would. */
function run(store: AppStore, seconds: number): void {
  store.getState().setSpeed(10);
  for (let i = 0; i < seconds * 2; i++) store.frame(50);
}

const webPods = (store: AppStore) => store.getState().snapshot.pods.filter((p) => p.metadata?.name?.startsWith('web-') && !p.metadata.deletionTimestamp).length;

/** Waits for the store's history action (they replay asynchronously). */
async function settled(store: AppStore): Promise<void> {
  const busy = () => store.getState().replaying || (store.getState().past !== undefined && store.getState().past?.loadedAt !== store.getState().past?.at);
  for (let i = 0; i < 400 && busy(); i++) await new Promise((r) => setTimeout(r, 5));
}

async function scaledWeb() {
  const store = await realStore({ 'web.yaml': WEB });
  store.getState().runCommand('kubectl apply -f web.yaml');
  run(store, 20);
  store.getState().runCommand('kubectl scale deployment web --replicas=5');
  run(store, 20);
  store.getState().runCommand('kubectl get pods');
  run(store, 2);
  return store;
}

describe('undo and redo', () => {
  it('undo reverts a kubectl scale (and the look after it), redo puts it back, a new command clears redo', async () => {
    const store = await scaledWeb();
    expect(webPods(store)).toBe(5);
    const before = store.getState().now;
    await store.getState().undo();
    expect(webPods(store)).toBe(2);
    expect(store.getState().commandLog.map((c) => ('line' in c ? c.line : c.cancel))).toEqual(['kubectl apply -f web.yaml']);
    // Time does not go back: the cluster as it would be now without the scale.
    expect(store.getState().now).toBe(before);
    expect(store.getState().transcript.map((l) => l.text)).toContain('# Undo: kubectl scale deployment web --replicas=5 — the cluster as it would be now without it.');
    await store.getState().redo();
    expect(webPods(store)).toBe(5);
    expect(store.getState().redoSteps).toEqual([]);
    await store.getState().undo();
    expect(store.getState().redoSteps).toHaveLength(1);
    store.getState().runCommand('kubectl get deploy');
    expect(store.getState().redoSteps).toEqual([]);
  });

  it('keeps the editor as it is: files and the open tab survive an undo', async () => {
    const store = await scaledWeb();
    store.getState().createFile('notes.yaml', '# mine\n');
    await store.getState().undo();
    expect(store.getState().files['notes.yaml']).toBe('# mine\n');
    expect(store.getState().activeFile).toBe('notes.yaml');
  });
});

describe('timeline', () => {
  it('shows the earlier pod count when dragged back, pauses the clock, and comes back to now', async () => {
    const store = await scaledWeb();
    const log = store.getState().commandLog;
    const scaleAt = (log[1].at ?? 0) - store.getState().startedAt;
    store.getState().viewAt(scaleAt - 1000);
    await settled(store);
    expect(store.getState().past?.at).toBe(scaleAt - 1000);
    expect(store.getState().speed).toBe(0);
    expect(webPods(store)).toBe(2);
    store.getState().viewAt(scaleAt + 15_000);
    await settled(store);
    expect(webPods(store)).toBe(5);
    await store.getState().backToNow();
    expect(store.getState().past).toBeUndefined();
    expect(store.getState().speed).toBe(10);
    expect(store.getState().commandLog).toHaveLength(3);
  });

  it('a command issued while looking at the past forks history there; undo brings the dropped future back', async () => {
    const store = await scaledWeb();
    const scaleAt = (store.getState().commandLog[1].at ?? 0) - store.getState().startedAt;
    store.getState().viewAt(scaleAt - 1000);
    await settled(store);
    store.getState().runCommand('kubectl scale deployment web --replicas=3');
    expect(store.getState().past).toBeUndefined();
    expect(store.getState().fork).toMatchObject({ at: scaleAt - 1000, commandsKept: 1, commandsDropped: 2 });
    await Promise.resolve();
    const text = store.getState().transcript.map((l) => l.text);
    const notice = `# History forked at 00:00:${String(Math.floor((scaleAt - 1000) / 1000)).padStart(2, '0')}: 2 later commands were dropped (Undo brings them back).`;
    // Said after the command's own output.
    expect(text.slice(-3)).toEqual(['$ kubectl scale deployment web --replicas=3', 'deployment.apps/web scaled', notice]);
    run(store, 15);
    expect(webPods(store)).toBe(3);
    await store.getState().undo();
    expect(store.getState().fork).toBeUndefined();
    expect(webPods(store)).toBe(5);
    expect(store.getState().commandLog.map((c) => ('line' in c ? c.line : c.cancel))).toEqual(['kubectl apply -f web.yaml', 'kubectl scale deployment web --replicas=5', 'kubectl get pods']);
  });

  it('a command typed before the moment looked at has loaded waits for it, then acts on that moment and forks there', async () => {
    const store = await scaledWeb();
    const scaleAt = (store.getState().commandLog[1].at ?? 0) - store.getState().startedAt;
    store.getState().viewAt(scaleAt - 1000);
    // At once: the handle has not rested, the page still runs on the present cluster (5 pods).
    expect(store.getState().runCommand('kubectl scale deployment web --replicas=3')).toBeUndefined();
    for (let i = 0; i < 400 && store.getState().fork === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    expect(store.getState().past).toBeUndefined();
    expect(store.getState().fork).toMatchObject({ at: scaleAt - 1000, commandsKept: 1, commandsDropped: 2 });
    expect(store.getState().commandLog.map((c) => ('line' in c ? c.line : c.cancel))).toEqual(['kubectl apply -f web.yaml', 'kubectl scale deployment web --replicas=3']);
    run(store, 15);
    expect(webPods(store)).toBe(3);
  });

  it('Reset forgets redo, fork and the past', async () => {
    const store = await scaledWeb();
    await store.getState().undo();
    expect(store.getState().redoSteps).toHaveLength(1);
    store.getState().reset();
    expect(store.getState().redoSteps).toEqual([]);
    const forked = await scaledWeb();
    forked.getState().viewAt(1000);
    await settled(forked);
    forked.getState().runCommand('kubectl get pods');
    expect(forked.getState().fork).toBeDefined();
    forked.getState().reset();
    expect(forked.getState().fork).toBeUndefined();
    expect(forked.getState().past).toBeUndefined();
  });
});

describe('timeline and the swarm', () => {
  it('a past moment loaded shows that moment’s swarm too, and back to now the present one', async () => {
    const store = await realStore({});
    await store.ready;
    store.getState().runCommand('docker service create --detach --name web --replicas 1 nginx');
    run(store, 20);
    const scaleAt = store.getState().now - store.getState().startedAt;
    store.getState().runCommand('docker service scale --detach web=3');
    run(store, 20);
    const running = () => (store.getState().swarm?.tasks ?? []).filter((t) => t.status.state === 'running' && t.desiredState === 'running').length;
    store.getState().setViewMode('swarm');
    run(store, 1);
    expect(running()).toBe(3);
    store.getState().viewAt(scaleAt - 1000);
    await settled(store);
    store.frame(50);
    expect(running()).toBe(1);
    await store.getState().backToNow();
    store.frame(50);
    expect(running()).toBe(3);
  });
});

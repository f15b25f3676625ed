import { afterEach, describe, expect, it } from 'vitest';
import { preloadShellData } from '../shell/index';
import { createAppStore, type AppStore } from './appStore';
import { realFactory } from './realWorld.testkit';
import { memoryStorage } from './scenarioShelf';

await preloadShellData();

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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

const stores: AppStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.stopAutosave();
});

async function open(storage: ReturnType<typeof memoryStorage>): Promise<AppStore> {
  const store = createAppStore(realFactory, { files: { 'web.yaml': WEB }, welcome: [], storage, wallClock: () => 1_700_000_000_000 });
  stores.push(store);
  await store.ready;
  return store;
}

function run(store: AppStore, seconds: number): void {
  store.getState().setSpeed(10);
  for (let i = 0; i < seconds * 2; i++) store.frame(50);
}

function output(store: AppStore, line: string): string {
  const from = store.getState().transcript.length;
  store.getState().runCommand(line);
  return store.getState().transcript.slice(from + 1).map((l) => l.text).join('\n');
}

describe('autosave', () => {
  it('a reload loses nothing: files, commands and the cluster they made come back', async () => {
    const storage = memoryStorage();
    const first = await open(storage);
    first.getState().editFile('web.yaml', WEB.replace('replicas: 3', 'replicas: 4'));
    first.getState().runCommand('kubectl apply -f web.yaml');
    run(first, 30);
    first.getState().runCommand('kubectl scale deployment web --replicas=2');
    run(first, 30);
    first.getState().saveNow();
    const pods = output(first, 'kubectl get pods -o name');
    expect(pods.split('\n')).toHaveLength(2);

    const second = await open(storage);
    expect(await second.getState().restoreSaved()).toEqual({ ok: true, restored: true });
    expect(second.getState().files['web.yaml']).toContain('replicas: 4');
    expect(second.getState().commandLog.filter((c) => 'line' in c).map((c) => ('line' in c ? c.line : ''))).toEqual(['kubectl apply -f web.yaml', 'kubectl scale deployment web --replicas=2', 'kubectl get pods -o name']);
    expect(output(second, 'kubectl get pods -o name')).toBe(pods);
    expect(second.getState().transcript.map((l) => l.text)).toContain('$ kubectl scale deployment web --replicas=2');
  });

  it('saves a command at once, without waiting for a pause', async () => {
    const storage = memoryStorage();
    const store = await open(storage);
    store.getState().runCommand('kubectl create namespace kept');
    expect([...storage.data.values()].some((v) => v.includes('kubectl create namespace kept'))).toBe(true);
    expect(store.getState().savedScenarios).toHaveLength(1);
  });

  it('keeps several scenarios: a new one starts empty, the old one reopens as it was', async () => {
    const storage = memoryStorage();
    const store = await open(storage);
    store.getState().runCommand('kubectl create namespace first');
    const firstId = store.getState().currentScenarioId;
    expect(await store.getState().newScenario('Second', { 'web.yaml': WEB })).toEqual({ ok: true });
    expect(store.getState().commandLog).toEqual([]);
    expect(output(store, 'kubectl get ns first')).toMatch(/NotFound/);
    expect(store.getState().savedScenarios.map((s) => s.name)).toContain('Second');
    expect(await store.getState().openScenario(firstId ?? '')).toEqual({ ok: true });
    expect(output(store, 'kubectl get ns first')).toMatch(/first\s+Active/);
    expect(store.getState().renameScenario(firstId ?? '', 'Namespaces')).toBe(true);
    expect(store.getState().savedScenarios.find((s) => s.id === firstId)?.name).toBe('Namespaces');
    await store.getState().deleteScenario(firstId ?? '', 'Fresh', { 'web.yaml': WEB });
    expect(store.getState().savedScenarios.map((s) => s.name).sort()).toEqual(['Fresh', 'Second']);
    expect(store.getState().commandLog).toEqual([]);
  });

  it('says when the storage is full and goes on working', async () => {
    const store = await open(memoryStorage(200));
    store.getState().runCommand('kubectl create namespace big');
    expect(store.getState().autosave).toBe('full');
    expect(output(store, 'kubectl get ns big')).toMatch(/big\s+Active/);
  });

  it('a damaged saved scenario gives a message, is left untouched, and the page starts fresh', async () => {
    const storage = memoryStorage();
    const store = await open(storage);
    store.getState().runCommand('kubectl create namespace x');
    const id = store.getState().currentScenarioId;
    storage.setItem(`kubeplay.scenario.v1.${id}`, '{"scenario":{"version":1,"log":[{"at":-5,"line":"x"}]}}');
    const next = await open(storage);
    const result = await next.getState().restoreSaved();
    expect(result.ok).toBe(false);
    expect(next.getState().currentScenarioId).toBeUndefined();
    expect(storage.getItem(`kubeplay.scenario.v1.${id}`)).toContain('"at":-5');
  });
});

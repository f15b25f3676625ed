import { describe, expect, it } from 'vitest';
import { CONFIGMAP, DEPLOYMENT, SERVICE } from '../session/typicalScenario.testkit';
import { decodeScenario, encodeScenario } from '../session/link';
import type { AppStore } from './appStore';
import { realStore } from './realWorld.testkit';
import { commandLines } from './scenarioLog';

const FILES = { 'configmap.yaml': CONFIGMAP, 'deployment.yaml': DEPLOYMENT, 'service.yaml': SERVICE };

/** Real-time frames of uneven length, as a browser draws them. */
const FRAMES = [16.7, 16.6, 33.4, 8.1, 16.7, 50.2, 16.6];
let frameNo = 0;
function frames(store: AppStore, realMs: number): void {
  for (let t = 0; t < realMs; ) {
    const ms = FRAMES[frameNo++ % FRAMES.length];
    store.frame(ms);
    t += ms;
  }
}

/** What a command prints, read from the terminal's events (the command is logged like any other). */
function output(store: AppStore, line: string): string {
  let out = '';
  const stop = store.getState().subscribeTerminal((e) => {
    if (e.type === 'output') out += e.text;
  });
  store.getState().runCommand(line);
  stop();
  return out;
}

/** A learner's session in the page: applies, an edit between two applies, a Ctrl+C, a fast-forward stopped, node and pod actions. */
async function liveSession(): Promise<AppStore> {
  // Real time as the page's slicing sees it: each look moves it on 1 ms, so a fast-forward hands back after a few steps.
  let wall = 0;
  const store = await realStore(FILES, () => (wall += 1));
  const s = () => store.getState();
  s().setSpeed(5);
  frames(store, 300);
  s().runCommand('kubectl apply -f configmap.yaml');
  frames(store, 200);
  s().applyFile('deployment.yaml');
  s().runCommand('kubectl apply -f service.yaml');
  s().runCommand('kubectl rollout status deployment/web');
  frames(store, 1500);
  s().cancelCommand();
  s().runCommand('kubectl get pods -o wide');
  s().editFile('deployment.yaml', DEPLOYMENT.replace('replicas: 3', 'replicas: 5'));
  frames(store, 400);
  s().applyFile('deployment.yaml');
  frames(store, 900);
  s().stopNode('worker-2');
  s().settle();
  frames(store, 30);
  s().stopSettle();
  frames(store, 500);
  const victim = s().snapshot.pods.find((p) => p.metadata?.name?.startsWith('web-'))!;
  s().killPod({ namespace: 'default', name: victim.metadata!.name! });
  frames(store, 700);
  // Edited after its last apply: the page shows this, the cluster ran the earlier text.
  s().editFile('deployment.yaml', DEPLOYMENT.replace('replicas: 3', 'replicas: 7'));
  s().runCommand('kubectl get deployments');
  frames(store, 300);
  return store;
}

describe('captureScenario and loadScenario (the session primitive)', () => {
  it('a captured session loads into a fresh page with identical kubectl get pods -o wide', async () => {
    const live = await liveSession();
    const scenario = live.getState().captureScenario()!;
    expect(scenario.log).toContainEqual(expect.objectContaining({ cancel: 'settle' }));
    const decoded = await decodeScenario(await encodeScenario(scenario));
    if (!decoded.ok) throw new Error(decoded.error);

    const other = await realStore({ 'mine.yaml': 'kind: ConfigMap\n' });
    const loaded = await other.getState().loadScenario(decoded.scenario, { origin: 'link' });
    expect(loaded).toEqual({ ok: true });
    expect(other.getState().now).toBe(live.getState().startedAt + scenario.endAt);
    expect(other.getState().startedAt).toBe(live.getState().startedAt);
    expect(other.getState().files).toEqual(live.getState().files);
    expect(other.getState().fileOrder).toEqual(live.getState().fileOrder);
    expect(other.getState().sessionOrigin).toBe('link');
    const wide = output(live, 'kubectl get pods -o wide');
    expect(wide.split('\n').length).toBeGreaterThan(6);
    expect(output(other, 'kubectl get pods -o wide')).toBe(wide);
    expect(output(other, 'kubectl get deployment web')).toBe(output(live, 'kubectl get deployment web'));
    // The drawing shows the replayed cluster.
    expect(other.getState().snapshot.pods.map((p) => p.metadata?.name).sort()).toEqual(live.getState().snapshot.pods.map((p) => p.metadata?.name).sort());
  });

  it('logs Ctrl+C and the fast-forward Stop, so replay stops the same waits', async () => {
    const live = await liveSession();
    const log = live.getState().captureScenario()!.log;
    expect(log.filter((e) => 'cancel' in e).map((e) => ('cancel' in e ? e.cancel : ''))).toEqual(['prompt', 'settle']);
    const lines = log.flatMap((e) => ('line' in e ? [e.line] : []));
    expect(lines.indexOf('kubectl get pods -o wide')).toBeGreaterThan(lines.indexOf('kubectl rollout status deployment/web'));
  });

  it('keeps each version of a file edited between applies, and the editor\'s last text', async () => {
    const live = await liveSession();
    const scenario = live.getState().captureScenario()!;
    const versions = scenario.log.flatMap((e) => ('file' in e ? [e.content] : []));
    // 3 for the first applies, 5 for the second, 7 (the editor's text) for the last command.
    expect(versions.map((c) => /replicas: (\d)/.exec(c ?? '')?.[1])).toEqual(['3', '5', '7']);
    expect(scenario.files.find((f) => f.name === 'deployment.yaml')?.content).toContain('replicas: 7');
    const other = await realStore({});
    await other.getState().loadScenario(scenario);
    expect(output(other, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).toBe('5');
    expect(other.getState().files['deployment.yaml']).toContain('replicas: 7');
  });

  it('captures a loaded session as the same scenario', async () => {
    const live = await liveSession();
    const scenario = live.getState().captureScenario()!;
    const other = await realStore({});
    await other.getState().loadScenario(scenario);
    // The speed is the caller's to apply (opening a link does).
    other.getState().setSpeed(5);
    expect(other.getState().captureScenario()).toEqual(scenario);
  });

  it('without history leaves out commands that only look, and reaches the same cluster', async () => {
    const live = await liveSession();
    const full = live.getState().captureScenario()!;
    const state = live.getState().captureScenario({ history: false })!;
    const lines = state.log.flatMap((e) => ('line' in e ? [e.line] : []));
    expect(lines).not.toContain('kubectl get pods -o wide');
    expect(lines).not.toContain('kubectl rollout status deployment/web');
    expect(lines).toContain('kubeplay node stop worker-2');
    expect(state.log.length).toBeLessThan(full.log.length);
    expect(state.endAt).toBe(full.endAt);
    const other = await realStore({});
    await other.getState().loadScenario(state);
    expect(output(other, 'kubectl get pods -o wide')).toBe(output(live, 'kubectl get pods -o wide'));
  });

  it('replays only to `until`, drops the later log, and time goes on from there', async () => {
    const live = await liveSession();
    const scenario = live.getState().captureScenario()!;
    const stop = scenario.log.find((e) => 'line' in e && e.line === 'kubeplay node stop worker-2')!.at;
    const other = await realStore({});
    await other.getState().loadScenario(scenario, { until: stop - 1 });
    expect(other.getState().now - other.getState().startedAt).toBe(stop - 1);
    expect(commandLines(other.getState().commandLog)).not.toContain('kubeplay node stop worker-2');
    expect(output(other, 'kubectl get nodes worker-2')).toMatch(/worker-2\s+Ready/);
    frames(other, 100);
    expect(other.getState().now - other.getState().startedAt).toBeGreaterThan(stop - 1);
  });

  it('shows the replay in the terminal, under the notice', async () => {
    const live = await liveSession();
    const other = await realStore({});
    await other.getState().loadScenario(live.getState().captureScenario()!, { notice: 'Opened a shared scenario.' });
    const text = other.getState().transcript.map((l) => l.text);
    expect(text[0]).toBe('# Opened a shared scenario.');
    expect(text).toContain('$ kubectl apply -f configmap.yaml');
    expect(text).toContain('configmap/web-config created');
    expect(other.getState().history).toContain('kubectl rollout status deployment/web');
  });

  it('runs a command typed while a scenario replays on the replayed cluster once it has loaded, and logs it there', async () => {
    const live = await liveSession();
    const scenario = live.getState().captureScenario()!;
    const other = await realStore({});
    const loading = other.getState().loadScenario(scenario);
    // Typed during the replay: on the page's old cluster it would have been lost when the replay took over.
    other.getState().runCommand('kubectl scale deployment web --replicas=2');
    other.getState().runCommand('kubectl label deployment web typed=later');
    expect(await loading).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const lines = commandLines(other.getState().commandLog);
    expect(lines.slice(-2)).toEqual(['kubectl scale deployment web --replicas=2', 'kubectl label deployment web typed=later']);
    expect(output(other, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).toBe('2');
    expect(output(other, 'kubectl get deployment web -o jsonpath={.metadata.labels.typed}')).toBe('later');
    expect(other.getState().transcript.map((l) => l.text)).toContain('deployment.apps/web scaled');
    expect(other.getState().scenarioLoading).toBeUndefined();
  });

  it('refuses a scenario past the bounds and changes nothing', async () => {
    const store = await realStore({ 'mine.yaml': 'x: 1\n' });
    store.getState().runCommand('kubectl create deployment mine --image=nginx');
    const before = store.getState().captureScenario();
    const result = await store.getState().loadScenario({ version: 1, files: [], cluster: {}, seed: 1, log: [{ at: 0, line: 'kubectl create deployment big --image=nginx --replicas=10000000' }], endAt: 0 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/refused: .* asks for replicas 10000000/) });
    expect(store.getState().captureScenario()).toEqual(before);
    expect(store.getState().files).toEqual({ 'mine.yaml': 'x: 1\n' });
  });

  it('carries the open lesson step and the speed', async () => {
    const store = await realStore({});
    store.getState().setLessonStep({ id: '04-self-healing', step: 2 });
    store.getState().setSpeed(0);
    const scenario = store.getState().captureScenario()!;
    expect(scenario.lesson).toEqual({ id: '04-self-healing', step: 2 });
    const other = await realStore({});
    await other.getState().loadScenario(scenario);
    expect(other.getState().lessonStep).toEqual({ id: '04-self-healing', step: 2 });
    expect(scenario.speed).toBe(0);
    // Loading leaves the speed alone (the timeline pauses while it replays); opening a shared link applies it.
    expect(other.getState().speed).toBe(1);
  });
});

describe('the terminal\'s namespace', () => {
  it('a button\'s command names the namespace when the terminal works in another one (kubectl config set-context)', async () => {
    const store = await realStore({});
    store.getState().runCommand('kubectl config set-context --current --namespace=dev');
    store.getState().killPod({ namespace: 'default', name: 'web-1' });
    store.getState().scaleDeployment({ kind: 'Deployment', namespace: 'dev', name: 'api' }, 2);
    expect(commandLines(store.getState().commandLog)).toEqual([
      'kubectl config set-context --current --namespace=dev',
      'kubectl delete pod web-1 -n default --grace-period=0 --force',
      'kubectl scale deployment api --replicas=2',
    ]);
  });
});

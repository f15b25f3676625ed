import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';

describe('share links and scenario files in the store', () => {
  it('a link fragment of the session opens in another page to the same pods', async () => {
    const a = await realStore({ 'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx\n' });
    a.getState().applyFile('web.yaml');
    for (let i = 0; i < 40; i++) a.frame(50);
    const shared = await a.getState().shareFragment(false);
    expect(shared).toMatchObject({ commands: 1 });
    expect(shared!.fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const b = await realStore({});
    expect(await b.getState().openSharedText(`#${shared!.fragment}`, 'link')).toEqual({ ok: true });
    expect(b.getState().shareNotice).toEqual({ tone: 'info', kind: 'opened', origin: 'link' });
    expect(b.getState().sessionOrigin).toBe('link');
    const names = (s: typeof a) => s.getState().snapshot.pods.map((p) => p.metadata?.name).sort();
    expect(names(b)).toEqual(names(a));
  });

  it('a link shared while paused opens paused', async () => {
    const a = await realStore({});
    a.getState().setSpeed(0);
    const b = await realStore({});
    await b.getState().openSharedText((await a.getState().shareFragment(true))!.fragment, 'link');
    expect(b.getState().speed).toBe(0);
    expect(b.getState().resumeSpeed).toBe(1);
  });

  it('a damaged link says why and leaves the page as it was', async () => {
    const store = await realStore({ 'mine.yaml': 'a: 1\n' });
    const result = await store.getState().openSharedText('v1.AAAA', 'link');
    expect(result.ok).toBe(false);
    expect(store.getState().shareNotice).toMatchObject({ tone: 'problem', kind: 'refused', origin: 'link', reason: expect.stringMatching(/^this link cannot be opened: it is damaged/) });
    expect(store.getState().files).toEqual({ 'mine.yaml': 'a: 1\n' });
    expect(store.getState().sessionOrigin).toBe('local');
  });

  it('opens a scenario file (JSON) and the file of a link; refuses other text', async () => {
    const a = await realStore({ 'x.yaml': 'kind: ConfigMap\n' });
    a.getState().runCommand('kubectl create configmap c --from-literal=k=v');
    const text = a.getState().scenarioFileText(true)!;
    expect(JSON.parse(text)).toMatchObject({ version: 1, files: [{ name: 'x.yaml' }] });
    const b = await realStore({});
    expect(await b.getState().openSharedText(text, 'file')).toEqual({ ok: true });
    expect(b.getState().files).toEqual({ 'x.yaml': 'kind: ConfigMap\n' });
    const link = (await a.getState().shareFragment(true))!.fragment;
    expect(await b.getState().openSharedText(`${link}\n`, 'file')).toEqual({ ok: true });
    expect(await b.getState().openSharedText('hello', 'file')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Kubeplay scenario/) });
    expect(await b.getState().openSharedText('{"version":99}', 'file')).toMatchObject({ ok: false, error: expect.stringMatching(/newer Kubeplay/) });
  });

  it('exports the session for a real cluster: kind config, script, manifests', async () => {
    const store = await realStore({ 'web.yaml': 'kind: ConfigMap\n' });
    store.getState().applyFile('web.yaml');
    store.getState().stopNode('worker-2');
    const x = (await store.getState().exportRealCluster())!;
    expect(x.kindConfig).toContain('kind: Cluster');
    expect(x.script).toContain('kubectl apply -f web.yaml');
    expect(x.script).toContain('#   docker stop kubeplay-worker2');
    expect(x.manifests).toEqual([{ name: 'web.yaml', content: 'kind: ConfigMap\n' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';

/** Runs the store's clock loop for `ms` of real time in 16 ms frames. */
function run(store: Awaited<ReturnType<typeof realStore>>, ms: number): void {
  for (let t = 0; t < ms; t += 16) store.frame(16);
}

const MANIFEST = `apiVersion: apps/v1
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
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 80
`;

describe('traffic facts', () => {
  it('show requests through a Service spread over its ready pods while kubeplay traffic runs, then clear', async () => {
    const store = await realStore({ 'web.yaml': MANIFEST });
    store.getState().setSpeed(10);
    store.getState().runCommand('kubectl apply -f web.yaml');
    run(store, 4000);
    expect(store.getState().traffic.services).toEqual([]);
    store.getState().runCommand('kubeplay traffic web --rps 20 --for 30s');
    run(store, 1500);
    const [web] = store.getState().traffic.services;
    expect(web.service).toBe('default/web');
    // Requests are sent in batches as the clock loop polls: a window holds 20 per second give or take one.
    expect(Math.abs(web.rps - 20)).toBeLessThanOrEqual(1);
    expect(web.failed).toEqual([]);
    expect(web.byPod.map((p) => p.pod).sort()).toEqual(
      store
        .getState()
        .snapshot.pods.filter((p) => p.metadata?.labels?.app === 'web')
        .map((p) => `default/${p.metadata!.name}`)
        .sort(),
    );
    run(store, 4000);
    expect(store.getState().traffic.services).toEqual([]);
  });

  it('count every request as failed while the Service has no ready endpoint', async () => {
    const store = await realStore({ 'web.yaml': MANIFEST.replace('replicas: 3', 'replicas: 0') });
    store.getState().setSpeed(10);
    store.getState().runCommand('kubectl apply -f web.yaml');
    run(store, 1000);
    store.getState().runCommand('kubeplay traffic web --rps 10 --for 20s');
    run(store, 1000);
    const [web] = store.getState().traffic.services;
    expect(web.byPod).toEqual([]);
    expect(web.failed.map((f) => f.kind)).toEqual(['refused']);
    expect(Math.abs(web.rps - 10)).toBeLessThanOrEqual(1);
  });
});

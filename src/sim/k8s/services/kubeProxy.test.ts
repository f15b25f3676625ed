import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { world, type PodObj } from '../../testing/harness';
import { computeProbability, findServiceByIP, findServiceByNodePort, pickEndpoint, pickEndpointWithAffinity, serviceBackends, type ProxyEndpoint } from './kubeProxy';

const app = (replicas: number, svcExtra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 8080, name: http}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]
${svcExtra}`;

const ep = (ip: string): ProxyEndpoint => ({ ip, port: 80, ready: true, serving: true, terminating: false });

describe('kube-proxy (iptables mode)', () => {
  it('vector S8: the rule probabilities for 3 and 4 endpoints', () => {
    expect([3, 2].map(computeProbability)).toEqual(['0.3333333333', '0.5000000000']);
    expect([4, 3, 2].map(computeProbability)).toEqual(['0.2500000000', '0.3333333333', '0.5000000000']);
  });

  it('spreads new connections evenly over the endpoints, the same way for the same seed', () => {
    const eps = [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.3')];
    const rng = createRng(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const e = pickEndpoint(eps, rng.next)!;
      counts.set(e.ip, (counts.get(e.ip) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(400);
    const picks = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 20 }, () => pickEndpoint(eps, r.next)!.ip);
    };
    expect(picks(7)).toEqual(picks(7));
    expect(pickEndpoint([], rng.next)).toBeUndefined();
  });

  it('ClientIP affinity sends a client back to its endpoint until the timeout passes', () => {
    const eps = [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.3'), ep('10.0.0.4')];
    const rng = createRng(3);
    let entry = pickEndpointWithAffinity(eps, rng.next, { timeoutSeconds: 10800, now: 0 }).entry!;
    for (let t = 1; t <= 20; t++) {
      const r = pickEndpointWithAffinity(eps, rng.next, { timeoutSeconds: 10800, now: t * 1000, previous: entry });
      expect(r.endpoint && `${r.endpoint.ip}:80`).toBe(entry.endpoint);
      entry = r.entry!;
    }
    expect(entry.lastUsed).toBe(20_000);
    // the remembered endpoint went away: a new pick, remembered from now on
    const gone = eps.filter((e) => `${e.ip}:80` !== entry.endpoint);
    const moved = pickEndpointWithAffinity(gone, rng.next, { timeoutSeconds: 10800, now: 21_000, previous: entry });
    expect(moved.entry!.endpoint).not.toBe(entry.endpoint);
  });

  it('reads the ready endpoints of a service port from its slices, at the pod port', () => {
    const w = world().apply(app(3)).advance('30s');
    const b = serviceBackends(w.client, 'default', 'web', 80);
    expect(b.type).toBe('ok');
    if (b.type !== 'ok') return;
    expect(b.endpoints.map((e) => e.ip).sort()).toEqual(w.pods('app=web').map((p) => p.status!.podIP).sort());
    expect(b.endpoints.every((e) => e.port === 8080 && e.pod?.name.startsWith('web-'))).toBe(true);
    expect(serviceBackends(w.client, 'default', 'web', 'http').type).toBe('ok');
    expect(serviceBackends(w.client, 'default', 'web', 81).type).toBe('noPort');
    expect(serviceBackends(w.client, 'default', 'nope', 80).type).toBe('noService');
    expect(b.affinityTimeoutSeconds).toBeUndefined();
  });

  it('sends no new connection to a not-ready pod; with none ready, to the serving ones still terminating', () => {
    const w = world().apply(app(2)).advance('30s');
    const [a, b] = w.pods('app=web');
    const setReady = (p: PodObj, ready: boolean) => {
      const fresh = w.client.get<PodObj>('pods', 'default', p.metadata.name)!;
      const conditions = fresh.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: ready ? 'True' : 'False' } : c));
      w.cluster.client(`kubelet/${fresh.spec!.nodeName}`).updateStatus({ ...fresh, status: { ...fresh.status, conditions } });
      w.advance(1);
    };
    setReady(a, false);
    const one = serviceBackends(w.client, 'default', 'web', 80);
    expect(one.type === 'ok' && one.endpoints.map((e) => e.ip)).toEqual([b.status!.podIP]);
    setReady(b, false);
    const none = serviceBackends(w.client, 'default', 'web', 80);
    expect(none.type === 'ok' && none.endpoints).toEqual([]);
  });

  it('knows headless and ExternalName services do not go through it', () => {
    const w = world().apply(`
apiVersion: v1
kind: Service
metadata: {name: h}
spec: {clusterIP: None, selector: {app: x}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: e}
spec: {type: ExternalName, externalName: example.com}
`);
    expect(serviceBackends(w.client, 'default', 'h', 80).type).toBe('headless');
    expect(serviceBackends(w.client, 'default', 'e', 80)).toMatchObject({ type: 'externalName', externalName: 'example.com' });
  });

  it('reports ClientIP affinity with its timeout, and finds services by cluster IP and node port', () => {
    const w = world().apply(app(1, '  sessionAffinity: ClientIP')).advance('30s');
    const b = serviceBackends(w.client, 'default', 'web', 80);
    expect(b.type === 'ok' && b.affinityTimeoutSeconds).toBe(10800);
    const svc = w.client.get('services', 'default', 'web')!;
    expect(findServiceByIP(w.client, (svc.spec as { clusterIP: string }).clusterIP)?.metadata.name).toBe('web');
    expect(findServiceByIP(w.client, '10.96.0.1')?.metadata.name).toBe('kubernetes');
    expect(findServiceByNodePort(w.client, 30080)?.servicePort.port).toBe(80);
    expect(findServiceByNodePort(w.client, 30081)).toBeUndefined();
  });
});

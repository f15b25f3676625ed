import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { routeIngress, servedByIngressNginx } from './ingressRouting';

let seq = 0;
function storeWith(...objects: KubeObject[]): ObjectStore {
  const store = new ObjectStore();
  store.define('ingresses.networking.k8s.io');
  store.define('ingressclasses.networking.k8s.io');
  for (const o of objects) store.put(o.kind === 'Ingress' ? 'ingresses.networking.k8s.io' : 'ingressclasses.networking.k8s.io', o);
  return store;
}
const path = (p: string, pathType: string, service: string, port: number | string = 80) => ({ path: p, pathType, backend: { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } } });
function ing(name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  seq++;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: `2025-03-01T09:00:${String(seq).padStart(2, '0')}Z`, ...(annotations ? { annotations } : {}) }, spec };
}
const nginxClass: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } };
const otherClass: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'traefik' }, spec: { controller: 'traefik.io/ingress-controller' } };
const to = (store: ObjectStore, host: string, p: string) => {
  const r = routeIngress(store, host, p);
  return r.type === 'backend' ? `${r.backend.service}:${r.backend.port}` : '404';
};

describe('routeIngress (ingress-nginx)', () => {
  const store = storeWith(
    nginxClass,
    ing('shop', {
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [path('/', 'Prefix', 'web'), path('/api', 'Prefix', 'api'), path('/api/v2', 'Exact', 'v2'), path('/static', 'ImplementationSpecific', 'cdn')] } }],
    }),
    ing('wild', { rules: [{ host: '*.example.com', http: { paths: [path('/', 'Prefix', 'wild')] } }] }),
    ing('catchall', { rules: [{ http: { paths: [path('/health', 'Exact', 'health', 'http')] } }] }),
  );

  it.each([
    ['shop.example.com', '/', 'web:80'],
    ['shop.example.com', '/api', 'api:80'],
    ['shop.example.com', '/api/users?page=2', 'api:80'],
    ['shop.example.com', '/apix', 'web:80'],
    ['shop.example.com', '/api/v2', 'v2:80'],
    ['shop.example.com', '/api/v2/x', 'api:80'],
    ['shop.example.com', '/staticfiles', 'cdn:80'],
    ['SHOP.example.com:80', '/api', 'api:80'],
    ['blog.example.com', '/', 'wild:80'],
    ['a.b.example.com', '/', '404'],
    ['other.org', '/health', 'health:http'],
    ['other.org', '/', '404'],
  ])('%s%s → %s', (host, p, want) => {
    expect(to(store, host, p)).toBe(want);
  });

  it("a host's unmatched paths go to its Ingress's default backend, else 404 — never to another server", () => {
    const s = storeWith(ing('a', { defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } }, rules: [{ host: 'a.test', http: { paths: [path('/x', 'Exact', 'x')] } }] }), ing('b', { defaultBackend: { service: { name: 'catch', port: { number: 80 } } } }));
    expect(to(s, 'a.test', '/y')).toBe('fallback:8080');
    expect(to(s, 'zzz.test', '/y')).toBe('catch:80');
  });

  it('serves its own class, the nginx annotation and class-less Ingresses, not other controllers\' classes', () => {
    const s = storeWith(nginxClass, otherClass);
    expect(servedByIngressNginx(ing('a', { ingressClassName: 'nginx' }), s)).toBe(true);
    expect(servedByIngressNginx(ing('b', { ingressClassName: 'traefik' }), s)).toBe(false);
    expect(servedByIngressNginx(ing('c', { ingressClassName: 'missing' }), s)).toBe(false);
    expect(servedByIngressNginx(ing('d', {}), s)).toBe(true);
    expect(servedByIngressNginx(ing('e', {}, { 'kubernetes.io/ingress.class': 'traefik' }), s)).toBe(false);
  });
});

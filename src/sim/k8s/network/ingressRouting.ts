import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';

/**
 * How ingress-nginx (as the `ingress-nginx` add-on runs it, with
 * `--watch-ingress-without-class=true`) routes an HTTP request: the Ingresses
 * it serves become nginx `server` blocks by host — an exact host first, then
 * a `*.` wildcard, then the catch-all server `_` of rules without a host —
 * and each path a `location`: `Exact` as `location = /p`, `Prefix` by whole
 * path elements (`/foo` matches `/foo`, `/foo/`, `/foo/bar`, not `/foobar`),
 * `ImplementationSpecific` as an nginx prefix. The longest match wins, an
 * exact match before a prefix of the same length. A path no rule matches
 * goes to the Ingress's `defaultBackend`, else the controller's own default
 * backend (404).
 */

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
/** The class name the controller answers to (`--ingress-class`). */
export const INGRESS_NGINX_CLASS = 'nginx';
const CLASSES = 'ingressclasses.networking.k8s.io';
const INGRESSES = 'ingresses.networking.k8s.io';

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const list = (v: unknown): Dict[] => (Array.isArray(v) ? (v as Dict[]) : []);

/** A backend service of an Ingress: the port is a service port number or name. */
export interface IngressBackendRef {
  namespace: string;
  service: string;
  port: number | string;
}

export type IngressRoute =
  | { type: 'backend'; ingress: KubeObject; backend: IngressBackendRef }
  /** No rule and no default backend: the controller's default backend answers 404. */
  | { type: 'default' };

/** Whether ingress-nginx serves this Ingress: its class names an IngressClass of the controller, or it names no class. */
export function servedByIngressNginx(ing: KubeObject, store: ObjectStore): boolean {
  const className = dict(ing.spec).ingressClassName;
  const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (typeof className === 'string' && className !== '') {
    const cls = store.has(CLASSES) ? store.get<KubeObject>(CLASSES, className) : undefined;
    return dict(cls?.spec).controller === INGRESS_NGINX_CONTROLLER;
  }
  if (annotation !== undefined) return annotation === INGRESS_NGINX_CLASS;
  return true;
}

function backendRef(ns: string, backend: unknown): IngressBackendRef | undefined {
  const svc = dict(dict(backend).service);
  if (!svc.name) return undefined;
  const port = dict(svc.port);
  return { namespace: ns, service: String(svc.name), port: typeof port.number === 'number' && port.number !== 0 ? port.number : String(port.name ?? '') };
}

const byCreation = (a: KubeObject, b: KubeObject) => {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.metadata.namespace}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Whether `host` (lower case, no port) is matched by a rule host (`*.example.com` covers exactly one more label). */
function hostMatches(ruleHost: string, host: string): 'exact' | 'wildcard' | undefined {
  const h = ruleHost.toLowerCase();
  if (h === host) return 'exact';
  if (h.startsWith('*.')) {
    const rest = host.slice(host.indexOf('.') + 1);
    if (host.indexOf('.') > 0 && rest === h.slice(2)) return 'wildcard';
  }
  return undefined;
}

/** How well a location matches the path: its length, or -1 (exact matches rank above prefixes of equal length). */
function locationScore(pathType: string, path: string, reqPath: string): number {
  if (pathType === 'Exact') return path === reqPath ? path.length * 4 + 3 : -1;
  if (pathType === 'Prefix') {
    const p = path.endsWith('/') ? path.slice(0, -1) : path;
    return p === '' || reqPath === p || reqPath.startsWith(`${p}/`) ? path.length * 4 + 2 : -1;
  }
  const p = path || '/';
  return reqPath.startsWith(p) ? p.length * 4 + 1 : -1;
}

/** Routes a request for `hostHeader` + `path` as the ingress-nginx controller would. */
export function routeIngress(store: ObjectStore, hostHeader: string, path: string): IngressRoute {
  if (!store.has(INGRESSES)) return { type: 'default' };
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  const reqPath = path.split('?')[0] || '/';
  const served = store.list<KubeObject>(INGRESSES).filter((i) => !i.metadata.deletionTimestamp && servedByIngressNginx(i, store)).sort(byCreation);
  // The server block: exact host, else wildcard, else the catch-all `_`.
  const rank = { exact: 2, wildcard: 1 } as const;
  let best = 0;
  for (const ing of served) for (const r of list(dict(ing.spec).rules)) {
    const m = r.host ? hostMatches(String(r.host), host) : undefined;
    if (m) best = Math.max(best, rank[m]);
  }
  const inServer = (r: Dict): boolean => {
    if (!r.host) return best === 0;
    const m = hostMatches(String(r.host), host);
    return m !== undefined && rank[m] === best;
  };
  let top: { score: number; ingress: KubeObject; backend: unknown } | undefined;
  let fallback: { ingress: KubeObject; backend: unknown } | undefined;
  for (const ing of served) {
    const spec = dict(ing.spec);
    const rules = list(spec.rules);
    let ownsServer = best === 0 && rules.length === 0;
    for (const r of rules) {
      if (!inServer(r)) continue;
      ownsServer = true;
      for (const p of list(dict(r.http).paths)) {
        const score = locationScore(String(p.pathType ?? ''), String(p.path ?? ''), reqPath);
        if (score >= 0 && (!top || score > top.score)) top = { score, ingress: ing, backend: p.backend };
      }
    }
    if (ownsServer && !fallback && spec.defaultBackend) fallback = { ingress: ing, backend: spec.defaultBackend };
  }
  const chosen = top ?? fallback;
  if (!chosen) return { type: 'default' };
  const ref = backendRef(chosen.ingress.metadata.namespace ?? 'default', chosen.backend);
  return ref ? { type: 'backend', ingress: chosen.ingress, backend: ref } : { type: 'default' };
}

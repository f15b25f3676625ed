import { indentJson, wireJson } from '../../../lib/goJson';
import { API_SERVER_ADDRESS, KUBERNETES_VERSION, versionInfo } from '../version';
import type { ClusterView } from '../services/clusterView';
import { forbiddenText } from './authorizingClient';
import { discoveryDocument } from './discovery';
import { servedObject } from './conversion';
import type { Decision, RequestAttributes, UserInfo } from './rbacAuthorizer';
import { storageName, type ResourceInfo, type ResourceRegistry } from './resources';
import type { Selector } from './selectors';

/** What an API path names: a resource of a kind (a collection, or one object). */
export interface ApiTarget {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
}

/** The resource (and namespace, name) an API path names: `/api/v1/namespaces/NS/pods/NAME`, `/apis/apps/v1/deployments`. */
export function parseApiPath(registry: ResourceRegistry, path: string): ApiTarget | undefined {
  const segs = path.split('/').filter((s) => s !== '');
  let group = '';
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 2) [version, rest] = [segs[1], segs.slice(2)];
  else if (segs[0] === 'apis' && segs.length >= 3) [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) [namespace, rest] = [rest[1], rest.slice(2)];
  if (rest.length < 1 || rest.length > 2) return undefined;
  const info = registry.served.find((i) => i.group === group && i.version === version && i.resource === rest[0]);
  if (!info || (namespace !== undefined && !info.namespaced)) return undefined;
  return { info, namespace, name: rest[1] };
}

/** A GET of a resource path: the compact JSON the server sends (an object, or a list), or the NotFound message. */
export function readApiResource(client: ClusterView, resourceVersion: number, target: ApiTarget, selector?: Selector): { body: string } | { missing: string } {
  const resource = storageName(target.info);
  if (target.name !== undefined) {
    const obj = client.get(resource, target.namespace, target.name);
    if (!obj) return { missing: `${target.info.group ? `${target.info.resource}.${target.info.group}` : target.info.resource} "${target.name}" not found` };
    return { body: wireJson(servedObject(obj, target.info)) };
  }
  const items = client.list(resource, { namespace: target.namespace, labelSelector: selector }).map((o) => servedObject(o, target.info));
  const body = items.map((o) => wireJson({ ...o, kind: undefined, apiVersion: undefined }));
  const apiVersion = target.info.group ? `${target.info.group}/${target.info.version}` : target.info.version;
  return { body: `{"kind":"${target.info.kind}List","apiVersion":"${apiVersion}","metadata":{"resourceVersion":"${resourceVersion}"},"items":[${body.join(',')}]}` };
}

/** What serving a request needs from the cluster. */
export interface ApiHttpDeps {
  registry: ResourceRegistry;
  /** Reads as the API server itself (authorization is done here first). */
  client: ClusterView;
  resourceVersion(): number;
  authorize(user: UserInfo, attributes: RequestAttributes): Decision;
  /** The `proxy` subresource's own request to a pod's or a Service's address. */
  proxyGet(url: string, namespace: string, userAgent: string, hostHeader?: string): { ok: true; status: number; body: string } | { ok: false; kind: string };
}

export interface ApiHttpRequest {
  /** The path and query. */
  path: string;
  userAgent: string;
  hostHeader?: string;
  user: UserInfo;
}

export interface ApiHttpAnswer {
  status: number;
  body: string;
}

/** The non-resource paths the server serves. */
const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/**
 * The API server's answer to a GET (`kubectl proxy` passes the learner's
 * on, a pod's curl sends its own): `/version`, the health checks, `/api`,
 * the discovery documents (`/api/v1`, `/apis`, `/apis/GROUP[/VERSION]`),
 * resource paths and the pods' and Services' `proxy` subresources, each
 * authorized for the request's user first (403 Status otherwise), JSON
 * indented for curl, wget and browsers as the server's pretty printing does.
 */
export function serveApi(deps: ApiHttpDeps, req: ApiHttpRequest): ApiHttpAnswer {
  const q = req.path.indexOf('?');
  const path = q < 0 ? req.path : req.path.slice(0, q);
  const pretty = /^(curl|Wget|Mozilla\/)/.test(req.userAgent);
  const json = (status: number, compact: string): ApiHttpAnswer => ({ status, body: `${pretty ? indentJson(compact) : compact}\n` });
  const statusBody = (code: number, reason: string, message: string, details: Record<string, unknown> = {}) =>
    json(code, `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":${JSON.stringify(message)},"reason":"${reason}","details":${JSON.stringify(details)},"code":${code}}`);
  const denied = (a: RequestAttributes, gr?: { resource: string; group: string }, name?: string): ApiHttpAnswer | undefined => {
    const d = deps.authorize(req.user, a);
    if (d.allowed) return undefined;
    const text = forbiddenText(req.user, a, d.reason);
    const qualified = gr ? (gr.group ? `${gr.resource}.${gr.group}` : gr.resource) : '';
    const message = !gr ? `forbidden: ${text}` : name ? `${qualified} "${name}" is forbidden: ${text}` : `${qualified} is forbidden: ${text}`;
    const details: Record<string, unknown> = gr ? { ...(name ? { name } : {}), ...(gr.group ? { group: gr.group } : {}), kind: gr.resource } : {};
    return statusBody(403, 'Forbidden', message, details);
  };
  const sub = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/]+)\/proxy(\/.*)?$/.exec(path);
  const target = sub ? undefined : parseApiPath(deps.registry, path);
  if (!sub && !target) {
    const refused = denied({ verb: 'get', path });
    if (refused) return refused;
    if (path === '/version' || path === '/version/') return { status: 200, body: `${JSON.stringify(versionInfo(KUBERNETES_VERSION), null, 2)}\n` };
    if (HEALTH.has(path)) return { status: 200, body: 'ok' };
    if (path === '/api' || path === '/api/') return json(200, `{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"${API_SERVER_ADDRESS}"}]}`);
    const doc = discoveryDocument(deps.registry, path);
    if (doc !== undefined) return json(200, doc);
    return statusBody(404, 'NotFound', 'the server could not find the requested resource');
  }
  if (sub) {
    const [namespace, kind, id, rest] = [sub[1], sub[2] as 'pods' | 'services', decodeURIComponent(sub[3]), sub[4] ?? '/'];
    const parts = id.split(':');
    const name = parts.length === 3 ? parts[1] : parts[0];
    const refused = denied({ verb: 'get', apiGroup: '', resource: kind, subresource: 'proxy', namespace, name }, { resource: kind, group: '' }, name);
    return refused ?? proxied(deps, req, namespace, kind, id, rest, statusBody);
  }
  const t = target!;
  const attributes = { verb: t.name === undefined ? 'list' : 'get', apiGroup: t.info.group, resource: t.info.resource, namespace: t.namespace, name: t.name };
  const refused = denied(attributes, { resource: t.info.resource, group: t.info.group }, t.name);
  if (refused) return refused;
  const r = readApiResource(deps.client, deps.resourceVersion(), t);
  if ('missing' in r) return statusBody(404, 'NotFound', r.missing, { name: t.name, ...(t.info.group ? { group: t.info.group } : {}), kind: t.info.resource });
  return json(200, r.body);
}

type PodLike = { status?: { podIP?: string }; spec?: { containers?: { ports?: { name?: string; containerPort: number }[] }[]; clusterIP?: string; ports?: { name?: string; port: number }[] } };

/**
 * `pods/NAME[:PORT]/proxy/PATH` and `services/[SCHEME:]NAME[:PORT]/proxy/PATH`:
 * the API server makes the request to the pod (its IP), or to one of the
 * Service's endpoints, and relays the answer.
 */
function proxied(deps: ApiHttpDeps, req: ApiHttpRequest, namespace: string, kind: 'pods' | 'services', id: string, path: string, status: (code: number, reason: string, message: string, details?: Record<string, unknown>) => ApiHttpAnswer): ApiHttpAnswer {
  const parts = id.split(':');
  const [name, portText] = parts.length === 3 ? [parts[1], parts[2]] : [parts[0], parts[1]];
  const obj = deps.client.get(kind, namespace, name) as PodLike | undefined;
  if (!obj) return status(404, 'NotFound', `${kind} "${name}" not found`, { name, kind });
  let url: string;
  if (kind === 'pods') {
    const ip = obj.status?.podIP;
    const named = portText && !/^\d+$/.test(portText) ? obj.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === portText)?.containerPort : undefined;
    const port = portText === undefined || portText === '' ? 80 : /^\d+$/.test(portText) ? Number(portText) : named;
    if (port === undefined) return status(503, 'ServiceUnavailable', `no such port: ${portText}`);
    if (!ip) return status(503, 'ServiceUnavailable', `address not allowed`);
    url = `http://${ip}:${port}${path}`;
  } else {
    const ports = obj.spec?.ports ?? [];
    const sp = portText === undefined || portText === '' ? (ports.length === 1 ? ports[0] : undefined) : ports.find((p) => p.name === portText || String(p.port) === portText);
    if (!sp) return status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
    url = `http://${obj.spec?.clusterIP}:${sp.port}${path}`;
  }
  const r = deps.proxyGet(url, namespace, req.userAgent, req.hostHeader);
  if (r.ok) return { status: r.status, body: r.body };
  if (kind === 'services' && r.kind === 'refused') return status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
  const dial = url.replace(/^http:\/\/([^/]+).*$/, '$1');
  return status(503, 'ServiceUnavailable', `error trying to reach service: dial tcp ${dial}: connect: connection refused`);
}

import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Rng } from '../../../lib/rng';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import type { ContainerProcess } from '../containers/process';
import { NGINX_WELCOME } from '../images/imageFiles';
import { ipToInt } from '../api/serviceAllocator';
import type { KubeletState } from '../kubelet/syncPod';
import type { ClusterView } from '../services/clusterView';
import { resolveDns, type DnsAnswer } from '../services/dns';
import { findServiceByNodePort, pickEndpoint, serviceBackends } from '../services/kubeProxy';
import { imageProfile } from '../images/catalog';
import { apiServerAnswer, isApiServer } from './apiServerHttp';
import { guestbookAnswer } from './guestbook';
import { routeIngress } from './ingressRouting';
import type { TrafficOutcome } from './trafficMeter';

type PodObj = KubeObject & Pod;

/** Where a request comes from: a pod (its namespace's DNS search path and IP), or the playground outside the pods. */
export interface Client {
  namespace: string;
  ip: string;
  pod?: string;
  /** The pod's host name, which its `/etc/hosts` maps to its IP (localhost is always 127.0.0.1). */
  hostname?: string;
  userAgent: string;
  /** The Host header, when it differs from the URL's host (`curl -H 'Host: …'`). */
  hostHeader?: string;
  /** The Authorization header (`Bearer TOKEN`), for the API server. */
  authorization?: string;
  /** How the client treats an HTTPS server's certificate: verified against the system's CAs (default), skipped (`-k`), or against a CA file (`--cacert`). */
  tls?: 'verify' | 'insecure' | 'cacert';
}

export type HttpResult =
  | {
      ok: true;
      status: number;
      body: string;
      /** The pod that answered (after kube-proxy, for a Service). */
      pod: { namespace: string; name: string };
      ip: string;
      port: number;
      /** The Service the request went through (`namespace/name`), if any. */
      service?: string;
      /**
       * What the traffic meter counts when it is not what `service` and the answer say: the
       * ingress controller answering for a backend Service it could not reach (503, 502).
       */
      metered?: { service: string; outcome: TrafficOutcome };
    }
  | {
      ok: false;
      /** curl's exit status and message kind. */
      kind: 'resolve' | 'refused' | 'timeout' | 'unsupported';
      message: string;
      host: string;
      port: number;
      /** The address that refused the connection (busybox wget names it). */
      ip?: string;
      /** The Service the request went through (`namespace/name`), if any. */
      service?: string;
    };

export interface NetworkEnv {
  store: ObjectStore;
  view: ClusterView;
  kubelets: KubeletState;
  rng: Rng;
  now: number;
}


/** Resolves a host name as the client's resolver would: IPs pass through, then the pod's `/etc/hosts`, then DNS. */
export function resolveHost(env: NetworkEnv, client: Client, host: string): { ip: string } | { error: DnsAnswer } {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { ip: host };
  if (host === 'localhost') return { ip: '127.0.0.1' };
  if (client.pod && host === client.hostname) return { ip: client.ip };
  const answer = resolveDns(env.view, host, { namespace: client.namespace });
  const a = answer.records.find((r) => r.type === 'A');
  if (answer.status !== 'NOERROR' || !a || a.type !== 'A') return { error: answer };
  return { ip: a.address };
}

/**
 * One HTTP GET from `client` to `url` through the simulated network: DNS,
 * kube-proxy's pick among a Service's ready endpoints, then the target
 * container's process (its status for the path; nginx-like images log the
 * request). Errors carry curl's wording.
 */
export function httpGet(env: NetworkEnv, client: Client, url: string): HttpResult {
  const via: { service?: string } = {};
  const r = request(env, client, url, via);
  return via.service ? { ...r, service: via.service } : r;
}

function request(env: NetworkEnv, client: Client, url: string, via: { service?: string }): HttpResult {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url.trim());
  if (!m) return { ok: false, kind: 'unsupported', message: `URL rejected: Malformed input to a URL function`, host: url, port: 0 };
  const scheme = m[1] ?? 'http';
  const host = m[2];
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  const resolved = resolveHost(env, client, host);
  if ('error' in resolved) return { ok: false, kind: 'resolve', message: `Could not resolve host: ${host}`, host, port };
  let ip = resolved.ip;
  // 127.0.0.0/8 is the pod's own loopback: its containers share one network namespace.
  if (ip.startsWith('127.')) return loopback(env, client, { scheme, host, port, path, ip });
  let targetPort = port;
  let target: { namespace: string; name: string } | undefined;
  const svc = serviceByIP(env.store, ip);
  if (svc) {
    via.service = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
    const b = serviceBackends(env.view, svc.metadata.namespace ?? 'default', svc.metadata.name, port);
    if (b.type !== 'ok') return { ok: false, kind: 'timeout', message: `Failed to connect to ${host} port ${port} after 130000 ms: Connection timed out`, host, port };
    const ep = pickEndpoint(b.endpoints, () => env.rng.next());
    // No ready endpoint: kube-proxy's REJECT rule answers "connection refused".
    if (!ep) return { ok: false, kind: 'refused', message: `Failed to connect to ${host} port ${port} after 0 ms: Could not connect to server`, host, port };
    ip = ep.ip;
    targetPort = ep.port;
    target = ep.pod;
  }
  const nodeName = svc ? undefined : nodeByAddress(env, ip);
  const nodePort = nodeName && !hostPortPod(env, ip, port) ? findServiceByNodePort(env.view, port) : undefined;
  if (nodePort) {
    // kube-proxy forwards a node port on every node to the Service's endpoints.
    const s = nodePort.service;
    via.service = `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
    const b = serviceBackends(env.view, s.metadata.namespace ?? 'default', s.metadata.name, nodePort.servicePort.port, { external: true, nodeName });
    const ep = b.type === 'ok' ? pickEndpoint(b.endpoints, () => env.rng.next()) : undefined;
    if (!ep) return { ok: false, kind: 'refused', message: `Failed to connect to ${host} port ${port} after 0 ms: Could not connect to server`, host, port };
    ip = ep.ip;
    targetPort = ep.port;
    target = ep.pod;
  }
  // The API server (the kubernetes Service's endpoint, or the control-plane node's address) answers as itself.
  if (!target && isApiServer(env, ip, targetPort)) return apiServerAnswer(env, client, { scheme, host, port, path, ip });
  let pod = target ? env.store.get<PodObj>('pods', `${target.namespace}/${target.name}`) : podByIP(env, ip);
  if (!pod && !target) {
    // A node's address: a pod publishing the port as a hostPort answers on its container port.
    const published = hostPortPod(env, ip, port);
    if (published) [pod, targetPort] = [published.pod, published.containerPort];
  }
  // A node with nothing listening on the port answers with a reset.
  if (!pod && nodeName) return { ok: false, kind: 'refused', message: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`, host, port };
  if (!pod) return { ok: false, kind: 'timeout', message: `Failed to connect to ${host} port ${port} after 130000 ms: Connection timed out`, host, port };
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const rt = env.kubelets.pods.get(key);
  const node = rt ? env.kubelets.nodes.get(rt.node) : undefined;
  if (!rt || !node || node.stopped) return { ok: false, kind: 'timeout', message: `Failed to connect to ${host} port ${port} after 130000 ms: Connection timed out`, host, port };
  return answerFrom(env, client, pod, { scheme, host, port, path, ip: rt.ip ?? ip }, targetPort);
}

/** The URL's parts and the address the client connects to. */
interface Target {
  scheme: string;
  host: string;
  port: number;
  path: string;
  ip: string;
}

/**
 * A request to 127.0.0.1 (or `localhost`) from a pod: any container of the
 * same pod listening on the port answers (one network namespace per pod);
 * nothing else is reachable there.
 */
function loopback(env: NetworkEnv, client: Client, t: Target): HttpResult {
  const pod = client.pod ? env.store.get<PodObj>('pods', `${client.namespace}/${client.pod}`) : undefined;
  if (!pod || !env.kubelets.pods.has(`${client.namespace}/${client.pod}`)) return refused(t);
  return answerFrom(env, { ...client, ip: t.ip }, pod, t, t.port);
}

function refused(t: Target): HttpResult {
  return { ok: false, kind: 'refused', message: `Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server`, host: t.host, port: t.port, ip: t.ip };
}

/** The first running container of `pod` listening on `targetPort` answers. */
function answerFrom(env: NetworkEnv, client: Client, pod: PodObj, t: Target, targetPort: number): HttpResult {
  const { scheme, host, path } = t;
  const rt = env.kubelets.pods.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
  if (!rt) return refused(t);
  if (scheme === 'https') return { ok: false, kind: 'unsupported', message: `SSL certificate problem: unable to get local issuer certificate`, host, port: t.port };
  for (const c of rt.containers) {
    const proc = c.phase === 'running' ? c.proc : undefined;
    if (!proc) continue;
    proc.advance(env.now);
    if ((targetPort === 80 || targetPort === 443) && imageProfile(c.ref)?.router === 'ingress-nginx' && proc.listens(targetPort)) {
      return ingressNginx(env, client, host, path, proc, pod);
    }
    let status = proc.http(targetPort, path, env.now);
    if (status === 'refused') continue;
    // The guestbook's PHP frontend answers from its redis: as a client in its own pod.
    const guestbook = imageProfile(c.ref)?.guestbook;
    const php = guestbook && guestbookAnswer(env, { namespace: pod.metadata.namespace ?? 'default', ip: rt.ip ?? t.ip, pod: pod.metadata.name, hostname: pod.metadata.name, userAgent: 'php' }, guestbook, c.ref.tag, path, proc.spec.context.env());
    if (php) status = php.status;
    const body = php ? php.body : responseBody(c.ref.name, proc, status, pod, path, env.now, c.ref.tag);
    proc.noteRequest(env.now);
    proc.accessLog(client.ip, path, status, body.length, client.userAgent, env.now);
    return { ok: true, status, body, pod: { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name }, ip: t.ip, port: targetPort };
  }
  return refused(t);
}

const nginxPage = (status: string) => `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/**
 * The ingress-nginx controller answering on 80/443: the request goes to the
 * Ingress rule's Service's ready endpoints (`routeIngress`); its default
 * backend answers 404 when no rule matches, and 503 when the backend Service
 * is missing or has no ready endpoint.
 */
function ingressNginx(env: NetworkEnv, client: Client, host: string, path: string, proc: ContainerProcess, controller: PodObj): HttpResult {
  const self = { namespace: controller.metadata.namespace ?? 'default', name: controller.metadata.name };
  const answer = (status: number, title: string): Extract<HttpResult, { ok: true }> => {
    const body = nginxPage(title);
    proc.noteRequest(env.now);
    return { ok: true, status, body, pod: self, ip: controller.status?.podIP ?? '', port: 80 };
  };
  const route = routeIngress(env.store, client.hostHeader ?? host, path);
  // The controller's own default backend: no Service of the cluster is involved.
  if (route.type === 'default') return answer(404, '404 Not Found');
  const b = route.backend;
  const service = `${b.namespace}/${b.service}`;
  const backends = serviceBackends(env.view, b.namespace, b.service, b.port);
  const ep = backends.type === 'ok' ? pickEndpoint(backends.endpoints, () => env.rng.next()) : undefined;
  // No ready endpoint: for the Service's traffic, a refused request (as kube-proxy's REJECT would be).
  if (!ep) return { ...answer(503, '503 Service Temporarily Unavailable'), metered: { service, outcome: { failure: 'refused' } } };
  proc.noteRequest(env.now);
  // The controller proxies to the pod itself (nginx's upstream is the Service's endpoints, not its cluster IP),
  // as a client in the controller's pod; the request is the backend Service's traffic all the same.
  const upstream = httpGet(env, { ...client, namespace: self.namespace, ip: controller.status?.podIP ?? client.ip, hostHeader: undefined }, `http://${ep.ip}:${ep.port}${path}`);
  if (upstream.ok) return { ...upstream, service };
  return { ...answer(502, '502 Bad Gateway'), metered: { service, outcome: { failure: upstream.kind } } };
}

/** The node whose address is `ip`, if any. */
function nodeByAddress(env: NetworkEnv, ip: string): string | undefined {
  for (const node of env.kubelets.nodes.values()) {
    const nodeObj = env.store.get<KubeObject & { status?: { addresses?: { type: string; address: string }[] } }>('nodes', node.name);
    if (nodeObj?.status?.addresses?.some((a) => a.address === ip)) return node.name;
  }
  return undefined;
}

/** A pod on the node with address `ip` that publishes `port` as a hostPort, and the container port behind it. */
function hostPortPod(env: NetworkEnv, ip: string, port: number): { pod: PodObj; containerPort: number } | undefined {
  for (const node of env.kubelets.nodes.values()) {
    const nodeObj = env.store.get<KubeObject & { status?: { addresses?: { type: string; address: string }[] } }>('nodes', node.name);
    if (!nodeObj?.status?.addresses?.some((a) => a.address === ip)) continue;
    for (const p of env.store.listByIndex<PodObj>('pods', 'spec.nodeName', node.name)) {
      if (p.metadata.deletionTimestamp) continue;
      for (const c of p.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.hostPort === port) return { pod: p, containerPort: cp.containerPort };
    }
  }
  return undefined;
}

function responseBody(image: string, proc: ContainerProcess, status: number, pod: PodObj, path: string, now: number, tag: string | undefined): string {
  const file = status === 200 ? proc.staticFile(path) : undefined;
  if (file !== undefined) return file;
  if (status >= 500 && image.endsWith('/liveness')) return `error: ${((now - proc.startedAt) / 1000).toFixed(0)}`;
  return serverResponseBody(image, status, pod.metadata.name, path, tag);
}

/**
 * What a catalog server sends back for GET `path` with `status`, when it
 * runs with host name `hostname` (a pod's name; a swarm task's container's)
 * from tag `tag`.
 */
export function serverResponseBody(image: string, status: number, hostname: string, path: string, tag?: string): string {
  if (status === 404) return image.endsWith('/nginx') ? '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n' : '404 page not found\n';
  if (status === 403) return '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';
  if (status >= 500) return 'Internal Server Error\n';
  if (image.endsWith('/nginx') || image.endsWith('/nginx-slim')) return NGINX_WELCOME;
  if (image.endsWith('/httpd')) return '<html><body><h1>It works!</h1></body></html>\n';
  if (image.endsWith('/hello-app')) return `Hello, world!\nVersion: 1.0.0\nHostname: ${hostname}\n`;
  if (image.endsWith('/agnhost') && path === '/hostname') return hostname;
  if (image.endsWith('/echoserver')) return `Hostname: ${hostname}\n\nRequest Information:\n\tmethod=GET\n\treal path=${path}\n`;
  if (image.endsWith('/hpa-example')) return 'OK!';
  // server.js of the Kubernetes Basics tutorial; its v2 image says v=2.
  if (image.endsWith('/kubernetes-bootcamp')) return `Hello Kubernetes bootcamp! | Running on: ${hostname} | v=${tag === 'v2' ? 2 : 1}\n`;
  return `${hostname}\n`;
}

/** The Service whose cluster IP is `ip` (kube-proxy's KUBE-SERVICES match). */
export function serviceByIP(store: ObjectStore, ip: string): (KubeObject & Service) | undefined {
  if (!ip.startsWith('10.9') && !ip.startsWith('10.10') && !ip.startsWith('10.11')) return undefined;
  for (const s of store.list<KubeObject & Service>('services')) if (s.spec?.clusterIP === ip) return s;
  return undefined;
}

/** The pod with IP `ip`: the node whose pod CIDR holds it, then that node's pods. */
export function podByIP(env: NetworkEnv, ip: string): PodObj | undefined {
  const n = ipToInt(ip);
  for (const node of env.kubelets.nodes.values()) {
    if (n < node.cidrBase || n >= node.cidrBase + node.cidrSize) continue;
    for (const p of env.store.listByIndex<PodObj>('pods', 'spec.nodeName', node.name)) if (p.status?.podIP === ip) return p;
  }
  for (const p of env.store.list<PodObj>('pods')) if (p.status?.podIP === ip && p.spec?.hostNetwork !== true) return p;
  return undefined;
}

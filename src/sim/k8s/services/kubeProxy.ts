import type { ServicePort } from 'kubernetes-types/core/v1';
import { slicesOf, type ClusterView, type ServiceObj } from './clusterView';

/**
 * kube-proxy in iptables mode, as pure functions: which endpoints a service
 * port forwards to (read from its EndpointSlices), and which one a new
 * connection lands on — uniformly at random through the chain of
 * `-m statistic --mode random --probability 1/(n-i)` rules, or the client's
 * previous endpoint under `sessionAffinity: ClientIP`.
 */

/** An endpoint kube-proxy forwards to. */
export interface ProxyEndpoint {
  ip: string;
  /** The port on the pod (the slice port of the service port's name). */
  port: number;
  nodeName?: string;
  /** The pod behind it (`targetRef`), when known. */
  pod?: { namespace: string; name: string };
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Where a connection to a service port can go, or why it cannot. */
export type ServiceBackends =
  | {
      type: 'ok';
      service: ServiceObj;
      servicePort: ServicePort;
      /** The endpoints that get new connections (empty: the connection is rejected). */
      endpoints: ProxyEndpoint[];
      /** ClientIP session affinity timeout, when the service has it. */
      affinityTimeoutSeconds?: number;
    }
  | { type: 'noService' }
  /** The service has no port with that number or name. */
  | { type: 'noPort'; service: ServiceObj }
  /** Headless: no virtual IP, clients talk to the pods directly (through DNS). */
  | { type: 'headless'; service: ServiceObj }
  /** ExternalName: only a DNS CNAME, no proxying. */
  | { type: 'externalName'; service: ServiceObj; externalName: string };

export interface BackendOptions {
  /** Protocol of the connection (default TCP). */
  protocol?: string;
  /** The node the connection enters on (for `internalTrafficPolicy` / `externalTrafficPolicy: Local`). */
  nodeName?: string;
  /** The connection comes from outside the cluster (NodePort / LoadBalancer): `externalTrafficPolicy` applies. */
  external?: boolean;
}

/** The service port a connection to `port` (number or port name) hits. */
function findServicePort(svc: ServiceObj, port: number | string, protocol: string): ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port) && (p.protocol ?? 'TCP') === protocol);
}

/**
 * The endpoints kube-proxy programs for one port of a service: the ready
 * ones of its EndpointSlices; when none is ready, the ones that are still
 * serving while terminating (ProxyTerminatingEndpoints). With a `Local`
 * traffic policy only the endpoints on the receiving node count.
 * @example const b = serviceBackends(cluster.client(), 'default', 'web', 80); if (b.type === 'ok') pickEndpoint(b.endpoints, rng.next)
 */
export function serviceBackends(view: ClusterView, namespace: string, name: string, port: number | string, options: BackendOptions = {}): ServiceBackends {
  const svc = view.get<ServiceObj>('services', namespace, name);
  if (!svc) return { type: 'noService' };
  if (svc.spec?.type === 'ExternalName') return { type: 'externalName', service: svc, externalName: svc.spec.externalName ?? '' };
  if (!svc.spec?.clusterIP || svc.spec.clusterIP === 'None') return { type: 'headless', service: svc };
  const protocol = options.protocol ?? 'TCP';
  const servicePort = findServicePort(svc, port, protocol);
  if (!servicePort) return { type: 'noPort', service: svc };
  const all: ProxyEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of slicesOf(view, namespace, name)) {
    if (slice.addressType !== 'IPv4') continue;
    const sp = (slice.ports ?? []).find((p) => (p.name ?? '') === (servicePort.name ?? '') && (p.protocol ?? 'TCP') === protocol);
    if (!sp || typeof sp.port !== 'number') continue;
    for (const e of slice.endpoints ?? []) {
      const ip = e.addresses[0];
      const key = `${ip}:${sp.port}`;
      if (!ip || seen.has(key)) continue;
      seen.add(key);
      const ready = e.conditions?.ready !== false;
      const ep: ProxyEndpoint = { ip, port: sp.port, ready, serving: e.conditions?.serving ?? ready, terminating: e.conditions?.terminating ?? false };
      if (e.nodeName) ep.nodeName = e.nodeName;
      if (e.targetRef?.name) ep.pod = { namespace: e.targetRef.namespace ?? namespace, name: e.targetRef.name };
      all.push(ep);
    }
  }
  const policy = options.external ? svc.spec.externalTrafficPolicy : svc.spec.internalTrafficPolicy;
  const local = policy === 'Local' && options.nodeName !== undefined;
  const candidates = local ? all.filter((e) => e.nodeName === options.nodeName) : all;
  let endpoints = candidates.filter((e) => e.ready);
  if (endpoints.length === 0) endpoints = candidates.filter((e) => e.serving && e.terminating);
  const out: ServiceBackends = { type: 'ok', service: svc, servicePort, endpoints };
  if (svc.spec.sessionAffinity === 'ClientIP') out.affinityTimeoutSeconds = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
  return out;
}

/** `computeProbability`: the `--probability` of rule i of n, as iptables-save prints it (`%0.10f`). */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/**
 * Picks the endpoint a new connection goes to, as the iptables chain of a
 * service port does: rule i (of n) matches with probability 1/(n−i),
 * the last rule always — each endpoint 1/n. `random` is a uniform source in
 * [0, 1) (pass the engine's seeded `rng.next`). Undefined with no endpoints
 * (the connection is rejected).
 */
export function pickEndpoint<T>(endpoints: readonly T[], random: () => number): T | undefined {
  const n = endpoints.length;
  for (let i = 0; i < n - 1; i++) if (random() < Number(computeProbability(n - i))) return endpoints[i];
  return endpoints[n - 1];
}

/** A client's remembered endpoint under ClientIP affinity (the `recent` match of its chain). */
export interface AffinityEntry {
  /** `ip:port` of the endpoint. */
  endpoint: string;
  /** When the client last used it (virtual ms). */
  lastUsed: number;
}

/**
 * `sessionAffinity: ClientIP`: a client that used an endpoint within the
 * timeout goes back to it (if it still gets traffic); otherwise it is picked
 * at random and remembered. Returns the endpoint and the entry to keep for
 * this client (store it per service port and client IP).
 */
export function pickEndpointWithAffinity(
  endpoints: readonly ProxyEndpoint[],
  random: () => number,
  affinity: { timeoutSeconds: number; now: number; previous?: AffinityEntry },
): { endpoint: ProxyEndpoint | undefined; entry: AffinityEntry | undefined } {
  const prev = affinity.previous;
  if (prev && affinity.now - prev.lastUsed <= affinity.timeoutSeconds * 1000) {
    const same = endpoints.find((e) => `${e.ip}:${e.port}` === prev.endpoint);
    if (same) return { endpoint: same, entry: { endpoint: prev.endpoint, lastUsed: affinity.now } };
  }
  const endpoint = pickEndpoint(endpoints, random);
  return { endpoint, entry: endpoint ? { endpoint: `${endpoint.ip}:${endpoint.port}`, lastUsed: affinity.now } : undefined };
}

/** The service a connection to `ip:port` reaches: by cluster IP (or external IP) and service port. */
export function findServiceByIP(view: ClusterView, ip: string): ServiceObj | undefined {
  for (const svc of view.list<ServiceObj>('services')) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') continue;
    if ((spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).includes(ip) || (spec.externalIPs ?? []).includes(ip)) return svc;
  }
  return undefined;
}

/** The service listening on a node port (every node forwards it). */
export function findServiceByNodePort(view: ClusterView, nodePort: number, protocol = 'TCP'): { service: ServiceObj; servicePort: ServicePort } | undefined {
  for (const svc of view.list<ServiceObj>('services')) {
    for (const p of svc.spec?.ports ?? []) if (p.nodePort === nodePort && (p.protocol ?? 'TCP') === protocol) return { service: svc, servicePort: p };
  }
  return undefined;
}

import type { Pod } from 'kubernetes-types/core/v1';
import { hasClusterIP, slicesOf, type ClusterView, type ServiceObj } from './clusterView';

/**
 * The cluster DNS as CoreDNS's `kubernetes` plugin answers it (DNS spec
 * v1.1.0, kubeadm's Corefile: zone `cluster.local`, `pods insecure`), and
 * the resolver of a pod (its resolv.conf search path and `ndots:5`).
 */
export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
/** The kind node's resolv.conf (pods with `dnsPolicy: Default`). */
const NODE_RESOLV: ResolvConf = { nameservers: ['172.18.0.1'], searches: [], options: [] };

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** `ndots:5`, `timeout:2`, … */
  options: string[];
}

export type DnsRecord =
  | { type: 'A'; name: string; address: string }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'SRV'; name: string; priority: number; weight: number; port: number; target: string }
  | { type: 'PTR'; name: string; target: string }
  | { type: 'TXT'; name: string; text: string };

export type DnsQueryType = 'A' | 'SRV' | 'PTR' | 'TXT';

export interface DnsAnswer {
  /** NOERROR with records, or NXDOMAIN (no such name). */
  status: 'NOERROR' | 'NXDOMAIN';
  /** The fully qualified name that answered (without the trailing dot), or the last one tried. */
  name: string;
  /** Answer records, CNAME chain first. */
  records: DnsRecord[];
  /** The names the resolver asked for, in order (search path expansion). */
  tried: string[];
  /**
   * The name is outside the cluster domain: CoreDNS would forward it to the
   * node's resolver. The playground has no outside network: not simulated.
   */
  forwarded?: boolean;
}

export interface DnsQueryOptions {
  /** The asking pod's namespace (for the default ClusterFirst search path). Default `default`. */
  namespace?: string;
  /** The asking pod's resolver configuration (see `podResolvConf`); overrides `namespace`. */
  resolvConf?: ResolvConf;
  type?: DnsQueryType;
}

/** The search path of a pod with `dnsPolicy: ClusterFirst` in `namespace`. */
export function clusterSearchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/**
 * A pod's /etc/resolv.conf as the kubelet writes it (`dnsPolicy`):
 * ClusterFirst (the default) → the cluster DNS, the namespace search path and
 * `ndots:5` (a host-network pod falls back to Default unless it asks for
 * ClusterFirstWithHostNet); Default → the node's resolver; None → only
 * `dnsConfig`. `dnsConfig` nameservers, searches and options are merged in.
 * @example formatResolvConf(podResolvConf(pod)) // "search default.svc.cluster.local …"
 */
export function podResolvConf(pod: Pod & { metadata?: { namespace?: string } }): ResolvConf {
  const spec = pod.spec ?? { containers: [] };
  let policy = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirst' && spec.hostNetwork) policy = 'Default';
  const ns = pod.metadata?.namespace ?? 'default';
  let base: ResolvConf;
  if (policy === 'None') base = { nameservers: [], searches: [], options: [] };
  else if (policy === 'Default') base = { ...NODE_RESOLV };
  else base = { nameservers: [CLUSTER_DNS_IP], searches: clusterSearchPath(ns), options: ['ndots:5'] };
  const cfg = spec.dnsConfig;
  if (!cfg) return base;
  const nameservers = [...base.nameservers, ...(cfg.nameservers ?? [])].slice(0, 3);
  const searches = [...new Set([...base.searches, ...(cfg.searches ?? [])])].slice(0, 32);
  const options = [...base.options];
  for (const o of cfg.options ?? []) {
    const text = o.value !== undefined && o.value !== null ? `${o.name}:${o.value}` : (o.name ?? '');
    const i = options.findIndex((x) => x.split(':')[0] === o.name);
    if (i >= 0) options[i] = text;
    else options.push(text);
  }
  return { nameservers, searches, options };
}

/** The text of /etc/resolv.conf: `search …`, `nameserver …`, `options …`. */
export function formatResolvConf(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.searches.length) lines.push(`search ${conf.searches.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  if (conf.options.length) lines.push(`options ${conf.options.join(' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function ndotsOf(conf: ResolvConf): number {
  for (const o of conf.options) if (o.startsWith('ndots:')) return Number(o.slice(6)) || 0;
  return 1;
}

/** The names a resolver tries for `query`, in order (glibc: absolute first when it has at least ndots dots). */
export function searchCandidates(query: string, conf: ResolvConf): string[] {
  const name = query.toLowerCase();
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const expanded = conf.searches.map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= ndotsOf(conf) ? [name, ...expanded] : [...expanded, name];
}

/**
 * Resolves a name as a pod would: expands it through the pod's search path
 * (`web` → `web.default.svc.cluster.local`, `web.other` →
 * `web.other.svc.cluster.local`) and asks the cluster DNS for each
 * candidate until one exists.
 * - a Service with a cluster IP → A record of that IP;
 * - a headless Service → one A record per ready endpoint (none: NXDOMAIN);
 *   `<hostname>.<svc>.<ns>.svc.cluster.local` → that endpoint;
 * - an ExternalName Service → a CNAME to its external name;
 * - `a-b-c-d.<ns>.pod.cluster.local` → A a.b.c.d (`pods insecure`);
 * - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` → SRV records (type SRV).
 * @example resolveDns(cluster.client(), 'web', { namespace: 'default' }) // { status: 'NOERROR', name: 'web.default.svc.cluster.local', records: [{ type: 'A', … }] }
 */
export function resolveDns(view: ClusterView, query: string, options: DnsQueryOptions = {}): DnsAnswer {
  const conf = options.resolvConf ?? { nameservers: [CLUSTER_DNS_IP], searches: clusterSearchPath(options.namespace ?? 'default'), options: ['ndots:5'] };
  const type = options.type ?? 'A';
  const tried: string[] = [];
  let last = query.toLowerCase().replace(/\.$/, '');
  for (const name of searchCandidates(query, conf)) {
    tried.push(name);
    last = name;
    const records = lookup(view, name, type, 0);
    if (records) return { status: 'NOERROR', name, records, tried };
  }
  const forwarded = !last.endsWith(`.${CLUSTER_DOMAIN}`) && last !== CLUSTER_DOMAIN && !last.endsWith('.in-addr.arpa');
  return forwarded ? { status: 'NXDOMAIN', name: last, records: [], tried, forwarded } : { status: 'NXDOMAIN', name: last, records: [], tried };
}

/**
 * The PTR answer for an IP (`d.c.b.a.in-addr.arpa`): a Service's cluster IP
 * → `<svc>.<ns>.svc.cluster.local`; an endpoint of a headless Service →
 * `<hostname or a-b-c-d>.<svc>.<ns>.svc.cluster.local`.
 */
export function reverseDns(view: ClusterView, ip: string): DnsAnswer {
  const name = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  return resolveDns(view, `${name}.`, { type: 'PTR' });
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function namespaceExists(view: ClusterView, ns: string): boolean {
  return view.get('namespaces', undefined, ns) !== undefined;
}

/** Ready endpoints of a service from its slices, with the name DNS gives each. */
function readyEndpoints(view: ClusterView, svc: ServiceObj): { name: string; ip: string }[] {
  const out: { name: string; ip: string }[] = [];
  const seen = new Set<string>();
  for (const slice of slicesOf(view, svc.metadata.namespace!, svc.metadata.name)) {
    if (slice.addressType !== 'IPv4') continue;
    for (const e of slice.endpoints ?? []) {
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        out.push({ name: (e.hostname ?? ip.replace(/\./g, '-')).toLowerCase(), ip });
      }
    }
  }
  return out;
}

/** One authoritative lookup in the cluster zone; undefined = NXDOMAIN. */
function lookup(view: ClusterView, fqdn: string, type: DnsQueryType, depth: number): DnsRecord[] | undefined {
  if (fqdn.endsWith('.in-addr.arpa')) return type === 'PTR' ? ptr(view, fqdn) : undefined;
  const zone = `.${CLUSTER_DOMAIN}`;
  if (fqdn === `dns-version${zone}`) return type === 'TXT' ? [{ type: 'TXT', name: fqdn, text: '1.1.0' }] : [];
  if (!fqdn.endsWith(zone)) return undefined;
  const labels = fqdn.slice(0, -zone.length).split('.');
  const kind = labels[labels.length - 1];
  if (kind === 'pod' && labels.length === 3) {
    const [dashed, ns] = labels;
    const ip = dashed.replace(/-/g, '.');
    if (!isIPv4(ip) || !namespaceExists(view, ns)) return undefined;
    return type === 'A' ? [{ type: 'A', name: fqdn, address: ip }] : [];
  }
  if (kind !== 'svc' || labels.length < 3) return undefined;
  const ns = labels[labels.length - 2];
  const svcName = labels[labels.length - 3];
  const svc = view.get<ServiceObj>('services', ns, svcName);
  if (!svc) return undefined;
  const rest = labels.slice(0, -3);
  if (rest.length === 2 && rest[0].startsWith('_') && rest[1].startsWith('_')) return srv(view, svc, fqdn, rest[0].slice(1), rest[1].slice(1), type);
  if (rest.length === 1) {
    // <hostname>.<svc>.<ns>.svc: an endpoint of a headless service
    if (hasClusterIP(svc)) return undefined;
    const ep = readyEndpoints(view, svc).find((e) => e.name === rest[0]);
    if (!ep) return undefined;
    return type === 'A' ? [{ type: 'A', name: fqdn, address: ep.ip }] : [];
  }
  if (rest.length > 0) return undefined;
  if (svc.spec?.type === 'ExternalName') {
    const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
    const cname: DnsRecord = { type: 'CNAME', name: fqdn, target };
    if (type !== 'A' || depth > 7) return [cname];
    return [cname, ...(lookup(view, target, 'A', depth + 1) ?? [])];
  }
  if (type === 'SRV') return srvForAllPorts(view, svc, fqdn);
  if (type !== 'A') return [];
  if (hasClusterIP(svc)) return [{ type: 'A', name: fqdn, address: svc.spec!.clusterIP! }];
  const eps = readyEndpoints(view, svc);
  if (eps.length === 0) return undefined;
  return eps.map((e) => ({ type: 'A', name: fqdn, address: e.ip }));
}

function srvTargets(view: ClusterView, svc: ServiceObj): string[] {
  const base = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  if (hasClusterIP(svc)) return [base];
  return readyEndpoints(view, svc).map((e) => `${e.name}.${base}`);
}

function srv(view: ClusterView, svc: ServiceObj, fqdn: string, portName: string, proto: string, type: DnsQueryType): DnsRecord[] | undefined {
  const port = (svc.spec?.ports ?? []).find((p) => (p.name ?? '').toLowerCase() === portName && (p.protocol ?? 'TCP').toLowerCase() === proto);
  if (!port) return undefined;
  if (type !== 'SRV') return [];
  const targets = srvTargets(view, svc);
  if (targets.length === 0) return undefined;
  const weight = Math.floor(100 / targets.length);
  return targets.map((target) => ({ type: 'SRV', name: fqdn, priority: 0, weight, port: port.port, target }));
}

/** SRV of the service name itself: one record per named port and target. */
function srvForAllPorts(view: ClusterView, svc: ServiceObj, fqdn: string): DnsRecord[] {
  const targets = srvTargets(view, svc);
  const named = (svc.spec?.ports ?? []).filter((p) => p.name);
  const n = targets.length * named.length;
  const out: DnsRecord[] = [];
  for (const p of named) for (const target of targets) out.push({ type: 'SRV', name: fqdn, priority: 0, weight: n ? Math.floor(100 / n) : 0, port: p.port, target: `${target}` });
  return out;
}

function ptr(view: ClusterView, fqdn: string): DnsRecord[] | undefined {
  const ip = fqdn.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.');
  if (!isIPv4(ip)) return undefined;
  for (const svc of view.list<ServiceObj>('services')) {
    const base = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    if (hasClusterIP(svc) && (svc.spec?.clusterIPs ?? [svc.spec!.clusterIP]).includes(ip)) return [{ type: 'PTR', name: fqdn, target: base }];
  }
  for (const svc of view.list<ServiceObj>('services')) {
    if (hasClusterIP(svc) || svc.spec?.type === 'ExternalName') continue;
    const ep = readyEndpoints(view, svc).find((e) => e.ip === ip);
    if (ep) return [{ type: 'PTR', name: fqdn, target: `${ep.name}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }];
  }
  return undefined;
}

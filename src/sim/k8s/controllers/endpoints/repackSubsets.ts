import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';

/** Most addresses one Endpoints object keeps (`maxCapacity`). */
export const MaxEndpointsCapacity = 1000;
/** `endpoints.kubernetes.io/over-capacity`. */
export const EndpointsOverCapacity = 'endpoints.kubernetes.io/over-capacity';

const addressKey = (a: EndpointAddress) => `${a.ip}|${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort) => `${p.name ?? ''}|${p.port}|${p.protocol ?? ''}|${p.appProtocol ?? ''}`;

/** `LessEndpointAddress`: by IP (bytewise), then by target UID. */
export function lessEndpointAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid;
  const ub = b.targetRef?.uid;
  if (ub === undefined) return ua === undefined ? 0 : 1;
  if (ua === undefined) return -1;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * `endpoints.RepackSubsets` (`pkg/api/v1/endpoints`): regroups one-address
 * subsets so that addresses offering the same set of ports (with the same
 * readiness) share a subset, then sorts addresses by IP. (Upstream orders
 * ports and subsets by an MD5 hash of their Go dump; here ports keep the
 * service's order and subsets go by their first address.)
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, boolean> }>();
  const map = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const key = addressKey(addr);
    if (!allAddrs.has(key)) allAddrs.set(key, addr);
    const pk = port ? portKey(port) : '\u0000sentinel';
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, addrs: new Map() }));
    const was = entry.addrs.get(key);
    // an address keeps "not ready" once any subset says so for this port
    if (was === undefined || was) entry.addrs.set(key, ready);
  };
  for (const s of subsets) {
    const ports: (EndpointPort | undefined)[] = s.ports?.length ? s.ports : [undefined];
    for (const port of ports) {
      for (const a of s.addresses ?? []) map(a, port, true);
      for (const a of s.notReadyAddresses ?? []) map(a, port, false);
    }
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const hash = [...addrs].map(([k, r]) => `${k}=${r}`).sort().join(',');
    let g = groups.get(hash);
    if (!g) groups.set(hash, (g = { addrs, ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!);
    ready.sort(lessEndpointAddress);
    notReady.sort(lessEndpointAddress);
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (g.ports.length) subset.ports = g.ports;
    out.push(subset);
  }
  const first = (s: EndpointSubset) => s.addresses?.[0] ?? s.notReadyAddresses?.[0];
  return out.sort((a, b) => {
    const fa = first(a);
    const fb = first(b);
    if (!fa || !fb) return fa ? -1 : fb ? 1 : 0;
    return lessEndpointAddress(fa, fb) || portKey(a.ports?.[0] ?? { port: 0 }).localeCompare(portKey(b.ports?.[0] ?? { port: 0 }));
  });
}

/**
 * `truncateEndpoints`: keeps at most MaxEndpointsCapacity addresses, each
 * subset keeping its share (rounded up); not-ready addresses go first.
 * Returns whether anything was cut.
 */
export function truncateEndpoints(subsets: EndpointSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MaxEndpointsCapacity) return false;
  const truncateReady = totalReady > MaxEndpointsCapacity;
  const max = truncateReady ? MaxEndpointsCapacity : MaxEndpointsCapacity - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (let i = 0; i < subsets.length; i++) {
    const s = { ...subsets[i] };
    const inSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses.length;
      if (!s.addresses.length) delete s.addresses;
    } else {
      const kept = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= kept.length;
      if (kept.length) s.notReadyAddresses = kept;
      else delete s.notReadyAddresses;
    }
    subsets[i] = s;
  }
  return true;
}

/** `capacityAnnotationSetCorrectly`: under capacity and without the over-capacity annotation. */
export function capacityAnnotationSetCorrectly(annotations: Record<string, string> | undefined, subsets: readonly EndpointSubset[] | undefined): boolean {
  let n = 0;
  for (const s of subsets ?? []) n += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (n > MaxEndpointsCapacity) return false;
  return annotations?.[EndpointsOverCapacity] === undefined;
}

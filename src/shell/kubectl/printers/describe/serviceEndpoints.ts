import type { Node, Pod, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field } from '../table/objectFields';
import type { PrintContext } from '../types';

/** An EndpointSlice as plain JSON (`ports`, `endpoints`). */
export type Slice = Record<string, unknown>;

const SLICES = 'endpointslices.discovery.k8s.io';

/** The port a pod serves for a service port: numeric targetPort, or the container port of that name. */
function resolvePort(pod: Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/** The slice the API server keeps for `default/kubernetes`: each control-plane node's InternalIP on the secure port. */
function apiServerSlices(spec: ServiceSpec, ctx: PrintContext): Slice[] {
  const nodes = ctx.client.list<KubeObject & Node>('nodes').filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  const ips = nodes.map((n) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address).filter((ip): ip is string => !!ip);
  if (ips.length === 0) return [];
  const ports = (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP' }));
  return [{ ports, endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })) }];
}

/**
 * What the EndpointSlice controller would publish for a service whose slices
 * the simulated API server does not serve: its selected, IP-holding pods with
 * their Ready condition, one slice per distinct port mapping.
 */
export function derivedEndpointSlices(svc: KubeObject, ctx: PrintContext): Slice[] {
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const selector = spec.selector;
  if (svc.metadata.namespace === 'default' && svc.metadata.name === 'kubernetes') return apiServerSlices(spec, ctx);
  if (!selector || Object.keys(selector).length === 0) return [];
  const pods = ctx.client
    .list<KubeObject & Pod>('pods', { namespace: svc.metadata.namespace })
    .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v) && p.status?.podIP && !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const slices = new Map<string, Slice>();
  for (const pod of pods) {
    const ports = (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: resolvePort(pod, p.targetPort, p.port), protocol: p.protocol ?? 'TCP' }));
    if (ports.some((p) => p.port === undefined)) continue;
    const key = JSON.stringify(ports);
    let slice = slices.get(key);
    if (!slice) slices.set(key, (slice = { ports, endpoints: [] }));
    const ready = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    (slice.endpoints as unknown[]).push({ addresses: [pod.status?.podIP], conditions: { ready } });
  }
  // the controller keeps an empty slice (ports, no endpoints) for a selector that matches nothing
  if (slices.size === 0) return [{ ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP' })), endpoints: [] }];
  return [...slices.values()];
}

/** The service's EndpointSlices (`kubernetes.io/service-name=<name>`), derived from pods when the kind is not served. */
export function endpointSlicesOf(svc: KubeObject, ctx: PrintContext): Slice[] {
  if (!ctx.cluster.resources.byName(SLICES)) return derivedEndpointSlices(svc, ctx);
  return ctx.client.list(SLICES, { namespace: svc.metadata.namespace }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
}

/** `formatEndpointSlices` for one port name: ready `ip:port` entries, three at most, then ` + N more...`. */
export function formatEndpointSlices(slices: Slice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: Record<string, unknown>) => {
    const r = field(e, 'conditions', 'ready');
    return r === undefined || r === null || r === true;
  };
  for (const slice of slices) {
    const ports = arr(slice.ports);
    const endpoints = arr(slice.endpoints);
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(String(arr<string>(e.addresses)[0]));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        const addr = String(arr<string>(e.addresses)[0]);
        if (!ready(e)) continue;
        if (!more) list.push(`${addr.includes(':') ? `[${addr}]` : addr}:${String(port.port)}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

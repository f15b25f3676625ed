import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field } from '../table/objectFields';
import type { PrintContext } from '../types';

/** An EndpointSlice as plain JSON (`ports`, `endpoints`). */
export type Slice = Record<string, unknown>;

const SLICES = 'endpointslices.discovery.k8s.io';

/**
 * The service's EndpointSlices, as `kubectl describe service` lists them:
 * label `kubernetes.io/service-name=<name>` in the service's namespace.
 */
export function endpointSlicesOf(svc: KubeObject, ctx: PrintContext): Slice[] {
  return ctx.client.list(SLICES, { namespace: svc.metadata.namespace, labelSelector: [{ key: 'kubernetes.io/service-name', operator: 'Equals', values: [svc.metadata.name] }] });
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

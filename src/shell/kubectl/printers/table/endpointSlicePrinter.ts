import { since } from '../text/timeFormat';
import { arr, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `listWithMoreString`: three items, then ` + N more...`; `<unset>` when empty. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** `formatDiscoveryPorts`: port numbers (or names, or `*`). */
export function formatDiscoveryPorts(ports: unknown): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of arr(ports)) {
    if (list.length < max) list.push(typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*');
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

/** `formatDiscoveryEndpoints`: every address, ready or not. */
export function formatDiscoveryEndpoints(endpoints: unknown): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of arr(endpoints)) {
    for (const a of arr<unknown>(e.addresses)) {
      if (list.length < max) list.push(str(a));
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

/** `kubectl get endpointslices`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: KindPrinter = {
  group: 'discovery.k8s.io',
  kind: 'EndpointSlice',
  columns: [{ name: 'Name', format: 'name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, str(obj.addressType), formatDiscoveryPorts(obj.ports), formatDiscoveryEndpoints(obj.endpoints), since(obj.metadata.creationTimestamp, now)],
};

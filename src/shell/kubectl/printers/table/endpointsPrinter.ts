import { since } from '../text/timeFormat';
import { arr, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `net.JoinHostPort`: brackets around IPv6 addresses. */
function joinHostPort(ip: string, port: unknown): string {
  return `${ip.includes(':') ? `[${ip}]` : ip}:${String(port)}`;
}

/**
 * `formatEndpoints`: the ready addresses as `ip:port`, three at most, then
 * ` + N more...`; `<none>` without subsets (and an empty cell when every
 * address is not ready).
 */
export function formatEndpoints(subsets: unknown): string {
  const list = arr(subsets);
  if (list.length === 0) return '<none>';
  const out: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of list) {
    const addresses = arr(ss.addresses);
    const ports = arr(ss.ports);
    if (ports.length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const a of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(str(a.ip));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(joinHostPort(str(a.ip), port.port));
      }
    }
  }
  const ret = out.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** `kubectl get endpoints`: NAME ENDPOINTS AGE. */
export const endpointsPrinter: KindPrinter = {
  group: '',
  kind: 'Endpoints',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, formatEndpoints(obj.subsets), since(obj.metadata.creationTimestamp, now)],
};

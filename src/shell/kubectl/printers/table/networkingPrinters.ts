import { since } from '../text/timeFormat';
import { arr, field, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `formatHosts`: up to three hosts joined by `,` then ` + N more...`; `*` when no rule names one. */
export function formatHosts(rules: unknown): string {
  const all = arr(rules);
  const list: string[] = [];
  let more = false;
  for (const rule of all) {
    if (list.length === 3) more = true;
    const host = str(rule.host);
    if (!more && host) list.push(host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${all.length - 3} more...` : list.join(',');
}

/**
 * `ingressLoadBalancerStatusStringer`: IPs (else hostnames), de-duplicated and
 * sorted. The API server prints tables wide, so the 16-byte clip never applies.
 */
export function ingressAddress(status: unknown): string {
  const set = new Set<string>();
  for (const i of arr(field(status, 'loadBalancer', 'ingress'))) {
    if (str(i.ip)) set.add(str(i.ip));
    else if (str(i.hostname)) set.add(str(i.hostname));
  }
  return [...set].sort().join(',');
}

/** `kubectl get ingress` (`printIngress`): NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressPrinter: KindPrinter = {
  group: 'networking.k8s.io',
  kind: 'Ingress',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, { name: 'Age' }],
  row: (obj, now) => [
    obj.metadata.name,
    str(field(obj.spec, 'ingressClassName')) || '<none>',
    formatHosts(field(obj.spec, 'rules')),
    ingressAddress(obj.status),
    arr(field(obj.spec, 'tls')).length ? '80, 443' : '80',
    since(obj.metadata.creationTimestamp, now),
  ],
};

/** `kubectl get ingressclass` (`printIngressClass`): PARAMETERS as `Kind[.apiGroup]/name`. */
export const ingressClassPrinter: KindPrinter = {
  group: 'networking.k8s.io',
  kind: 'IngressClass',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Controller' }, { name: 'Parameters' }, { name: 'Age' }],
  row: (obj, now) => {
    const p = field(obj.spec, 'parameters');
    let parameters = '<none>';
    if (p) {
      parameters = str(field(p, 'kind'));
      if (field(p, 'apiGroup') !== undefined) parameters += `.${str(field(p, 'apiGroup'))}`;
      parameters += `/${str(field(p, 'name'))}`;
    }
    return [obj.metadata.name, str(field(obj.spec, 'controller')), parameters, since(obj.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get priorityclass` (`printPriorityClass`): NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
export const priorityClassPrinter: KindPrinter = {
  group: 'scheduling.k8s.io',
  kind: 'PriorityClass',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Value' }, { name: 'Global-Default' }, { name: 'Age' }, { name: 'PreemptionPolicy' }],
  row: (obj, now) => [
    obj.metadata.name,
    typeof obj.value === 'number' ? obj.value : 0,
    obj.globalDefault === true,
    since(obj.metadata.creationTimestamp, now),
    str(obj.preemptionPolicy) || '<unset>',
  ],
};

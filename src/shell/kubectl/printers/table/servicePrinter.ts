import type { LoadBalancerStatus, ServicePort, ServiceSpec, ServiceStatus } from 'kubernetes-types/core/v1';
import { since } from '../text/timeFormat';
import { formatLabels } from './objectFields';
import type { KindPrinter } from './tableTypes';

/**
 * `loadBalancerStatusStringer`: ingress IPs/hostnames, de-duplicated and
 * sorted. The API server always prints tables "wide", so no 16-char clip.
 */
function loadBalancerIngress(s: LoadBalancerStatus | undefined): string {
  const set = new Set<string>();
  for (const i of s?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** `getServiceExternalIP`. */
export function serviceExternalIP(spec: ServiceSpec, status: ServiceStatus | undefined): string {
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(status?.loadBalancer);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** `makePortString`: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR). */
export const servicePrinter: KindPrinter = {
  group: '',
  kind: 'Service',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as ServiceSpec;
    const status = obj.status as ServiceStatus | undefined;
    // the API server always fills clusterIPs; fall back to clusterIP for partially defaulted objects
    const clusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>';
    return [
      obj.metadata.name,
      spec.type ?? 'ClusterIP',
      clusterIP || '<none>',
      serviceExternalIP(spec, status),
      servicePorts(spec.ports) || '<none>',
      since(obj.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};

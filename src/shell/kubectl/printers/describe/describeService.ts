import type { ServiceSpec, ServiceStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field, formatLabels } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

type Slice = Record<string, unknown>;

/** The service's EndpointSlices (`kubernetes.io/service-name=<name>`); none when the kind is not served. */
function endpointSlicesOf(svc: KubeObject, ctx: PrintContext): Slice[] {
  try {
    return ctx.client.list('endpointslices.discovery.k8s.io', { namespace: svc.metadata.namespace }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  } catch {
    return [];
  }
}

/** `formatEndpointSlices` for one port name: ready `ip:port` entries, three at most, then ` + N more...`. */
export function formatEndpointSlices(slices: Slice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = arr(slice.ports);
    const endpoints = arr(slice.endpoints);
    const ready = (e: Record<string, unknown>) => {
      const r = field(e, 'conditions', 'ready');
      return r === undefined || r === null || r === true;
    };
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

/** `describeService`: `kubectl describe service`. */
export function describeService(svc: KubeObject, ctx: PrintContext): string {
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const status = (svc.status ?? {}) as ServiceStatus;
  const slices = endpointSlicesOf(svc, ctx);
  return tabbedString((w) => {
    w.write(0, `Name:\t${svc.metadata.name}\n`);
    w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(0, `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress = status.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}\n`);
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const proto = p.protocol ?? 'TCP';
      w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
      const target = p.targetPort ?? p.port;
      w.write(0, `TargetPort:\t${target}/${proto}\n`);
      if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    const td = (spec as ServiceSpec & { trafficDistribution?: string }).trafficDistribution;
    if (td) w.write(0, `Traffic Distribution:\t${td}\n`);
    describeEvents(ctx.cluster.eventsFor(svc), w, ctx.now);
  });
}

import type { KubeObject } from '../../../../sim/k8s/index';
import { formatEndpoints } from '../table/endpointsPrinter';
import { ingressAddress } from '../table/networkingPrinters';
import { arr, field, formatLabels, str, type Obj } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

/** `serviceBackendStringer`: `name:port` (number, else port name). */
function serviceBackendString(service: unknown): string {
  const n = field(service, 'port', 'number');
  return `${str(field(service, 'name'))}:${typeof n === 'number' && n !== 0 ? n : str(field(service, 'port', 'name'))}`;
}

/**
 * `describeBackendV1`: `svc:port (ip:port,…)` from the Service's Endpoints,
 * limited to the service port the backend names; the lookup error when the
 * Service is missing; a resource backend by group, kind, name.
 */
function describeBackend(ns: string, backend: unknown, ctx: PrintContext): string {
  const service = field(backend, 'service');
  if (service) {
    const sb = serviceBackendString(service);
    const name = str(field(service, 'name'));
    // kubectl 1.32 lists the Service's EndpointSlices (none is no error), then gets the Service.
    const svc = ctx.client.get<KubeObject>('services', ns, name);
    if (!svc) return `${sb} (<error: services "${name}" not found>)`;
    const endpoints = ctx.client.get<KubeObject>('endpoints', ns, name) ?? ({ subsets: [] } as unknown as KubeObject);
    let portName = '';
    const wantNumber = field(service, 'port', 'number');
    const wantName = str(field(service, 'port', 'name'));
    for (const sp of arr(field(svc.spec, 'ports'))) {
      if (typeof wantNumber === 'number' && wantNumber !== 0 && wantNumber === sp.port) portName = str(sp.name);
      else if (wantName && wantName === sp.name) portName = str(sp.name);
    }
    const subsets = arr(endpoints.subsets).map((ss: Obj) => ({ ...ss, ports: arr(ss.ports).filter((p) => str(p.name) === portName) }));
    return `${sb} (${formatEndpoints(subsets)})`;
  }
  const resource = field(backend, 'resource');
  if (resource) return `APIGroup: ${str(field(resource, 'apiGroup')) || '<none>'}, Kind: ${str(field(resource, 'kind'))}, Name: ${str(field(resource, 'name'))}`;
  return '';
}

/** `describeIngressV1`: address, class, default backend, TLS, the rules table, annotations, events. */
export function describeIngress(ing: KubeObject, ctx: PrintContext): string {
  const ns = ing.metadata.namespace ?? 'default';
  const def = field(ing.spec, 'defaultBackend');
  return tabbedString((w) => {
    w.write(0, `Name:\t${ing.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata.labels);
    w.write(0, `Namespace:\t${ns}\n`);
    w.write(0, `Address:\t${ingressAddress(ing.status)}\n`);
    w.write(0, `Ingress Class:\t${str(field(ing.spec, 'ingressClassName')) || '<none>'}\n`);
    w.write(0, `Default backend:\t${def ? describeBackend(ns, def, ctx) : '<default>'}\n`);
    const tls = arr(field(ing.spec, 'tls'));
    if (tls.length) {
      w.write(0, 'TLS:\n');
      for (const t of tls) {
        const hosts = arr<string>(t.hosts).join(',');
        w.write(1, t.secretName ? `${str(t.secretName)} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of arr(field(ing.spec, 'rules'))) {
      if (!rule.http) continue;
      count++;
      w.write(1, `${str(rule.host) || '*'}\t\n`);
      for (const p of arr(field(rule.http, 'paths'))) w.write(2, `\t${str(p.path)} \t${describeBackend(ns, p.backend, ctx)}\n`);
    }
    if (count === 0) w.write(1, `*\t*\t${describeBackend(ns, def, ctx)}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
    describeEvents(ctx.cluster.eventsFor(ing), w, ctx.now);
  });
}

/** `describeIngressClass`: controller and the parameters reference. */
export function describeIngressClass(ic: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${ic.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
    w.write(0, `Controller:\t${str(field(ic.spec, 'controller'))}\n`);
    const p = field(ic.spec, 'parameters');
    if (p) {
      w.write(0, 'Parameters:\n');
      if (field(p, 'apiGroup') !== undefined) w.write(1, `APIGroup:\t${str(field(p, 'apiGroup'))}\n`);
      w.write(1, `Kind:\t${str(field(p, 'kind'))}\n`);
      w.write(1, `Name:\t${str(field(p, 'name'))}\n`);
    }
    describeEvents(ctx.cluster.eventsFor(ic), w, ctx.now);
  });
}

/** `describePriorityClass`: value, global default, preemption policy, description. */
export function describePriorityClass(pc: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${pc.metadata.name}\n`);
    w.write(0, `Value:\t${typeof pc.value === 'number' ? pc.value : 0}\n`);
    w.write(0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
    w.write(0, `Description:\t${str(pc.description)}\n`);
    w.write(0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    describeEvents(ctx.cluster.eventsFor(pc), w, ctx.now);
  });
}

import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field, str } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

/** `describeEndpointSliceV1`: address type, ports, and each endpoint with its readiness, hostname, pod, node and zone. */
export function describeEndpointSlice(eps: KubeObject, ctx: PrintContext): string {
  const unset = (v: unknown) => (typeof v === 'string' ? v : '<unset>');
  return tabbedString((w) => {
    w.write(0, `Name:\t${eps.metadata.name}\n`);
    w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = arr(eps.ports);
    if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
    else {
      w.write(0, 'Ports:\n');
      w.write(1, 'Name\tPort\tProtocol\n');
      w.write(1, '----\t----\t--------\n');
      for (const p of ports) w.write(1, `${str(p.name) || '<unset>'}\t${typeof p.port === 'number' ? String(p.port) : '<unset>'}\t${str(p.protocol)}\n`);
    }
    const endpoints = arr(eps.endpoints);
    if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
    else {
      w.write(0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(1, `- Addresses:\t${arr<string>(e.addresses).join(', ') || '<none>'}\n`);
        w.write(2, 'Conditions:\n');
        const ready = field(e, 'conditions', 'ready');
        w.write(3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
        w.write(2, `Hostname:\t${unset(e.hostname)}\n`);
        if (e.targetRef) w.write(2, `TargetRef:\t${str(field(e, 'targetRef', 'kind'))}/${str(field(e, 'targetRef', 'name'))}\n`);
        w.write(2, `NodeName:\t${unset(e.nodeName)}\n`);
        w.write(2, `Zone:\t${unset(e.zone)}\n`);
      }
    }
    describeEvents(ctx.cluster.eventsFor(eps), w, ctx.now);
  });
}

import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, str } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

/** `describeEndpoints`: each subset's ready and not-ready addresses and its ports. */
export function describeEndpoints(ep: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${ep.metadata.name}\n`);
    w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(0, 'Subsets:\n');
    for (const subset of arr(ep.subsets)) {
      const ips = (v: unknown) => arr(v).map((a) => str(a.ip)).join(',') || '<none>';
      w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
      w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
      const ports = arr(subset.ports);
      if (ports.length > 0) {
        w.write(1, 'Ports:\n');
        w.write(2, 'Name\tPort\tProtocol\n');
        w.write(2, '----\t----\t--------\n');
        for (const p of ports) w.write(2, `${str(p.name) || '<unset>'}\t${String(p.port ?? 0)}\t${str(p.protocol)}\n`);
      }
      w.write(0, '\n');
    }
    describeEvents(ctx.cluster.eventsFor(ep), w, ctx.now);
  });
}

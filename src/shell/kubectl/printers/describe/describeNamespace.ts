import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field, str } from '../table/objectFields';
import { formatTimestamp } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

function listOrEmpty(ctx: PrintContext, resource: string, namespace: string): KubeObject[] {
  try {
    return ctx.client.list(resource, { namespace });
  } catch {
    return [];
  }
}

/**
 * `describeNamespace`: name, labels, annotations, status, then the resource
 * quotas and limit ranges (a real API server serves both kinds, so a
 * namespace without any prints `No resource quota.` / `No LimitRange resource.`).
 */
export function describeNamespace(ns: KubeObject, ctx: PrintContext): string {
  const quotas = listOrEmpty(ctx, 'resourcequotas', ns.metadata.name);
  const limitRanges = listOrEmpty(ctx, 'limitranges', ns.metadata.name);
  return tabbedString((w) => {
    w.write(0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(0, `Status:\t${str(field(ns, 'status', 'phase'))}\n`);
    const conditions = arr(field(ns, 'status', 'conditions'));
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(1, `${str(c.type)}\t${str(c.status)}\t${formatTimestamp(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    w.write(0, '\n');
    if (quotas.length === 0) w.write(0, 'No resource quota.\n');
    else w.write(0, 'Resource Quotas\n');
    w.write(0, '\n');
    if (limitRanges.length === 0) w.write(0, 'No LimitRange resource.\n');
  });
}

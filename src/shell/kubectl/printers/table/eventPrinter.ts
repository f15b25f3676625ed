import { parseTimestamp } from '../../../../sim/k8s/index';
import { humanDuration } from '../../../../lib/duration';
import { field, num, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

function sinceOrUnknown(ts: unknown, now: number): string {
  const ms = typeof ts === 'string' ? parseTimestamp(ts) : undefined;
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** `formatEventSource`: `component, host`, falling back to reportingComponent/Instance. */
export function eventSource(ev: Record<string, unknown>): string {
  const component = str(field(ev, 'source', 'component')) || str(ev.reportingComponent);
  const host = str(field(ev, 'source', 'host')) || str(ev.reportingInstance);
  return host ? `${component}, ${host}` : component;
}

/**
 * `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE (+ SUBOBJECT
 * SOURCE FIRST SEEN COUNT NAME). Rows keep the API server's order (by
 * name): `kubectl get events` does not sort.
 */
export const eventPrinter: KindPrinter = {
  group: '',
  kind: 'Event',
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, format: 'name' },
  ],
  row(ev, now) {
    const first = ev.firstTimestamp ? sinceOrUnknown(ev.firstTimestamp, now) : sinceOrUnknown(ev.eventTime, now);
    let last = ev.lastTimestamp ? sinceOrUnknown(ev.lastTimestamp, now) : first;
    let count = num(ev.count);
    if (ev.series && typeof ev.series === 'object') {
      last = sinceOrUnknown(field(ev, 'series', 'lastObservedTime'), now);
      count = num(field(ev, 'series', 'count'));
    } else if (count === 0) count = 1;
    const kind = str(field(ev, 'involvedObject', 'kind')).toLowerCase();
    const name = str(field(ev, 'involvedObject', 'name'));
    return [
      last,
      str(ev.type),
      str(ev.reason),
      name ? `${kind}/${name}` : kind,
      str(field(ev, 'involvedObject', 'fieldPath')),
      eventSource(ev),
      str(ev.message).trim(),
      first,
      count,
      ev.metadata.name,
    ];
  },
};

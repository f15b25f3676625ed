import type { KubeObject } from '../../../../sim/k8s/index';
import { eventInterval, sortEvents } from '../text/eventTiming';
import { field, str } from '../table/objectFields';
import type { DescribeWriter } from './describeWriter';

/**
 * `DescribeEvents`: `Events:  <none>`, or the Type/Reason/Age/From/Message
 * table sorted by time, repeated events as `<last> (xN over <first>)`.
 */
export function describeEvents(events: readonly KubeObject[], w: DescribeWriter, now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = sortEvents(events);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const interval = eventInterval(e, now);
    const source = str(field(e, 'source', 'component')) || str(e.reportingComponent);
    w.write(1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}

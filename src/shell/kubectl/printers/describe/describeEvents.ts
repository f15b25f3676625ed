import { parseTimestamp, type KubeObject } from '../../../../sim/k8s/index';
import { goSortBy } from '../sort/goSort';
import { since } from '../text/timeFormat';
import { field, num, str } from '../table/objectFields';
import type { DescribeWriter } from './describeWriter';

/** `eventTime` of kubectl's `SortableEvents`: series last-observed, else lastTimestamp, else eventTime. */
function eventTime(e: KubeObject): number {
  const series = field(e, 'series', 'lastObservedTime');
  const t = typeof series === 'string' ? series : str(e.lastTimestamp) || str(e.eventTime);
  return parseTimestamp(t) ?? Number.NEGATIVE_INFINITY;
}

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
  const sorted = goSortBy(events, (a, b) => eventTime(a) < eventTime(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series && typeof e.series === 'object') interval = `${since(field(e, 'series', 'lastObservedTime'), now)} (x${num(field(e, 'series', 'count'))} over ${first})`;
    else if (num(e.count) > 1) interval = `${since(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
    else interval = first;
    const source = str(field(e, 'source', 'component')) || str(e.reportingComponent);
    w.write(1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}

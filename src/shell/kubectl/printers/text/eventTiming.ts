import { parseTimestamp, type KubeObject } from '../../../../sim/k8s/index';
import { goSortBy } from '../sort/goSort';
import { field, num, str } from '../table/objectFields';
import { since } from './timeFormat';

/** `eventTime` of kubectl's `SortableEvents`: series last-observed, else lastTimestamp, else eventTime. */
function eventTime(e: KubeObject): number {
  const series = field(e, 'series', 'lastObservedTime');
  const t = typeof series === 'string' ? series : str(e.lastTimestamp) || str(e.eventTime);
  return parseTimestamp(t) ?? Number.NEGATIVE_INFINITY;
}

/** `sort.Sort(SortableEvents(…))` as Go runs it: by time, equal times in Go's (unstable) order. */
export function sortEvents(events: readonly KubeObject[]): KubeObject[] {
  return goSortBy(events, (a, b) => eventTime(a) < eventTime(b));
}

/** `getInterval` (kubectl events, describe): when first seen, or `<last> (xN over <first>)` for a repeated event or a series. */
export function eventInterval(e: KubeObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series && typeof e.series === 'object') return `${since(field(e, 'series', 'lastObservedTime'), now)} (x${num(field(e, 'series', 'count'))} over ${first})`;
  if (num(e.count) > 1) return `${since(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
  return first;
}

import { canonicalQuantity } from '../../../../lib/quantity';
import { since } from '../text/timeFormat';
import { field, map } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get quota` (`printResourceQuota`): `resource: used/hard` pairs, `limits.*` in LIMIT, the rest in REQUEST. */
export const resourceQuotaPrinter: KindPrinter = {
  group: '',
  kind: 'ResourceQuota',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Age' }, { name: 'Request' }, { name: 'Limit' }],
  row: (obj, now) => {
    const hard = map(field(obj.status, 'hard'));
    const used = map(field(obj.status, 'used'));
    const request: string[] = [];
    const limit: string[] = [];
    for (const k of Object.keys(hard).sort()) {
      const cell = `${k}: ${canonicalQuantity(used[k] ?? '0')}/${canonicalQuantity(hard[k])}`;
      (k.startsWith('limits.') ? limit : request).push(cell);
    }
    return [obj.metadata.name, since(obj.metadata.creationTimestamp, now), request.join(', '), limit.join(', ')];
  },
};

/** `kubectl get limitrange` (`printLimitRange`): NAME and CREATED AT. */
export const limitRangePrinter: KindPrinter = {
  group: '',
  kind: 'LimitRange',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Created At' }],
  row: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
};

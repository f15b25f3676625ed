import { since } from '../text/timeFormat';
import { field, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get leases`: NAME HOLDER AGE. */
export const leasePrinter: KindPrinter = {
  group: 'coordination.k8s.io',
  kind: 'Lease',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Holder' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, str(field(obj, 'spec', 'holderIdentity')), since(obj.metadata.creationTimestamp, now)],
};

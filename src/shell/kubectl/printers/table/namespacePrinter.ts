import { since } from '../text/timeFormat';
import { field, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get namespaces`: NAME STATUS AGE. */
export const namespacePrinter: KindPrinter = {
  group: '',
  kind: 'Namespace',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Status' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, str(field(obj, 'status', 'phase')), since(obj.metadata.creationTimestamp, now)],
};

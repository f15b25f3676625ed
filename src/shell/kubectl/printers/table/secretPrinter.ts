import { since } from '../text/timeFormat';
import { map, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get secrets` (`printSecret`): NAME TYPE DATA AGE. */
export const secretPrinter: KindPrinter = {
  group: '',
  kind: 'Secret',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, str(obj.type), Object.keys(map(obj.data)).length, since(obj.metadata.creationTimestamp, now)],
};

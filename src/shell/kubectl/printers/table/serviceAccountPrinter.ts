import { since } from '../text/timeFormat';
import { arr } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get serviceaccounts`: NAME SECRETS AGE. */
export const serviceAccountPrinter: KindPrinter = {
  group: '',
  kind: 'ServiceAccount',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Secrets' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, arr(obj.secrets).length, since(obj.metadata.creationTimestamp, now)],
};

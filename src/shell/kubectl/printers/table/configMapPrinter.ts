import { since } from '../text/timeFormat';
import { map } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get configmaps` (`printConfigMap`): NAME DATA AGE, DATA = len(data) + len(binaryData). */
export const configMapPrinter: KindPrinter = {
  group: '',
  kind: 'ConfigMap',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Data' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, Object.keys(map(obj.data)).length + Object.keys(map(obj.binaryData)).length, since(obj.metadata.creationTimestamp, now)],
};

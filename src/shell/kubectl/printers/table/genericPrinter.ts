import { since } from '../text/timeFormat';
import type { KindPrinter } from './tableTypes';

/** Kinds without a printer: NAME AGE (cli-runtime's `printObjectMeta`). */
export const genericPrinter: KindPrinter = {
  group: '',
  kind: '',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Age' }],
  row: (obj, now) => [obj.metadata.name, since(obj.metadata.creationTimestamp, now)],
};

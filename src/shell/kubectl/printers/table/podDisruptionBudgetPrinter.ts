import { since } from '../text/timeFormat';
import { field, num } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** An IntOrString cell (`intstr.String()`), or `N/A` when unset. */
const intOrString = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));

/** `kubectl get pdb` (`printPodDisruptionBudget`): NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetPrinter: KindPrinter = {
  group: 'policy',
  kind: 'PodDisruptionBudget',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Min Available' }, { name: 'Max Unavailable' }, { name: 'Allowed Disruptions' }, { name: 'Age' }],
  row: (obj, now) => [
    obj.metadata.name,
    intOrString(field(obj, 'spec', 'minAvailable')),
    intOrString(field(obj, 'spec', 'maxUnavailable')),
    num(field(obj, 'status', 'disruptionsAllowed')),
    since(obj.metadata.creationTimestamp, now),
  ],
};

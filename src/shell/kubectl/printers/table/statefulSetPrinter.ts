import type { StatefulSetSpec, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import { since } from '../text/timeFormat';
import { containerCells } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get statefulsets`: NAME READY AGE (+ CONTAINERS IMAGES). */
export const statefulSetPrinter: KindPrinter = {
  group: 'apps',
  kind: 'StatefulSet',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Ready' }, { name: 'Age' }, { name: 'Containers', priority: 1 }, { name: 'Images', priority: 1 }],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as StatefulSetSpec;
    const status = (obj.status ?? {}) as Partial<StatefulSetStatus>;
    const [names, images] = containerCells(spec.template?.spec);
    return [obj.metadata.name, `${status.readyReplicas ?? 0}/${spec.replicas ?? 1}`, since(obj.metadata.creationTimestamp, now), names, images];
  },
};

import type { ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { formatLabelSelector } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import { containerCells } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). */
export const replicaSetPrinter: KindPrinter = {
  group: 'apps',
  kind: 'ReplicaSet',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as ReplicaSetSpec;
    const status = (obj.status ?? {}) as ReplicaSetStatus;
    const [names, images] = containerCells(spec.template?.spec);
    return [
      obj.metadata.name,
      spec.replicas ?? 1,
      status.replicas ?? 0,
      status.readyReplicas ?? 0,
      since(obj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

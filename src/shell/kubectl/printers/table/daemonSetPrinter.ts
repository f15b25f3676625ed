import type { DaemonSetSpec, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import { formatLabelSelector } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import { containerCells, formatLabels } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get daemonsets`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE (+ CONTAINERS IMAGES SELECTOR). */
export const daemonSetPrinter: KindPrinter = {
  group: 'apps',
  kind: 'DaemonSet',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as DaemonSetSpec;
    const status = (obj.status ?? {}) as Partial<DaemonSetStatus>;
    const [names, images] = containerCells(spec.template?.spec);
    return [
      obj.metadata.name,
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(spec.template?.spec?.nodeSelector),
      since(obj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

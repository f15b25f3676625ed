import type { DeploymentSpec, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { since } from '../text/timeFormat';
import { containerCells, selectorAsString } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR). */
export const deploymentPrinter: KindPrinter = {
  group: 'apps',
  kind: 'Deployment',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as DeploymentSpec;
    const status = (obj.status ?? {}) as DeploymentStatus;
    const [names, images] = containerCells(spec.template?.spec);
    return [
      obj.metadata.name,
      `${status.readyReplicas ?? 0}/${spec.replicas ?? 1}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      since(obj.metadata.creationTimestamp, now),
      names,
      images,
      selectorAsString(spec.selector),
    ];
  },
};

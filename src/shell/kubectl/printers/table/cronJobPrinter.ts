import type { CronJobSpec, CronJobStatus } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import { containerCells } from './objectFields';
import type { KindPrinter } from './tableTypes';

/** `kubectl get cronjobs`: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE (+ CONTAINERS IMAGES SELECTOR). */
export const cronJobPrinter: KindPrinter = {
  group: 'batch',
  kind: 'CronJob',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Schedule' },
    { name: 'Timezone' },
    { name: 'Suspend' },
    { name: 'Active' },
    { name: 'Last Schedule' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as CronJobSpec;
    const status = (obj.status ?? {}) as CronJobStatus;
    const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False';
    const [names, images] = containerCells(spec.jobTemplate?.spec?.template?.spec);
    return [
      obj.metadata.name,
      spec.schedule ?? '',
      spec.timeZone ?? '<none>',
      suspend,
      (status.active ?? []).length,
      status.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>',
      since(obj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.jobTemplate?.spec?.selector),
    ];
  },
};

import type { JobSpec, JobStatus } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../../../../sim/k8s/index';
import { between, since } from '../text/timeFormat';
import { containerCells } from './objectFields';
import type { KindPrinter } from './tableTypes';

const has = (status: JobStatus, type: string) => (status.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** `printJob`'s STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet or Running. */
export function jobStatusText(status: JobStatus, deleting: boolean): string {
  if (has(status, 'Complete')) return 'Complete';
  if (has(status, 'Failed')) return 'Failed';
  if (deleting) return 'Terminating';
  if (has(status, 'Suspended')) return 'Suspended';
  if (has(status, 'FailureTarget')) return 'FailureTarget';
  if (has(status, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE (+ CONTAINERS IMAGES SELECTOR). */
export const jobPrinter: KindPrinter = {
  group: 'batch',
  kind: 'Job',
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Status' },
    { name: 'Completions' },
    { name: 'Duration' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, now) {
    const spec = (obj.spec ?? {}) as JobSpec;
    const status = (obj.status ?? {}) as JobStatus;
    const succeeded = status.succeeded ?? 0;
    let completions: string;
    if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${spec.completions}`;
    else completions = (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`;
    let duration = '';
    if (status.startTime) duration = status.completionTime ? (between(status.startTime, status.completionTime) ?? '') : since(status.startTime, now);
    const [names, images] = containerCells(spec.template?.spec);
    return [obj.metadata.name, jobStatusText(status, !!obj.metadata.deletionTimestamp), completions, duration, since(obj.metadata.creationTimestamp, now), names, images, formatLabelSelector(spec.selector)];
  },
};

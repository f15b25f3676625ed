import type { CronJobSpec, CronJobStatus, JobSpec, JobStatus, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import { controllerRef, type KubeObject } from '../../../../sim/k8s/index';
import { selectorAsString } from '../table/objectFields';
import { between, formatTimestamp } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { writePodTemplate } from './describePodTemplate';
import { tabbedString, type DescribeWriter } from './describeWriter';

const isSet = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null;

/** `describeJob`: `kubectl describe job`. */
export function describeJob(job: KubeObject, ctx: PrintContext): string {
  const spec = (job.spec ?? {}) as JobSpec;
  const status = (job.status ?? {}) as JobStatus;
  return tabbedString((w) => {
    w.write(0, `Name:\t${job.metadata.name}\n`);
    w.write(0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${selectorAsString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const owner = controllerRef(job.metadata);
    if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    if (isSet(spec.parallelism)) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`);
    if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
    if (isSet(spec.suspend)) w.write(0, `Suspend:\t${spec.suspend}\n`);
    if (isSet(spec.backoffLimit)) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(0, `Start Time:\t${formatTimestamp(status.startTime)}\n`);
    if (status.completionTime) w.write(0, `Completed At:\t${formatTimestamp(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) w.write(0, `Duration:\t${between(status.startTime, status.completionTime)}\n`);
    if (isSet(spec.activeDeadlineSeconds)) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${status.active ?? 0} Active${isSet(status.ready) ? ` (${status.ready} Ready)` : ''} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
    w.write(0, `Pods Statuses:\t${counts}\n`);
    if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${status.completedIndexes || '<none>'}\n`);
    writePodTemplate(spec.template, w);
    describeEvents(ctx.cluster.eventsFor(job), w, ctx.now);
  });
}

function describeJobTemplate(t: JobTemplateSpec | undefined, w: DescribeWriter): void {
  const spec = t?.spec;
  w.write(0, `Selector:\t${spec?.selector ? selectorAsString(spec.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${isSet(spec?.parallelism) ? spec.parallelism : '<unset>'}\n`);
  w.write(0, `Completions:\t${isSet(spec?.completions) ? spec.completions : '<unset>'}\n`);
  if (isSet(spec?.activeDeadlineSeconds)) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  writePodTemplate(spec?.template, w);
}

/** `describeCronJob`: `kubectl describe cronjob`. */
export function describeCronJob(cj: KubeObject, ctx: PrintContext): string {
  const spec = (cj.spec ?? {}) as CronJobSpec;
  const status = (cj.status ?? {}) as CronJobStatus;
  const unsetOr = (v: number | undefined | null, suffix = '') => (isSet(v) ? `${v}${suffix}` : '<unset>');
  return tabbedString((w) => {
    w.write(0, `Name:\t${cj.metadata.name}\n`);
    w.write(0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(0, `Suspend:\t${isSet(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
    w.write(0, `Successful Job History Limit:\t${unsetOr(spec.successfulJobsHistoryLimit)}\n`);
    w.write(0, `Failed Job History Limit:\t${unsetOr(spec.failedJobsHistoryLimit)}\n`);
    w.write(0, `Starting Deadline Seconds:\t${unsetOr(spec.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(spec.jobTemplate, w);
    w.write(0, `Last Schedule Time:\t${status.lastScheduleTime ? formatTimestamp(status.lastScheduleTime) : '<unset>'}\n`);
    w.write(0, 'Active Jobs:\t');
    const active = status.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => w.write(0, `${i ? ', ' : ''}${j.name}`));
      w.writeLine('');
    }
    describeEvents(ctx.cluster.eventsFor(cj), w, ctx.now);
  });
}

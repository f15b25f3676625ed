import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../../engine/clock';
import { deepEqual } from '../../api/objectDiff';
import { controllerRef, type KubeObject, type Stored } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { newControllerRef } from '../controllerRefManager';
import { parseStandard, zoneOffset, type CronSchedule } from './cronSchedule';

type CronJobObj = Stored<CronJob>;
type JobObj = Stored<Job>;

/** `getJobName`: `<cronjob>-<scheduled time in minutes since the epoch>` (W4: hello at 2025-01-15T10:30Z → hello-28948950). */
export function getJobName(cronJobName: string, scheduledTime: number): string {
  return `${cronJobName}-${Math.floor(scheduledTime / 60_000)}`;
}

/**
 * `mostRecentScheduleTime`: the latest schedule time in (earliest, now] and
 * how many there were (more than 100 is "too many missed start times").
 */
export function mostRecentScheduleTime(schedule: CronSchedule, earliest: number, now: number): { time?: number; missed: number } {
  let t = schedule.next(earliest);
  if (t === undefined || t > now) return { missed: 0 };
  let last = t;
  let missed = 1;
  while ((t = schedule.next(last)) !== undefined && t <= now) {
    last = t;
    missed++;
    if (missed > 1000) {
      // Far behind: jump by the interval of the last two runs and walk the rest.
      const step = t - (schedule.next(t) ?? t) || 60_000;
      const skip = Math.floor((now - t) / Math.abs(step)) - 1;
      if (skip > 0) last = t + skip * Math.abs(step);
      missed += Math.max(0, skip);
    }
  }
  return { time: last, missed };
}

const isFinished = (j: JobObj) => (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

/** The scheduled time in the CronJob's zone, as RFC 3339 (the `cronjob-scheduled-timestamp` annotation). */
function rfc3339InZone(t: number, zone: string | undefined): string {
  const off = zoneOffset(t, zone);
  const wall = new Date(t + off).toISOString().slice(0, 19);
  if (off === 0) return `${wall}Z`;
  const m = Math.abs(off) / 60_000;
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The CronJob controller (`pkg/controller/cronjob`, controller_v2): on each
 * schedule time of the virtual clock it creates `<cronjob>-<minutes>`,
 * honouring suspend, startingDeadlineSeconds and the concurrency policy;
 * tracks active Jobs, lastScheduleTime and lastSuccessfulTime, and deletes
 * finished Jobs beyond the history limits.
 */
export function createCronJobController(): K8sController {
  return {
    name: 'cronjob-controller',
    watches: [
      { resource: 'cronjobs.batch', map: (e) => e.key },
      {
        resource: 'jobs.batch',
        map: (e) => {
          const ref = controllerRef(e.object.metadata) ?? (e.old ? controllerRef(e.old.metadata) : undefined);
          return ref?.kind === 'CronJob' ? `${e.object.metadata.namespace}/${ref.name}` : undefined;
        },
      },
    ],
    reconcile(key, ctx) {
      const cj = ctx.store.get<CronJobObj>('cronjobs.batch', key);
      if (cj) syncCronJob(cj, ctx);
      return 0;
    },
  };
}

function ref(job: JobObj): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
}

function syncCronJob(cj: CronJobObj, ctx: K8sContext): void {
  const key = `${cj.metadata.namespace}/${cj.metadata.name}`;
  const now = ctx.clock.now();
  const spec = cj.spec!;
  const jobs = ctx.store.listByIndex<JobObj>('jobs.batch', 'controllerUid', cj.metadata.uid!);
  const status: CronJobStatus = { ...cj.status };
  let active = [...(status.active ?? [])];
  const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
  // Reconcile the active list with the Jobs that exist.
  for (const j of jobs) {
    const inActive = active.some((a) => a.uid === j.metadata.uid);
    const done = isFinished(j);
    if (!inActive && !done && !j.metadata.deletionTimestamp) active.push(ref(j));
    else if (inActive && done) {
      active = active.filter((a) => a.uid !== j.metadata.uid);
      ctx.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done.type}`);
      if (done.type === 'Complete' && j.status?.completionTime) {
        const prev = parseTimestamp(status.lastSuccessfulTime) ?? -Infinity;
        if (parseTimestamp(j.status.completionTime)! > prev) status.lastSuccessfulTime = j.status.completionTime;
      }
    }
  }
  active = active.filter((a) => {
    if (byUid.has(a.uid)) return true;
    ctx.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`);
    return false;
  });
  cleanupFinishedJobs(cj, jobs, ctx);
  const write = () => {
    if (active.length) status.active = active;
    else delete status.active;
    if (!deepEqual(cj.status, status)) ctx.api.updateStatus({ ...cj, status });
  };
  if (cj.metadata.deletionTimestamp || spec.suspend) return write();
  const parsed = parseStandard(spec.schedule, spec.timeZone ?? undefined);
  if (!parsed.ok) {
    ctx.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${parsed.error}`);
    return write();
  }
  const schedule = parsed.schedule;
  let earliest = parseTimestamp(status.lastScheduleTime) ?? parseTimestamp(cj.metadata.creationTimestamp)!;
  if (spec.startingDeadlineSeconds !== undefined && spec.startingDeadlineSeconds !== null) earliest = Math.max(earliest, now - spec.startingDeadlineSeconds * 1000);
  const { time: scheduled, missed } = mostRecentScheduleTime(schedule, earliest, now);
  const next = schedule.next(now);
  if (next !== undefined) ctx.wakeAt(key, next);
  if (missed > 100) ctx.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  if (scheduled === undefined) return write();
  const jobName = getJobName(cj.metadata.name, scheduled);
  if (jobs.some((j) => j.metadata.name === jobName) || ctx.store.get('jobs.batch', `${cj.metadata.namespace}/${jobName}`)) return write();
  if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    ctx.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return write();
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const a of active) {
      const res = ctx.api.delete('jobs.batch', cj.metadata.namespace, a.name!, { propagationPolicy: 'Background' });
      if (res.ok) ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${a.name}`);
    }
    active = [];
  }
  const res = ctx.api.create<JobObj>(jobFromTemplate(cj, jobName, scheduled));
  if (!res.ok) {
    ctx.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${res.status.message}`);
    return write();
  }
  ctx.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`);
  active.push(ref(res.object));
  status.lastScheduleTime = new Date(scheduled).toISOString().replace('.000Z', 'Z');
  write();
}

/** `getJobFromTemplate2`. */
function jobFromTemplate(cj: CronJobObj, name: string, scheduled: number): KubeObject {
  const tpl = cj.spec!.jobTemplate;
  const annotations = { ...tpl.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339InZone(scheduled, cj.spec!.timeZone ?? undefined) };
  const meta: KubeObject['metadata'] = { name, namespace: cj.metadata.namespace, annotations, ownerReferences: [newControllerRef(cj)] };
  if (tpl.metadata?.labels) meta.labels = { ...tpl.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: tpl.spec };
}

/** `cleanupFinishedJobs`: keeps the newest successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs. */
function cleanupFinishedJobs(cj: CronJobObj, jobs: JobObj[], ctx: K8sContext): void {
  const start = (j: JobObj) => parseTimestamp(j.status?.startTime ?? j.metadata.creationTimestamp) ?? 0;
  for (const [type, limit] of [
    ['Complete', cj.spec?.successfulJobsHistoryLimit],
    ['Failed', cj.spec?.failedJobsHistoryLimit],
  ] as const) {
    if (limit === undefined || limit === null) continue;
    const done = jobs.filter((j) => !j.metadata.deletionTimestamp && isFinished(j)?.type === type).sort((a, b) => start(a) - start(b) || a.metadata.name.localeCompare(b.metadata.name));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      const res = ctx.api.delete('jobs.batch', j.metadata.namespace, j.metadata.name, { propagationPolicy: 'Background' });
      if (res.ok) ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
    }
  }
}

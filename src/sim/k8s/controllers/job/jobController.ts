import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import { parseTimestamp } from '../../../engine/clock';
import type { ObjectStore, WatchEvent } from '../../../engine/store';
import { deepEqual } from '../../api/objectDiff';
import { controllerRef } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { isPodReady, type PodObj } from '../replicaset/podTally';
import { PodClaims } from '../workloadPods';
import type { BackoffRecord } from './backoff';
import { formatIntervals, getCompletionIndex, parseIntervals } from './indexes';
import type { JobObj } from './jobPods';
import { manageJob } from './manageJob';
import { matchPodFailurePolicy } from './podFailurePolicy';

/** What the controller remembers of a Job between syncs (the finalizer-based tracking of upstream). */
interface JobMemory {
  /** Pods whose success or failure is already in status. */
  counted: Set<string>;
  /** Pods that vanished without being seen finished. */
  gone: PodObj[];
  backoff: BackoffRecord;
}

/** A Job's pods and counts at this sync (`syncJobCtx`). */
export interface JobCtx {
  job: JobObj;
  pods: PodObj[];
  active: PodObj[];
  terminating: number;
  succeeded: number;
  failed: number;
  succeededIndexes: Set<number>;
  backoff: BackoffRecord;
}

type Finished = { type: 'Failed' | 'Complete'; reason: string; message: string };

export const isFinishedPod = (p: PodObj) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** The Job's terminal condition (`IsJobFinished`). */
export function jobFinishedCondition(job: JobObj): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/**
 * The Job controller (`pkg/controller/job`): runs pods to `completions`
 * with at most `parallelism` at a time, counts successes and failures,
 * re-creates failed pods after the 10 s doubling back-off, fails the Job on
 * backoffLimit, activeDeadlineSeconds or a podFailurePolicy FailJob rule
 * (FailureTarget, then Failed once its pods are gone), completes it
 * (SuccessCriteriaMet, then Complete), supports Indexed completion and
 * suspend.
 */
export function createJobController(store: ObjectStore): K8sController {
  const claims = new PodClaims(store, 'Job', 'jobs.batch');
  const memory = new Map<string, JobMemory>();
  const memo = (uid: string) => {
    let m = memory.get(uid);
    if (!m) memory.set(uid, (m = { counted: new Set(), gone: [], backoff: { failuresAfterLastSuccess: 0 } }));
    return m;
  };
  const mapPod = (e: WatchEvent): string[] => {
    const keys = claims.mapPod(e);
    if (e.type === 'DELETED' && keys.length) {
      const pod = e.object as PodObj;
      const ref = controllerRef(pod.metadata);
      if (ref?.kind === 'Job' && memory.get(ref.uid) && !memory.get(ref.uid)!.counted.has(pod.metadata.uid!)) memo(ref.uid).gone.push(pod);
    }
    return keys;
  };
  const mapJob = (e: WatchEvent): string => {
    if (e.type === 'DELETED') memory.delete(e.object.metadata.uid!);
    return claims.mapOwner(e);
  };
  return {
    name: 'job-controller',
    watches: [
      { resource: 'jobs.batch', map: mapJob },
      { resource: 'pods', map: mapPod },
    ],
    reconcile(key, ctx) {
      const job = ctx.store.get<JobObj>('jobs.batch', key);
      if (!job) return 0;
      if (jobFinishedCondition(job)) return 0;
      claims.claim(job, ctx);
      syncJob(job, ctx, memo(job.metadata.uid!));
      return 0;
    },
  };
}

function podFinishTime(pod: PodObj, now: number): number {
  let t = -Infinity;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const f = parseTimestamp(cs.state?.terminated?.finishedAt);
    if (f !== undefined && f > t) t = f;
  }
  return t === -Infinity ? now : t;
}

/** `syncJob`: one step of progress for a Job that is not finished. */
function syncJob(job: JobObj, ctx: K8sContext, mem: JobMemory): void {
  const now = ctx.clock.now();
  const key = `${job.metadata.namespace}/${job.metadata.name}`;
  const spec = job.spec!;
  const suspended = spec.suspend === true;
  const indexed = spec.completionMode === 'Indexed';
  const completions = spec.completions ?? undefined;
  const status = job.status ?? {};
  const pods = ctx.store.listByIndex<PodObj>('pods', 'controllerUid', job.metadata.uid!);
  let succeeded = status.succeeded ?? 0;
  let failed = status.failed ?? 0;
  const succeededIndexes = indexed ? parseIntervals(status.completedIndexes, completions ?? 0) : new Set<number>();
  let finished: Finished | undefined = targetFromConditions(job);
  // Count pods that finished since the last sync (the uncounted terminated pods of upstream).
  const newFailed: PodObj[] = [];
  let lastSuccess = -Infinity;
  for (const pod of [...pods, ...mem.gone]) {
    const uid = pod.metadata.uid!;
    if (mem.counted.has(uid)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded') {
      mem.counted.add(uid);
      if (indexed) {
        const i = getCompletionIndex(pod.metadata.annotations, completions ?? 0);
        if (i !== undefined) succeededIndexes.add(i);
      } else succeeded++;
      lastSuccess = Math.max(lastSuccess, podFinishTime(pod, now));
    } else if (phase === 'Failed' || (pod.metadata.deletionTimestamp && !suspended && !spec.podFailurePolicy) || mem.gone.includes(pod)) {
      mem.counted.add(uid);
      newFailed.push(pod);
    }
  }
  mem.gone = [];
  if (indexed) succeeded = succeededIndexes.size;
  let lastFailure = -Infinity;
  for (const pod of newFailed) {
    const rule = matchPodFailurePolicy(spec.podFailurePolicy, pod);
    if (rule?.action === 'Ignore') continue;
    failed++;
    lastFailure = Math.max(lastFailure, podFinishTime(pod, now));
    if (rule?.action === 'FailJob' && !finished) finished = { type: 'Failed', reason: 'PodFailurePolicy', message: rule.message! };
  }
  if (lastFailure > -Infinity) {
    const reset = lastSuccess > lastFailure;
    mem.backoff = { failuresAfterLastSuccess: reset ? 0 : mem.backoff.failuresAfterLastSuccess + newFailed.length, lastFailureTime: lastFailure };
  } else if (lastSuccess > -Infinity) mem.backoff = { failuresAfterLastSuccess: 0 };

  const active = pods.filter((p) => !isFinishedPod(p) && !p.metadata.deletionTimestamp);
  // A suspended Job has no startTime; a running one gets it at its first sync.
  let startTime = suspended ? undefined : (status.startTime ?? ctx.clock.timestamp());
  const backoffLimit = spec.backoffLimit ?? 6;
  if (!finished) {
    if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active)) {
      finished = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    } else if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && startTime && !suspended) {
      const deadline = parseTimestamp(startTime)! + spec.activeDeadlineSeconds * 1000;
      if (now >= deadline) finished = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      else ctx.wakeAt(key, deadline);
    }
  }
  if (!finished) {
    const complete = completions === undefined || completions === null ? succeeded > 0 && active.length === 0 : succeeded >= completions;
    if (complete) finished = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
  }
  const jctx: JobCtx = { job, pods, active, terminating: 0, succeeded, failed, succeededIndexes, backoff: mem.backoff };
  let conditions = status.conditions ?? [];
  if (finished) {
    // Terminate what still runs; the terminal condition waits until no pod is terminating.
    for (const pod of active) deletePod(ctx, job, pod);
    jctx.active = [];
    const target = finished.type === 'Failed' ? 'FailureTarget' : 'SuccessCriteriaMet';
    if (!conditions.some((c) => c.type === target)) conditions = [...conditions, newCondition(target, finished, ctx)];
  } else {
    const managed = manageJob(jctx, ctx, conditions);
    conditions = managed.conditions;
    // Resumed Jobs count their active deadline from now.
    if (managed.resumed) startTime = ctx.clock.timestamp();
  }
  const fresh = ctx.store.listByIndex<PodObj>('pods', 'controllerUid', job.metadata.uid!);
  const terminating = fresh.filter((p) => p.metadata.deletionTimestamp && !isFinishedPod(p)).length;
  const activeNow = fresh.filter((p) => !isFinishedPod(p) && !p.metadata.deletionTimestamp);
  let completionTime = status.completionTime;
  if (finished && terminating === 0 && activeNow.length === 0) {
    conditions = [...conditions, newCondition(finished.type, finished, ctx)];
    if (finished.type === 'Complete') {
      completionTime = ctx.clock.timestamp();
      ctx.event(job, 'Normal', 'Completed', 'Job completed');
    } else ctx.event(job, 'Warning', finished.reason, finished.message);
  } else if (finished) ctx.wakeAfter(key, 1000);
  const next: JobStatus = { ...status };
  if (conditions.length) next.conditions = conditions;
  if (startTime) next.startTime = startTime;
  else delete next.startTime;
  if (completionTime) next.completionTime = completionTime;
  setCount(next, 'active', activeNow.length);
  setCount(next, 'succeeded', succeeded);
  setCount(next, 'failed', failed);
  next.terminating = terminating;
  next.ready = activeNow.filter(isPodReady).length;
  if (indexed) {
    const text = formatIntervals(succeededIndexes);
    if (text) next.completedIndexes = text;
    else delete next.completedIndexes;
  }
  next.uncountedTerminatedPods = {};
  if (!deepEqual(status, next)) ctx.api.updateStatus({ ...job, status: next });
}

function setCount(s: JobStatus, field: 'active' | 'succeeded' | 'failed', n: number): void {
  if (n) s[field] = n;
  else delete s[field];
}

/** The interim FailureTarget / SuccessCriteriaMet condition already in status, as the finish it announces. */
function targetFromConditions(job: JobObj): Finished | undefined {
  for (const c of job.status?.conditions ?? []) {
    if (c.status !== 'True') continue;
    if (c.type === 'FailureTarget') return { type: 'Failed', reason: c.reason ?? '', message: c.message ?? '' };
    if (c.type === 'SuccessCriteriaMet') return { type: 'Complete', reason: c.reason ?? '', message: c.message ?? '' };
  }
  return undefined;
}

function newCondition(type: string, f: Finished, ctx: K8sContext): JobCondition {
  const t = ctx.clock.timestamp();
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: f.reason, message: f.message };
}

/** `pastBackoffLimitOnFailure`: with restartPolicy OnFailure, container restarts count against backoffLimit. */
function pastBackoffLimitOnFailure(job: JobObj, active: PodObj[]): boolean {
  if (job.spec?.template.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of active) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Deletes one of the Job's pods with the controller's event. */
export function deletePod(ctx: K8sContext, job: JobObj, pod: PodObj): void {
  const res = ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name);
  if (res.ok) ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
}

import type { JobCondition } from 'kubernetes-types/batch/v1';
import type { K8sContext } from '../context';
import { getPodsToDelete } from '../replicaset/getPodsToDelete';
import { SlowStartInitialBatchSize, slowStartBatch } from '../replicaset/slowStartBatch';
import type { PodObj } from '../replicaset/podTally';
import { getRemainingTime } from './backoff';
import { firstPendingIndexes, getCompletionIndex } from './indexes';
import { deletePod, type JobCtx } from './jobController';
import { jobPodFromTemplate } from './jobPods';

/** `MaxPodCreateDeletePerSync`. */
export const MaxPodCreateDeletePerSync = 500;

/**
 * `manageJob`: suspends or resumes the Job (Suspended condition and
 * events), deletes pods beyond the wanted number, and creates missing
 * ones in slow-start batches once the failure back-off has passed.
 */
export function manageJob(jctx: JobCtx, ctx: K8sContext, conditions: JobCondition[]): { conditions: JobCondition[]; resumed: boolean } {
  const { job } = jctx;
  const spec = job.spec!;
  const key = `${job.metadata.namespace}/${job.metadata.name}`;
  const suspendedCond = conditions.find((c) => c.type === 'Suspended');
  if (spec.suspend) {
    for (const pod of jctx.active) deletePod(ctx, job, pod);
    if (suspendedCond?.status !== 'True') {
      ctx.event(job, 'Normal', 'Suspended', 'Job suspended');
      return { conditions: setSuspended(conditions, 'True', 'JobSuspended', 'Job suspended', ctx), resumed: false };
    }
    return { conditions, resumed: false };
  }
  let resumed = false;
  if (suspendedCond?.status === 'True') {
    ctx.event(job, 'Normal', 'Resumed', 'Job resumed');
    conditions = setSuspended(conditions, 'False', 'JobResumed', 'Job resumed', ctx);
    resumed = true;
  }
  const active = jctx.active.length;
  const parallelism = spec.parallelism ?? 1;
  const completions = spec.completions ?? undefined;
  let wantActive: number;
  if (completions === undefined || completions === null) wantActive = jctx.succeeded > 0 ? active : parallelism;
  else wantActive = Math.max(0, Math.min(parallelism, completions - jctx.succeeded));
  if (active > wantActive) {
    const victims = getPodsToDelete(jctx.active, jctx.active, Math.min(active - wantActive, MaxPodCreateDeletePerSync), ctx.clock.now());
    for (const pod of victims) deletePod(ctx, job, pod);
    return { conditions, resumed };
  }
  const terminating = jctx.pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded').length;
  let diff = wantActive - active - (spec.podReplacementPolicy === 'Failed' ? terminating : 0);
  if (diff <= 0) return { conditions, resumed };
  const remaining = getRemainingTime(jctx.backoff, ctx.clock.now());
  if (remaining > 0) {
    ctx.note(`Job ${job.metadata.name}: back-off ${Math.round(remaining / 1000)}s before re-creating failed pods`, key);
    ctx.wakeAfter(key, remaining);
    return { conditions, resumed };
  }
  diff = Math.min(diff, MaxPodCreateDeletePerSync);
  let indexes: number[] | undefined;
  if (spec.completionMode === 'Indexed') {
    const running = new Set<number>();
    for (const p of jctx.pods) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      const i = getCompletionIndex(p.metadata.annotations, completions ?? 0);
      if (i !== undefined) running.add(i);
    }
    indexes = firstPendingIndexes(jctx.succeededIndexes, running, diff, completions ?? 0);
    diff = indexes.length;
  }
  let n = 0;
  const { error } = slowStartBatch(diff, SlowStartInitialBatchSize, () => {
    const res = ctx.api.create<PodObj>(jobPodFromTemplate(job, indexes?.[n++]), { trusted: true });
    if (!res.ok) return res.status.message;
    ctx.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${res.object.metadata.name}`);
    return undefined;
  });
  if (error !== undefined) {
    ctx.event(job, 'Warning', 'FailedCreate', `Error creating: ${error}`);
    ctx.wakeAfter(key, 1000);
  }
  return { conditions, resumed };
}

function setSuspended(conditions: JobCondition[], status: 'True' | 'False', reason: string, message: string, ctx: K8sContext): JobCondition[] {
  const t = ctx.clock.timestamp();
  const cond: JobCondition = { type: 'Suspended', status, lastProbeTime: t, lastTransitionTime: t, reason, message };
  const i = conditions.findIndex((c) => c.type === 'Suspended');
  return i < 0 ? [...conditions, cond] : conditions.map((c, j) => (j === i ? cond : c));
}

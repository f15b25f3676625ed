import { parseTimestamp } from '../../../engine/clock';
import type { K8sController } from '../context';
import { jobFinishedCondition } from './jobController';
import type { JobObj } from './jobPods';

/**
 * The TTL-after-finished controller (`pkg/controller/ttlafterfinished`):
 * deletes a finished Job (its pods go with it, foreground) once
 * `ttlSecondsAfterFinished` have passed since it finished.
 */
export function createTTLAfterFinishedController(): K8sController {
  return {
    name: 'ttl-after-finished-controller',
    watches: [{ resource: 'jobs.batch', map: (e) => (e.type === 'DELETED' ? [] : e.key) }],
    reconcile(key, ctx) {
      const job = ctx.store.get<JobObj>('jobs.batch', key);
      const ttl = job?.spec?.ttlSecondsAfterFinished;
      if (!job || ttl === undefined || ttl === null || job.metadata.deletionTimestamp) return 0;
      const cond = jobFinishedCondition(job);
      if (!cond) return 0;
      const finishedAt = parseTimestamp(job.status?.completionTime ?? cond.lastTransitionTime) ?? ctx.clock.now();
      const expireAt = finishedAt + ttl * 1000;
      if (ctx.clock.now() < expireAt) {
        ctx.wakeAt(key, expireAt);
        return 0;
      }
      ctx.api.delete('jobs.batch', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Foreground', preconditionUid: job.metadata.uid });
      ctx.note(`deleted Job ${job.metadata.name} ${ttl}s after it finished`, key);
      return 0;
    },
  };
}

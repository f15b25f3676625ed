import { defaultPodTemplate } from './podDefaults';

/**
 * batch/v1 defaults (`pkg/apis/batch/v1/defaults.go`): Job and CronJob.
 * Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const unset = (v: unknown) => v === undefined || v === null;

function specOf(obj: Obj): Obj {
  if (!isObj(obj.spec)) obj.spec = {};
  return obj.spec as Obj;
}

/** SetDefaults_Job applied to a JobSpec: completions/parallelism 1, backoffLimit 6, NonIndexed, not suspended. */
export function defaultJobSpec(spec: Obj): void {
  if (unset(spec.completions) && unset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (unset(spec.parallelism)) spec.parallelism = 1;
  if (unset(spec.backoffLimit)) spec.backoffLimit = unset(spec.backoffLimitPerIndex) ? 6 : 2147483647;
  if (!spec.completionMode) spec.completionMode = 'NonIndexed';
  if (unset(spec.suspend)) spec.suspend = false;
  if (!spec.podReplacementPolicy) spec.podReplacementPolicy = isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  if (isObj(spec.podFailurePolicy) && Array.isArray(spec.podFailurePolicy.rules)) {
    for (const rule of spec.podFailurePolicy.rules) {
      if (!isObj(rule) || !Array.isArray(rule.onPodConditions)) continue;
      for (const c of rule.onPodConditions) if (isObj(c) && !c.status) c.status = 'True';
    }
  }
  defaultPodTemplate(spec.template);
}

/** SetDefaults_Job. */
export function defaultJob(obj: Obj): void {
  defaultJobSpec(specOf(obj));
}

/** SetDefaults_CronJob: Allow, not suspended, keep 3 successful and 1 failed Jobs. */
export function defaultCronJob(obj: Obj): void {
  const spec = specOf(obj);
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (unset(spec.suspend)) spec.suspend = false;
  if (unset(spec.successfulJobsHistoryLimit)) spec.successfulJobsHistoryLimit = 3;
  if (unset(spec.failedJobsHistoryLimit)) spec.failedJobsHistoryLimit = 1;
  if (isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec)) defaultPodTemplate(spec.jobTemplate.spec.template);
}

import type { KubeObject } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The Job strategy's `generateSelector` (`pkg/registry/batch/job/strategy.go`):
 * unless `spec.manualSelector` is true, the pod template gets the labels
 * `batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name`,
 * `controller-uid` and `job-name`, and the selector matches the job's uid.
 * Returns a new object; `uid` is the one the Job is about to get.
 */
export function generateJobSelector(job: KubeObject, uid: string): KubeObject {
  const spec = isObj(job.spec) ? job.spec : {};
  if (spec.manualSelector === true) return job;
  const template = isObj(spec.template) ? spec.template : {};
  const meta = isObj(template.metadata) ? template.metadata : {};
  const labels: Record<string, string> = { ...(isObj(meta.labels) ? (meta.labels as Record<string, string>) : {}) };
  const name = job.metadata.name;
  labels['controller-uid'] ??= uid;
  labels['job-name'] ??= name;
  labels['batch.kubernetes.io/job-name'] ??= name;
  labels['batch.kubernetes.io/controller-uid'] ??= uid;
  const selector = isObj(spec.selector) ? spec.selector : {};
  const matchLabels = { ...(isObj(selector.matchLabels) ? (selector.matchLabels as Record<string, string>) : {}) };
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
  return { ...job, spec: { ...spec, selector: { ...selector, matchLabels }, template: { ...template, metadata: { ...meta, labels } } } };
}

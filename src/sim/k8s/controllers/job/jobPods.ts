import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/types';
import { newControllerRef } from '../controllerRefManager';
import { defaultedPodSpec } from '../workloadPods';
import { JobCompletionIndexAnnotation } from './indexes';

export type JobObj = Stored<Job>;

/** The env var every container of an Indexed Job's pod gets. */
const indexEnv = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${JobCompletionIndexAnnotation}']` } } };

function withIndexEnv(c: Container): Container {
  if (c.env?.some((e) => e.name === 'JOB_COMPLETION_INDEX')) return c;
  return { ...c, env: [...(c.env ?? []), indexEnv] };
}

/**
 * `GetPodFromTemplate` as the Job controller uses it: `<job>-<random>`, or
 * for Indexed Jobs `<job>-<index>-<random>` with the completion-index
 * annotation and label, hostname `<job>-<index>` and `JOB_COMPLETION_INDEX`.
 */
export function jobPodFromTemplate(job: JobObj, index?: number): KubeObject {
  const tpl = job.spec!.template;
  const name = job.metadata.name;
  const labels = { ...tpl.metadata?.labels };
  const annotations = { ...tpl.metadata?.annotations };
  let spec: PodSpec = defaultedPodSpec(tpl.spec!);
  if (index !== undefined) {
    annotations[JobCompletionIndexAnnotation] = String(index);
    labels[JobCompletionIndexAnnotation] = String(index);
    spec = { ...spec, hostname: spec.hostname ?? `${name}-${index}`, containers: spec.containers.map(withIndexEnv) };
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(withIndexEnv);
  }
  const meta: KubeObject['metadata'] = {
    name: '',
    generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
    namespace: job.metadata.namespace,
    labels,
    ownerReferences: [newControllerRef(job)],
  };
  if (Object.keys(annotations).length) meta.annotations = annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

import type { HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';

/** `ValidateHorizontalPodAutoscalerSpec` (`pkg/apis/autoscaling/validation`): the rules a learner meets. */
export function validateHorizontalPodAutoscaler(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as HorizontalPodAutoscalerSpec;
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min !== undefined && min < 1) errs.push(fieldError.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  // Two separate checks upstream: a missing maxReplicas (0) fails both when minReplicas is set (it is, by defaulting).
  if (max < 1) errs.push(fieldError.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(fieldError.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = spec.scaleTargetRef;
  if (!ref?.kind) errs.push(fieldError.required('spec.scaleTargetRef.kind', ''));
  if (!ref?.name) errs.push(fieldError.required('spec.scaleTargetRef.name', ''));
  (spec.metrics ?? []).forEach((m, i) => {
    const path = `spec.metrics[${i}]`;
    if (m.type === 'Resource') {
      const t = m.resource?.target;
      if (!m.resource?.name) errs.push(fieldError.required(`${path}.resource.name`, ''));
      if (t?.type === 'Utilization' && (t.averageUtilization === undefined || t.averageUtilization < 1)) errs.push(fieldError.invalid(`${path}.resource.target.averageUtilization`, t.averageUtilization ?? 0, 'must be greater than 0'));
    }
  });
  return errs;
}

import type { HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';

/** `ValidateHorizontalPodAutoscalerSpec` (`pkg/apis/autoscaling/validation`): the rules a learner meets. */
export function validateHorizontalPodAutoscaler(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as HorizontalPodAutoscalerSpec;
  const errs: FieldError[] = [];
  const min = spec.minReplicas ?? 1;
  if (min < 1) errs.push(fieldError.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (!spec.maxReplicas || spec.maxReplicas < 1) errs.push(fieldError.invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than or equal to 1'));
  else if (spec.maxReplicas < min) errs.push(fieldError.invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
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

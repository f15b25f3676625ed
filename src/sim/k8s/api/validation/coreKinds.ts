import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';
import { validateNonnegative } from './objectMeta';

/** Spec checks of the small core kinds: Namespace, Node, Lease (coordination.k8s.io). */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `ValidateNamespace`: finalizers must be qualified names. */
export function validateNamespaceSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  (Array.isArray(spec.finalizers) ? spec.finalizers : []).forEach((f) => {
    if (typeof f !== 'string' || (!f.includes('/') && f !== 'kubernetes')) {
      errs.push(fieldError.invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** `ValidateNode`: taints have a key and a known effect. */
export function validateNodeSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  (Array.isArray(spec.taints) ? spec.taints : []).forEach((t: unknown, i) => {
    const taint = isObj(t) ? t : {};
    if (!taint.key) errs.push(fieldError.required(`spec.taints[${i}].key`, ''));
    const effect = typeof taint.effect === 'string' ? taint.effect : '';
    if (!effect) errs.push(fieldError.required(`spec.taints[${i}].effect`, ''));
    else if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) errs.push(fieldError.notSupported(`spec.taints[${i}].effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  });
  return errs;
}

/** `ValidateLeaseSpec`. */
export function validateLeaseSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) errs.push(fieldError.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  errs.push(...validateNonnegative(spec.leaseTransitions, 'spec.leaseTransitions'));
  return errs;
}


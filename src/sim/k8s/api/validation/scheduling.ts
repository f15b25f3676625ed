import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';
import { FIELD_IMMUTABLE } from './objectMeta';

/**
 * scheduling.k8s.io/v1 validation (`pkg/apis/scheduling/validation/validation.go`):
 * `ValidatePriorityClass` and `ValidatePriorityClassUpdate`.
 */

/** `HighestUserDefinablePriority`. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

/** The built-in classes the API server creates at start-up (`SystemPriorityClasses`). */
export const SYSTEM_PRIORITY_CLASS_VALUES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** `IsKnownSystemPriorityClass`. */
function knownSystemClass(name: string, value: number, globalDefault: boolean): string | undefined {
  const want = SYSTEM_PRIORITY_CLASS_VALUES[name];
  if (want === undefined) return `${name} is not a known system priority class`;
  if (want !== value) return `value of ${name} PriorityClass must be ${want}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** `ValidatePriorityClass`: `system-` names are reserved; user values stay at or below one billion. */
export function validatePriorityClass(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name;
  const value = Number(obj.value ?? 0);
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = knownSystemClass(name, value, obj.globalDefault === true);
    if (why) errs.push(fieldError.forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(fieldError.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (obj.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(String(obj.preemptionPolicy))) {
    errs.push(fieldError.notSupported('preemptionPolicy', obj.preemptionPolicy, PREEMPTION_POLICIES));
  }
  return errs;
}

/** `ValidatePriorityClassUpdate`: value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (Number(obj.value ?? 0) !== Number(old.value ?? 0)) errs.push(fieldError.forbidden('value', 'may not be changed in an update.'));
  if (obj.preemptionPolicy !== old.preemptionPolicy) errs.push(fieldError.invalid('preemptionPolicy', obj.preemptionPolicy, FIELD_IMMUTABLE));
  return errs;
}

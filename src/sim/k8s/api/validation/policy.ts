import type { PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goQuote } from '../goValue';
import type { KubeObject } from '../types';
import { validateLabelSelector } from './labelSelector';
import { isValidPercent } from './names';
import { IS_NEGATIVE } from './objectMeta';

/**
 * policy/v1 validation (`pkg/apis/policy/validation/validation.go`):
 * `ValidatePodDisruptionBudgetSpec`. The spec is mutable in policy/v1.
 */

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** `%#v` of an intstr.IntOrString value (its String() has a pointer receiver, so field errors print the struct). */
const goIntOrString = (v: unknown) =>
  new GoLiteral(typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}` : `intstr.IntOrString{Type:0, IntVal:${Number(v ?? 0)}, StrVal:""}`);

/** `%#v` of the spec, as `field.Invalid(fldPath, spec, …)` prints it (pointers as addresses). */
function goSpec(spec: PodDisruptionBudgetSpec): GoLiteral {
  const ptr = (set: boolean, type: string, addr: string) => (set ? `(${type})(${addr})` : `(${type})(nil)`);
  return new GoLiteral(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr(spec.minAvailable !== undefined, '*intstr.IntOrString', '0xc000b3e0a0')}, ` +
      `Selector:${ptr(!!spec.selector, '*v1.LabelSelector', '0xc000c1a2d0')}, ` +
      `MaxUnavailable:${ptr(spec.maxUnavailable !== undefined, '*intstr.IntOrString', '0xc000b3e0c0')}, ` +
      `UnhealthyPodEvictionPolicy:${ptr(spec.unhealthyPodEvictionPolicy !== undefined, '*policy.UnhealthyPodEvictionPolicyType', '0xc000d4e5f0')}}`,
  );
}

/** `ValidatePositiveIntOrPercent` then `IsNotMoreThan100Percent`. */
function validateIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    const errs = isValidPercent(v).map((msg) => fieldError.invalid(path, goIntOrString(v), msg));
    if (errs.length === 0 && Number(v.slice(0, -1)) > 100) errs.push(fieldError.invalid(path, goIntOrString(v), 'must not be greater than 100%'));
    return errs;
  }
  if (typeof v === 'number' && v < 0) return [fieldError.invalid(path, v, IS_NEGATIVE)];
  return [];
}

/** `ValidatePodDisruptionBudgetSpec`. */
export function validatePodDisruptionBudget(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as PodDisruptionBudgetSpec;
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(fieldError.invalid('spec', goSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
  if (spec.maxUnavailable !== undefined) errs.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec.unhealthyPodEvictionPolicy !== undefined && !UNHEALTHY_POD_EVICTION_POLICIES.includes(spec.unhealthyPodEvictionPolicy)) {
    errs.push(fieldError.notSupported('spec.unhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goStringMap } from '../goValue';
import { labelSelectorMatches } from '../selectors';
import type { KubeObject } from '../types';
import { goLabelSelector, selectorsEqual, validateLabelSelector } from './labelSelector';
import { isValidPercent } from './names';
import { FIELD_IMMUTABLE, IS_NEGATIVE, validateNonnegative } from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';

/**
 * apps/v1 validation (`pkg/apis/apps/validation/validation.go`): Deployment
 * and ReplicaSet specs, their pod templates, rolling-update parameters, and
 * the strategies' immutable selector.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `%v` of an intstr.IntOrString (its String() method). */
const goIntOrString = (v: unknown) => new GoLiteral(String(v ?? 0));

function percentValue(v: unknown): { value: number; percent: boolean } {
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return { value: Number(v.slice(0, -1)), percent: true };
  return { value: typeof v === 'number' ? v : 0, percent: false };
}

/** `ValidatePositiveIntOrPercent`. */
function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => fieldError.invalid(path, goIntOrString(v), msg));
  if (typeof v === 'number' && v < 0) return [fieldError.invalid(path, v, IS_NEGATIVE)];
  return [];
}

/** `ValidateRollingUpdateDeployment`. */
function validateRollingUpdate(ru: Obj, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`);
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`));
  if (percentValue(ru.maxUnavailable).value === 0 && percentValue(ru.maxSurge).value === 0) {
    errs.push(fieldError.invalid(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  const mu = percentValue(ru.maxUnavailable);
  if (mu.percent && mu.value > 100) errs.push(fieldError.invalid(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'));
  return errs;
}

/** `ValidateDeploymentStrategy`. */
function validateStrategy(strategy: unknown, path: string): FieldError[] {
  const s = isObj(strategy) ? strategy : {};
  if (s.type === 'Recreate') {
    return isObj(s.rollingUpdate) ? [fieldError.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type === 'RollingUpdate') {
    if (!isObj(s.rollingUpdate)) return [fieldError.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    return validateRollingUpdate(s.rollingUpdate, `${path}.rollingUpdate`);
  }
  const ru = isObj(s.rollingUpdate) ? '(*apps.RollingUpdateDeployment)(0xc000a1b2c0)' : '(*apps.RollingUpdateDeployment)(nil)';
  return [fieldError.notSupported(path, new GoLiteral(`apps.DeploymentStrategy{Type:${JSON.stringify(String(s.type ?? ''))}, RollingUpdate:${ru}}`), ['Recreate', 'RollingUpdate'])];
}

/** Selector checks shared by Deployment and ReplicaSet, then `ValidatePodTemplateSpecForReplicaSet`. */
function validateSelectorAndTemplate(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const selector = isObj(spec.selector) ? (spec.selector as LabelSelector) : undefined;
  if (!selector) errs.push(fieldError.required(`${path}.selector`, ''));
  else {
    errs.push(...validateLabelSelector(selector, `${path}.selector`));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(fieldError.invalid(`${path}.selector`, goLabelSelector(selector), 'empty selector is invalid for deployment'));
    }
  }
  const template = isObj(spec.template) ? spec.template : undefined;
  if (!template) return [...errs, fieldError.required(`${path}.template`, '')];
  const labels = (isObj(template.metadata) ? template.metadata.labels : undefined) as Record<string, string> | undefined;
  // A nil selector selects nothing; an empty one everything (LabelSelectorAsSelector).
  const selectsEverything = selector && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  if (!selectsEverything && !labelSelectorMatches(selector, labels)) {
    errs.push(fieldError.invalid(`${path}.template.metadata.labels`, new GoLiteral(goStringMap(labels)), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const podSpec = isObj(template.spec) ? template.spec : {};
  if (podSpec.restartPolicy !== 'Always') errs.push(fieldError.notSupported(`${path}.template.spec.restartPolicy`, podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldError.invalid(`${path}.template.spec.activeDeadlineSeconds`, podSpec.activeDeadlineSeconds, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** `ValidateDeploymentSpec`. */
export function validateDeploymentSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = validateNonnegative(spec.replicas, 'spec.replicas');
  errs.push(...validateSelectorAndTemplate(spec, 'spec'));
  errs.push(...validateStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...validateNonnegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady) errs.push(fieldError.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** `ValidateReplicaSetSpec`. */
export function validateReplicaSetSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = validateNonnegative(spec.replicas, 'spec.replicas');
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(spec, 'spec'));
  return errs;
}

/** The apps/v1 strategies' `ValidateUpdate`: `spec.selector` may not change. */
export function validateSelectorImmutable(obj: KubeObject, old: KubeObject): FieldError[] {
  const sel = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
  const oldSel = (old.spec as { selector?: LabelSelector } | undefined)?.selector;
  return selectorsEqual(sel, oldSel) ? [] : [fieldError.invalid('spec.selector', goLabelSelector(sel), FIELD_IMMUTABLE)];
}

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goStringMap } from '../goValue';
import { labelSelectorMatches } from '../selectors';
import type { KubeObject } from '../types';
import { goLabelSelector, validateLabelSelector } from './labelSelector';
import { isValidPercent } from './names';
import { IS_NEGATIVE, validateNonnegative } from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';

/**
 * apps/v1 validation of DaemonSet and StatefulSet
 * (`ValidateDaemonSetSpec`, `ValidateStatefulSetSpec`, `ValidateStatefulSetUpdate`).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const goIntOrString = (v: unknown) => new GoLiteral(String(v ?? 0));

/** Selector present, non-empty and matching the template labels; template valid with restartPolicy Always. */
export function validateSelectorAndTemplate(spec: Obj, path: string, kindName: string): FieldError[] {
  const errs: FieldError[] = [];
  const selector = isObj(spec.selector) ? (spec.selector as LabelSelector) : undefined;
  if (!selector) errs.push(fieldError.required(`${path}.selector`, ''));
  else {
    errs.push(...validateLabelSelector(selector, `${path}.selector`));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(fieldError.invalid(`${path}.selector`, goLabelSelector(selector), `empty selector is invalid for ${kindName}`));
    }
  }
  const template = isObj(spec.template) ? spec.template : undefined;
  if (!template) return [...errs, fieldError.required(`${path}.template`, '')];
  const labels = (isObj(template.metadata) ? template.metadata.labels : undefined) as Record<string, string> | undefined;
  if (selector && !labelSelectorMatches(selector, labels)) {
    errs.push(fieldError.invalid(`${path}.template.metadata.labels`, new GoLiteral(goStringMap(labels)), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const podSpec = isObj(template.spec) ? template.spec : {};
  if (podSpec.restartPolicy !== 'Always') errs.push(fieldError.notSupported(`${path}.template.spec.restartPolicy`, podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldError.forbidden(`${path}.template.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in ' + kindName + ' is not Supported'));
  }
  return errs;
}

function intOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => fieldError.invalid(path, goIntOrString(v), msg));
  if (typeof v === 'number' && v < 0) return [fieldError.invalid(path, v, IS_NEGATIVE)];
  return [];
}

const isZero = (v: unknown) => v === 0 || v === '0%' || v === undefined || v === null;

/** `ValidateDaemonSetSpec`. */
export function validateDaemonSetSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = validateSelectorAndTemplate(spec, 'spec', 'daemonset');
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const s = isObj(spec.updateStrategy) ? spec.updateStrategy : {};
  if (s.type === 'RollingUpdate') {
    const ru = isObj(s.rollingUpdate) ? s.rollingUpdate : {};
    errs.push(...intOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
    errs.push(...intOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'));
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
      errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
  } else if (s.type !== 'OnDelete') {
    errs.push(fieldError.notSupported('spec.updateStrategy', s.type ?? '', ['OnDelete', 'RollingUpdate']));
  }
  return errs;
}

/** The spec with each volumeClaimTemplate as a pod volume, as the pods will have them (mounts may name them). */
function withClaimVolumes(spec: Obj): Obj {
  const claims = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.filter(isObj) : [];
  const template = isObj(spec.template) ? spec.template : undefined;
  if (!claims.length || !template || !isObj(template.spec)) return spec;
  const names = claims.map((c) => (isObj(c.metadata) ? String(c.metadata.name ?? '') : ''));
  const volumes = [...(Array.isArray(template.spec.volumes) ? template.spec.volumes : [])];
  for (const name of names) if (name && !volumes.some((v) => isObj(v) && v.name === name)) volumes.push({ name, persistentVolumeClaim: { claimName: name } });
  return { ...spec, template: { ...template, spec: { ...template.spec, volumes } } };
}

/** `ValidateStatefulSetSpec`. */
export function validateStatefulSetSpec(obj: KubeObject): FieldError[] {
  const spec = withClaimVolumes(isObj(obj.spec) ? obj.spec : {});
  const errs: FieldError[] = [];
  if (spec.podManagementPolicy !== 'OrderedReady' && spec.podManagementPolicy !== 'Parallel') {
    errs.push(fieldError.notSupported('spec.podManagementPolicy', spec.podManagementPolicy ?? '', ['OrderedReady', 'Parallel']));
  }
  const s = isObj(spec.updateStrategy) ? spec.updateStrategy : {};
  if (s.type === 'RollingUpdate') {
    const ru = isObj(s.rollingUpdate) ? s.rollingUpdate : {};
    errs.push(...validateNonnegative(ru.partition, 'spec.updateStrategy.rollingUpdate.partition'));
  } else if (s.type === 'OnDelete') {
    if (isObj(s.rollingUpdate)) errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate', new GoLiteral('{}'), 'only allowed for updateStrategy \'RollingUpdate\''));
  } else errs.push(fieldError.notSupported('spec.updateStrategy.type', s.type ?? '', ['OnDelete', 'RollingUpdate']));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelectorAndTemplate(spec, 'spec', 'statefulset'));
  return errs;
}

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** `ValidateStatefulSetUpdate`: only some spec fields may change. */
export function validateStatefulSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const strip = (spec: unknown) => {
    const o = { ...(isObj(spec) ? spec : {}) };
    for (const k of STS_MUTABLE) delete o[k];
    return canonical(o);
  };
  if (strip(obj.spec) === strip(old.spec)) return [];
  return [fieldError.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}

function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (!isObj(x)) return x;
    const out: Obj = {};
    for (const k of Object.keys(x).sort()) out[k] = norm(x[k]);
    return out;
  };
  return JSON.stringify(norm(v));
}

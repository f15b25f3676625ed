import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { isValidTimeZone, parseStandard } from '../../controllers/cronjob/cronSchedule';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goStringMap } from '../goValue';
import { labelSelectorMatches } from '../selectors';
import type { KubeObject } from '../types';
import { goLabelSelector, selectorsEqual, validateLabelSelector } from './labelSelector';
import { FIELD_IMMUTABLE, validateNonnegative } from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';

/**
 * batch/v1 validation (`pkg/apis/batch/validation/validation.go`): Job and
 * CronJob specs, the job template, the cron schedule and time zone.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `validateJobSpec` (selector checks only for Jobs, not templates). */
function validateJobSpec(spec: Obj, path: string, isTemplate: boolean): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(spec.parallelism, `${path}.parallelism`));
  errs.push(...validateNonnegative(spec.completions, `${path}.completions`));
  errs.push(...validateNonnegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errs.push(...validateNonnegative(spec.backoffLimit, `${path}.backoffLimit`));
  errs.push(...validateNonnegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== null && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errs.push(fieldError.notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed') {
    if (spec.completions === undefined || spec.completions === null) errs.push(fieldError.required(`${path}.completions`, 'when completion mode is Indexed'));
    else if (typeof spec.completions === 'number' && spec.completions > 100000) errs.push(fieldError.invalid(`${path}.completions`, spec.completions, 'must be less than or equal to 100000 when completion mode is Indexed'));
  }
  const template = isObj(spec.template) ? spec.template : undefined;
  if (!isTemplate) {
    const selector = isObj(spec.selector) ? (spec.selector as LabelSelector) : undefined;
    // Without manualSelector the API server generates the selector before validating (generateSelector).
    if (!selector) {
      if (spec.manualSelector === true) errs.push(fieldError.required(`${path}.selector`, ''));
    }
    else {
      errs.push(...validateLabelSelector(selector, `${path}.selector`));
      const labels = (isObj(template?.metadata) ? template.metadata.labels : undefined) as Record<string, string> | undefined;
      if (template && !labelSelectorMatches(selector, labels)) {
        errs.push(fieldError.invalid(`${path}.template.metadata.labels`, new GoLiteral(goStringMap(labels)), '`selector` does not match template `labels`'));
      }
    }
  }
  if (!template) return [...errs, fieldError.required(`${path}.template`, '')];
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const podSpec = isObj(template.spec) ? template.spec : {};
  if (podSpec.restartPolicy !== 'OnFailure' && podSpec.restartPolicy !== 'Never') {
    errs.push(fieldError.notSupported(`${path}.template.spec.restartPolicy`, podSpec.restartPolicy ?? '', ['OnFailure', 'Never']));
  }
  errs.push(...validatePodFailurePolicy(spec, path, podSpec.restartPolicy));
  return errs;
}

function validatePodFailurePolicy(spec: Obj, path: string, restartPolicy: unknown): FieldError[] {
  const pfp = isObj(spec.podFailurePolicy) ? spec.podFailurePolicy : undefined;
  if (!pfp) return [];
  const errs: FieldError[] = [];
  if (restartPolicy !== 'Never') errs.push(fieldError.invalid(`${path}.template.spec.restartPolicy`, restartPolicy ?? '', 'only "Never" is supported when podFailurePolicy is specified'));
  const rules = Array.isArray(pfp.rules) ? pfp.rules : [];
  rules.forEach((rule, i) => {
    const rp = `${path}.podFailurePolicy.rules[${i}]`;
    if (!isObj(rule)) return;
    if (!['FailJob', 'FailIndex', 'Ignore', 'Count'].includes(String(rule.action))) {
      errs.push(fieldError.notSupported(`${rp}.action`, rule.action ?? '', ['Count', 'FailIndex', 'FailJob', 'Ignore']));
    }
    const hasExit = isObj(rule.onExitCodes);
    const hasCond = Array.isArray(rule.onPodConditions) && rule.onPodConditions.length > 0;
    if (hasExit && hasCond) errs.push(fieldError.invalid(rp, new GoLiteral('batch.PodFailurePolicyRule{...}'), 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!hasExit && !hasCond) errs.push(fieldError.invalid(rp, new GoLiteral('batch.PodFailurePolicyRule{...}'), 'specifying one of OnExitCodes and OnPodConditions is required'));
    if (hasExit) {
      const ec = rule.onExitCodes as Obj;
      if (ec.operator !== 'In' && ec.operator !== 'NotIn') errs.push(fieldError.notSupported(`${rp}.onExitCodes.operator`, ec.operator ?? '', ['In', 'NotIn']));
      if (!Array.isArray(ec.values) || ec.values.length === 0) errs.push(fieldError.invalid(`${rp}.onExitCodes.values`, new GoLiteral('[]int32{}'), 'at least one value is required'));
      else if (ec.operator === 'In' && ec.values.includes(0)) errs.push(fieldError.invalid(`${rp}.onExitCodes.values[${ec.values.indexOf(0)}]`, 0, 'must not be 0 for the In operator'));
    }
  });
  return errs;
}

/** `ValidateJob`. */
export function validateJob(obj: KubeObject): FieldError[] {
  return validateJobSpec(isObj(obj.spec) ? obj.spec : {}, 'spec', false);
}

/** `ValidateJobUpdate`: selector, template (unless suspended) and completions (NonIndexed) are immutable. */
export function validateJobUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = (isObj(obj.spec) ? obj.spec : {}) as Obj;
  const oldSpec = (isObj(old.spec) ? old.spec : {}) as Obj;
  const errs: FieldError[] = [];
  if (!selectorsEqual(spec.selector as LabelSelector, oldSpec.selector as LabelSelector)) errs.push(fieldError.invalid('spec.selector', goLabelSelector(spec.selector as LabelSelector), FIELD_IMMUTABLE));
  const suspendedNeverStarted = oldSpec.suspend === true && !(old.status as { startTime?: string } | undefined)?.startTime;
  if (!suspendedNeverStarted && JSON.stringify(canon(spec.template)) !== JSON.stringify(canon(oldSpec.template))) {
    errs.push(fieldError.invalid('spec.template', new GoLiteral('core.PodTemplateSpec{...}'), FIELD_IMMUTABLE));
  }
  if (spec.completions !== oldSpec.completions && spec.completionMode !== 'Indexed') errs.push(fieldError.invalid('spec.completions', spec.completions ?? new GoLiteral('nil'), FIELD_IMMUTABLE));
  if (spec.completionMode !== oldSpec.completionMode) errs.push(fieldError.invalid('spec.completionMode', spec.completionMode ?? '', FIELD_IMMUTABLE));
  return errs;
}

function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) out[k] = canon(v[k]);
  return out;
}

/** `validateCronJobSpec`: schedule, time zone, concurrency policy, limits, job template. */
export function validateCronJob(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (obj.metadata.name && obj.metadata.name.length > 52) errs.push(fieldError.invalid('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (!schedule) errs.push(fieldError.required('spec.schedule', ''));
  else {
    const parsed = parseStandard(schedule);
    if (!parsed.ok) errs.push(fieldError.invalid('spec.schedule', schedule, parsed.error));
    if (schedule.includes('TZ')) errs.push(fieldError.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  if (typeof spec.timeZone === 'string' && !isValidTimeZone(spec.timeZone)) {
    errs.push(fieldError.invalid('spec.timeZone', spec.timeZone, `unknown time zone ${spec.timeZone}`));
  }
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!['Allow', 'Forbid', 'Replace'].includes(String(spec.concurrencyPolicy))) {
    errs.push(fieldError.notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', ['Allow', 'Forbid', 'Replace']));
  }
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const jt = isObj(spec.jobTemplate) ? spec.jobTemplate : {};
  errs.push(...validateJobSpec(isObj(jt.spec) ? jt.spec : {}, 'spec.jobTemplate.spec', true));
  return errs;
}

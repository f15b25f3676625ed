import { parseQuantity } from '../../../../lib/quantity';
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';

/** ResourceQuota and LimitRange validation (`ValidateResourceQuota`, `ValidateLimitRange`), the common checks. */

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const QUANTITY_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'];
const LIMIT_TYPES = ['Container', 'PersistentVolumeClaim', 'Pod'];

function quantities(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(dict(list))) {
    const q = parseQuantity(v as string);
    if (!q) errs.push(fieldError.invalid(`${path}[${k}]`, v, QUANTITY_MSG));
    else if (q.value < 0) errs.push(fieldError.invalid(`${path}[${k}]`, v, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateResourceQuota(obj: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const errs = quantities(spec.hard, 'spec.hard');
  for (const s of Array.isArray(spec.scopes) ? spec.scopes : []) if (!SCOPES.includes(String(s))) errs.push(fieldError.notSupported('spec.scopes', s, SCOPES));
  return errs;
}

export function validateLimitRange(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const limits = dict(obj.spec).limits;
  (Array.isArray(limits) ? limits : []).forEach((raw, i) => {
    const item = dict(raw);
    const path = `spec.limits[${i}]`;
    if (!LIMIT_TYPES.includes(String(item.type))) errs.push(fieldError.notSupported(`${path}.type`, item.type, LIMIT_TYPES));
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) errs.push(...quantities(item[f], `${path}.${f}`));
    const min = dict(item.min);
    for (const [k, max] of Object.entries(dict(item.max))) {
      const lo = parseQuantity(String(min[k] ?? ''));
      const hi = parseQuantity(String(max));
      if (lo && hi && lo.value > hi.value) errs.push(fieldError.invalid(`${path}.min[${k}]`, min[k], `min value ${min[k]} is greater than max value ${max}`));
    }
  });
  return errs;
}

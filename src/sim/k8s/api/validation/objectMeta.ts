import { fieldError, type FieldError } from '../fieldErrors';
import type { ObjectMeta } from '../types';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameValidator } from './names';

/** `TotalAnnotationSizeLimitB`. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';

/** `ValidateLabels` (keys sorted, as Go's map order is random). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) errs.push(fieldError.invalid(path, k, msg));
    for (const msg of isValidLabelValue(String(labels![k]))) errs.push(fieldError.invalid(path, labels![k], msg));
  }
  return errs;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `ValidateAnnotations`: qualified keys (case-insensitive) and at most 256 KiB in total. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(path, k, msg));
    size += utf8Length(k) + utf8Length(String(annotations![k]));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldError.tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** `ValidateObjectMeta`: name (or generateName), namespace, generation, labels, annotations, finalizers. */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(fieldError.invalid(`${path}.generateName`, m.generateName, msg));
  if (!m.name) errs.push(fieldError.required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(fieldError.invalid(`${path}.name`, m.name, msg));
  if (namespaced) {
    if (!m.namespace) errs.push(fieldError.required(`${path}.namespace`, ''));
    else for (const msg of nameIsDNSLabel(m.namespace, false)) errs.push(fieldError.invalid(`${path}.namespace`, m.namespace, msg));
  } else if (m.namespace) errs.push(fieldError.forbidden(`${path}.namespace`, 'not allowed on this type'));
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(fieldError.invalid(`${path}.generation`, m.generation, IS_NEGATIVE));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  for (const f of m.finalizers ?? []) {
    for (const msg of isQualifiedName(f)) errs.push(fieldError.invalid(`${path}.finalizers`, f, msg));
  }
  return errs;
}

/** `ValidateObjectMetaUpdate`: identity fields may not change; the rest is validated as on create. */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  const immutable = (field: keyof ObjectMeta) => {
    if ((m[field] ?? '') !== (o[field] ?? '')) errs.push(fieldError.invalid(`${path}.${field}`, m[field] ?? '', FIELD_IMMUTABLE));
  };
  immutable('name');
  immutable('namespace');
  immutable('uid');
  immutable('creationTimestamp');
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(fieldError.invalid(`${path}.generation`, m.generation, IS_NEGATIVE));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  return errs;
}

/** `ValidateNonnegativeField`. */
export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldError.invalid(path, value, IS_NEGATIVE)] : [];
}

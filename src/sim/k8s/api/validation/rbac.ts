import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral } from '../goValue';
import type { KubeObject } from '../types';
import type { NameValidator } from './names';

/**
 * rbac.authorization.k8s.io/v1 validation (`pkg/apis/rbac/validation/validation.go`):
 * names are path segments (`system:basic-user` is a valid name), every rule
 * has verbs and either resources (with API groups) or, in a ClusterRole
 * only, non-resource URLs; a binding's roleRef names a Role or ClusterRole
 * of the RBAC group and never changes; subjects are users, groups or
 * service accounts.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** `ValidateRBACName` = `path.IsValidPathSegmentName` (a prefix may end anywhere). */
export const nameIsPathSegment: NameValidator = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

/** Go's `%#v` of a `[]string`, as field errors quote a list. */
function goStrings(v: unknown[]): GoLiteral {
  return new GoLiteral(`[]string{${v.map((s) => JSON.stringify(String(s))).join(', ')}}`);
}

/** `ValidatePolicyRule`. */
function validatePolicyRule(rule: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (list(rule.verbs).length === 0) errs.push(fieldError.required(`${path}.verbs`, 'verbs must contain at least one value'));
  const urls = list(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced) errs.push(fieldError.invalid(`${path}.nonResourceURLs`, goStrings(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (list(rule.apiGroups).length > 0 || list(rule.resources).length > 0 || list(rule.resourceNames).length > 0) {
      errs.push(fieldError.invalid(`${path}.nonResourceURLs`, goStrings(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (list(rule.apiGroups).length === 0) errs.push(fieldError.required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (list(rule.resources).length === 0) errs.push(fieldError.required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  return list((obj as Obj).rules).flatMap((r, i) => validatePolicyRule(isObj(r) ? r : {}, namespaced, `rules[${i}]`));
}

/** `ValidateRole`. */
export const validateRole = (obj: KubeObject): FieldError[] => validateRules(obj, true);

/** `ValidateClusterRole`: rules, and an aggregationRule with at least one selector. */
export function validateClusterRole(obj: KubeObject): FieldError[] {
  const errs = validateRules(obj, false);
  const agg = (obj as Obj).aggregationRule;
  if (isObj(agg) && list(agg.clusterRoleSelectors).length === 0) errs.push(fieldError.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
  return errs;
}

/** `ValidateRoleBindingSubject`. */
function validateSubject(s: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(s.name)) errs.push(fieldError.required(`${path}.name`, ''));
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.apiGroup !== undefined && s.apiGroup !== '') errs.push(fieldError.notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !str(s.namespace)) errs.push(fieldError.required(`${path}.namespace`, ''));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(fieldError.notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(fieldError.notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const o = obj as Obj;
  const ref = isObj(o.roleRef) ? o.roleRef : {};
  const errs: FieldError[] = [];
  if (ref.apiGroup !== RBAC_GROUP) errs.push(fieldError.notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(fieldError.notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!str(ref.name)) errs.push(fieldError.required('roleRef.name', ''));
  else for (const msg of nameIsPathSegment(str(ref.name), false)) errs.push(fieldError.invalid('roleRef.name', ref.name, msg));
  list(o.subjects).forEach((s, i) => errs.push(...validateSubject(isObj(s) ? s : {}, namespaced, `subjects[${i}]`)));
  return errs;
}

export const validateRoleBinding = (obj: KubeObject): FieldError[] => validateBinding(obj, true);
export const validateClusterRoleBinding = (obj: KubeObject): FieldError[] => validateBinding(obj, false);

/** `ValidateRoleBindingUpdate`: the roleRef is fixed once bound (delete and recreate to change it). */
export function validateBindingUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const ref = (obj as Obj).roleRef;
  const was = (old as Obj).roleRef;
  if (JSON.stringify(ref) === JSON.stringify(was)) return [];
  const r = isObj(ref) ? ref : {};
  return [fieldError.invalid('roleRef', new GoLiteral(`rbac.RoleRef{APIGroup:${JSON.stringify(str(r.apiGroup))}, Kind:${JSON.stringify(str(r.kind))}, Name:${JSON.stringify(str(r.name))}}`), 'cannot change roleRef')];
}

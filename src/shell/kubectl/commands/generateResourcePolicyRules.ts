import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { ResourceInfo } from '../../../sim/k8s/index';

/**
 * The rule-building half of `kubectl create role|clusterrole` (kubectl
 * `pkg/cmd/create/create_role.go`): `--resource` parsing, the REST mapper's
 * `ResourceFor` (short names expanded), validation and rule generation.
 * Pure: the registry's resources in, rules or an error sentence out.
 */

/** `ResourceOptions`: `--resource=resource.group/subresource` split up. */
export interface ResourceOption {
  group: string;
  resource: string;
  subResource: string;
}

/** A resource as the mapper resolved it. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** Verbs `create role` knows; others only warn. */
export const VALID_RESOURCE_VERBS: readonly string[] = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

/** Verbs that only make sense on some resources (`specialVerbs`). */
const SPECIAL_VERBS: Readonly<Record<string, readonly GroupResource[]>> = {
  use: [
    { group: 'policy', resource: 'podsecuritypolicies' },
    { group: 'extensions', resource: 'podsecuritypolicies' },
  ],
  bind: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  escalate: [
    { group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  impersonate: [
    { group: '', resource: 'users' },
    { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

/** An error of the rule checks: a plain sentence, or the mapper's no-match (printed without `error: `). */
export type RuleError = { type: 'message'; message: string } | { type: 'noMatch'; message: string };

/** Values in first-seen order without repeats (`arrayContains` loops). */
export function dedupe(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** `--verb` as Complete keeps it: repeats dropped, `*` alone once it appears. */
export function completeVerbs(values: readonly string[]): string[] {
  const verbs: string[] = [];
  for (const v of values) {
    if (v === '*') return ['*'];
    if (!verbs.includes(v)) verbs.push(v);
  }
  return verbs;
}

/** `--resource` values split into resource, group and subresource; a bare `*` replaces them all. */
export function parseResources(values: readonly string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const value of values) {
    const slash = value.indexOf('/');
    const section = slash < 0 ? value : value.slice(0, slash);
    const dot = section.indexOf('.');
    const option: ResourceOption = {
      resource: dot < 0 ? section : section.slice(0, dot),
      group: dot < 0 ? '' : section.slice(dot + 1),
      subResource: slash < 0 ? '' : value.slice(slash + 1),
    };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/**
 * `mapper.ResourceFor` behind kubectl's shortcut expander: an exact plural or
 * singular name stays, a short name expands (its group matched exactly, else
 * by prefix), then plural or singular is matched case-insensitively.
 */
export function resourceFor(all: readonly ResourceInfo[], wanted: GroupResource): GroupResource | undefined {
  let { group, resource } = wanted;
  const inGroup = (i: ResourceInfo) => group === '' || i.group === group;
  if (!all.some((i) => inGroup(i) && (i.resource === resource || i.singular === resource))) {
    const short = all.find((i) => inGroup(i) && i.shortNames.includes(resource)) ?? (group === '' ? undefined : all.find((i) => i.group.startsWith(group) && i.shortNames.includes(resource)));
    if (short) ({ group, resource } = short);
  }
  const lower = resource.toLowerCase();
  const found = all.find((i) => inGroup(i) && (i.resource === lower || i.singular === lower));
  return found ? { group: found.group, resource: found.resource } : undefined;
}

/** `cmdutil.CheckErr` of a `NoResourceMatchError`. */
function noMatch(r: GroupResource): RuleError {
  const inGroup = r.group ? ` in group "${r.group}"` : '';
  return { type: 'noMatch', message: `the server doesn't have a resource type "${r.resource}"${inGroup}` };
}

/** `validateResource`: each resource is served (or a special verb allows it); a bare `*` ends the checks. */
export function validateResources(all: readonly ResourceInfo[], verbs: readonly string[], resources: readonly ResourceOption[]): RuleError | undefined {
  for (const r of resources) {
    if (r.resource === '') return { type: 'message', message: 'resource must be specified if apiGroup/subresource specified' };
    if (r.resource === '*') return undefined;
    const mapped = resourceFor(all, r);
    const resource = mapped ?? { group: r.group, resource: r.resource };
    let failure = mapped ? undefined : noMatch(r);
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some((x) => x.group === resource.group && x.resource === resource.resource)) {
        return { type: 'message', message: `can not perform '${v}' on '${resource.resource}' in group '${resource.group}'` };
      }
      failure = undefined;
    }
    if (failure) return failure;
  }
  return undefined;
}

/** `generateResourcePolicyRules`: one rule per API group (groups sorted), then one for the non-resource URLs. */
export function generateResourcePolicyRules(all: readonly ResourceInfo[], verbs: string[], resources: readonly ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const mapped = resourceFor(all, r) ?? { group: r.group, resource: r.resource };
    const resource = r.subResource ? `${mapped.resource}/${r.subResource}` : mapped.resource;
    const list = byGroup.get(mapped.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(mapped.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((g) => ({ apiGroups: [g], resources: byGroup.get(g)!, verbs, ...(resourceNames.length ? { resourceNames } : {}) }));
  if (nonResourceURLs.length > 0) rules.push({ nonResourceURLs, verbs });
  return rules;
}

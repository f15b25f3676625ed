import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from './types';

/** Who makes a request: a user name and the groups the authenticator (or impersonation) gave it. */
export interface UserInfo {
  name: string;
  groups: readonly string[];
}

/** What a request asks (`authorizer.Attributes`): a resource request, or a `path` for a non-resource one. */
export interface RequestAttributes {
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** A non-resource URL (`/healthz`, `/version`): set instead of a resource. */
  path?: string;
}

export interface Decision {
  allowed: boolean;
  /** Why (`RBAC: allowed by …`), or the errors met on the way to "no" (a binding whose role is gone). */
  reason: string;
}

/** The group whose members the API server lets do anything before RBAC is asked (`system:masters`). */
export const SUPERUSER_GROUP = 'system:masters';

const SA_PREFIX = 'system:serviceaccount:';

/**
 * The user a name stands for when kubectl impersonates it (`--as`, `--as-group`):
 * a service account (`system:serviceaccount:NS:NAME`) is in `system:serviceaccounts`
 * and `system:serviceaccounts:NS`; everyone but anonymous is `system:authenticated`.
 */
export function impersonatedUser(name: string, groups: readonly string[] = []): UserInfo {
  const all = [...groups];
  if (name.startsWith(SA_PREFIX)) {
    const ns = name.slice(SA_PREFIX.length).split(':')[0];
    all.push('system:serviceaccounts', `system:serviceaccounts:${ns}`);
  }
  if (name !== 'system:anonymous' && !all.includes('system:authenticated') && !all.includes('system:unauthenticated')) all.push('system:authenticated');
  return { name, groups: all };
}

/**
 * The RBAC authorizer (`plugin/pkg/auth/authorizer/rbac`): a request is
 * allowed when a ClusterRoleBinding, or a RoleBinding in the request's
 * namespace, binds the user (by name, group or service account) to a role
 * with a rule that covers the verb, API group, resource (`pods/log` for a
 * subresource, `*` and `*\/log` as wildcards), name and non-resource URL.
 * Members of `system:masters` are allowed before RBAC looks. A binding whose
 * role is missing adds `RBAC: role.rbac.authorization.k8s.io "x" not found`
 * to the reason of a denial.
 */
export function authorize(store: ObjectStore, user: UserInfo, a: RequestAttributes): Decision {
  if (user.groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: '' };
  const errors: string[] = [];
  for (const b of store.list<KubeObject & ClusterRoleBinding>('clusterrolebindings.rbac.authorization.k8s.io')) {
    const subject = matchingSubject(b.subjects, user, '');
    if (!subject) continue;
    const role = store.get<KubeObject & ClusterRole>('clusterroles.rbac.authorization.k8s.io', b.roleRef.name);
    if (!role) {
      errors.push(`clusterrole.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
      continue;
    }
    if ((role.rules ?? []).some((r) => allows(r, a))) return { allowed: true, reason: `RBAC: allowed by ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${role.metadata.name}" to ${subject.kind} "${subject.name}"` };
  }
  if (a.namespace) {
    for (const b of store.list<KubeObject & RoleBinding>('rolebindings.rbac.authorization.k8s.io', a.namespace)) {
      const subject = matchingSubject(b.subjects, user, a.namespace);
      if (!subject) continue;
      const role = b.roleRef.kind === 'ClusterRole' ? store.get<KubeObject & ClusterRole>('clusterroles.rbac.authorization.k8s.io', b.roleRef.name) : store.get<KubeObject & Role>('roles.rbac.authorization.k8s.io', `${a.namespace}/${b.roleRef.name}`);
      if (!role) {
        errors.push(`${b.roleRef.kind === 'ClusterRole' ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io "${b.roleRef.name}" not found`);
        continue;
      }
      if ((role.rules ?? []).some((r) => allows(r, a))) return { allowed: true, reason: `RBAC: allowed by RoleBinding "${b.metadata.name}/${a.namespace}" of ${b.roleRef.kind} "${role.metadata.name}" to ${subject.kind} "${subject.name}"` };
    }
  }
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${errors.join(', ')}` : '' };
}

/**
 * The rules that apply to `user` in `namespace` (`RulesFor`, behind a
 * SelfSubjectRulesReview and `kubectl auth can-i --list`): those of the
 * ClusterRoleBindings, then of the namespace's RoleBindings, that bind it.
 */
export function rulesFor(store: ObjectStore, user: UserInfo, namespace: string): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const b of store.list<KubeObject & ClusterRoleBinding>('clusterrolebindings.rbac.authorization.k8s.io')) {
    if (!matchingSubject(b.subjects, user, '')) continue;
    out.push(...(store.get<KubeObject & ClusterRole>('clusterroles.rbac.authorization.k8s.io', b.roleRef.name)?.rules ?? []));
  }
  if (namespace) {
    for (const b of store.list<KubeObject & RoleBinding>('rolebindings.rbac.authorization.k8s.io', namespace)) {
      if (!matchingSubject(b.subjects, user, namespace)) continue;
      const role = b.roleRef.kind === 'ClusterRole' ? store.get<KubeObject & ClusterRole>('clusterroles.rbac.authorization.k8s.io', b.roleRef.name) : store.get<KubeObject & Role>('roles.rbac.authorization.k8s.io', `${namespace}/${b.roleRef.name}`);
      out.push(...(role?.rules ?? []));
    }
  }
  return out;
}

/** The binding's first subject that is `user` (`appliesTo`); a service account without a namespace is the binding's. */
function matchingSubject(subjects: Subject[] | undefined, user: UserInfo, bindingNamespace: string): Subject | undefined {
  for (const s of subjects ?? []) {
    if (s.kind === 'User' && s.name === user.name) return s;
    if (s.kind === 'Group' && user.groups.includes(s.name)) return s;
    if (s.kind === 'ServiceAccount' && user.name === `${SA_PREFIX}${s.namespace || bindingNamespace}:${s.name}`) return s;
  }
  return undefined;
}

/** `RuleAllows`. */
export function allows(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.path !== undefined) return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path!.startsWith(u.slice(0, -1))));
  if (!has(rule.apiGroups, a.apiGroup ?? '')) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
  const resourceOk = (rule.resources ?? []).some((r) => r === '*' || r === combined || (a.subresource !== undefined && r === `*/${a.subresource}`));
  if (!resourceOk) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (a.name !== undefined && names.includes(a.name));
}

function has(list: readonly string[] | undefined, want: string): boolean {
  return list !== undefined && (list.includes('*') || list.includes(want));
}

import { parseTimestamp, type KubeObject } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import { arr, field, str } from './objectFields';
import type { Cell, Column, KindPrinter } from './tableTypes';

const GROUP = 'rbac.authorization.k8s.io';

/** `Time.UTC().Format(time.RFC3339)` of a creationTimestamp; Go's zero time when unset. */
export function rfc3339(ts: unknown): string {
  const ms = typeof ts === 'string' ? parseTimestamp(ts) : undefined;
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Roles and cluster roles have no printer in printers.go: the API server's
 * default table convertor answers NAME and CREATED AT (RFC 3339, UTC).
 */
const createdAtColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Created At' }];
const createdAtRow = (obj: KubeObject): Cell[] => [obj.metadata.name, rfc3339(obj.metadata.creationTimestamp)];

/** `kubectl get roles`: NAME CREATED AT. */
export const rolePrinter: KindPrinter = { group: GROUP, kind: 'Role', columns: createdAtColumns, row: createdAtRow };

/** `kubectl get clusterroles`: NAME CREATED AT. */
export const clusterRolePrinter: KindPrinter = { group: GROUP, kind: 'ClusterRole', columns: createdAtColumns, row: createdAtRow };

/**
 * `rbac.SubjectsStrings`: user names, group names and service accounts as
 * `namespace/name` (an empty namespace leaves `/name`); other kinds dropped.
 */
export function subjectsStrings(subjects: unknown): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const s of arr(subjects)) {
    if (s.kind === 'ServiceAccount') serviceAccounts.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s.kind === 'User') users.push(str(s.name));
    else if (s.kind === 'Group') groups.push(str(s.name));
  }
  return { users, groups, serviceAccounts };
}

const bindingColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Role' },
  { name: 'Age' },
  { name: 'Users', priority: 1 },
  { name: 'Groups', priority: 1 },
  { name: 'ServiceAccounts', priority: 1 },
];

/** `printRoleBinding` / `printClusterRoleBinding`: ROLE as `Kind/name`; wide lists joined by `, `, empty cells when none. */
function bindingRow(obj: KubeObject, now: number): Cell[] {
  const { users, groups, serviceAccounts } = subjectsStrings(obj.subjects);
  const roleRef = `${str(field(obj.roleRef, 'kind'))}/${str(field(obj.roleRef, 'name'))}`;
  return [obj.metadata.name, roleRef, since(obj.metadata.creationTimestamp, now), users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

/** `kubectl get rolebindings`: NAME ROLE AGE (wide: USERS GROUPS SERVICEACCOUNTS). */
export const roleBindingPrinter: KindPrinter = { group: GROUP, kind: 'RoleBinding', columns: bindingColumns, row: bindingRow };

/** `kubectl get clusterrolebindings`: NAME ROLE AGE (wide: USERS GROUPS SERVICEACCOUNTS). */
export const clusterRoleBindingPrinter: KindPrinter = { group: GROUP, kind: 'ClusterRoleBinding', columns: bindingColumns, row: bindingRow };

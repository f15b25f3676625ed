import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { printTable } from './printTable';
import { rfc3339, subjectsStrings } from './rbacPrinters';

const RBAC = 'rbac.authorization.k8s.io/v1';
const ctx = fakeContext([], NOW);

const binding = (name: string, kind: string, roleRef: Record<string, string>, subjects?: Record<string, string>[]): KubeObject => ({
  apiVersion: RBAC,
  kind,
  metadata: { name, ...(kind === 'RoleBinding' ? { namespace: 'default' } : {}), creationTimestamp: ago(90) },
  roleRef,
  ...(subjects ? { subjects } : {}),
});

describe('kubectl get for RBAC objects', () => {
  it('roles and cluster roles: NAME and CREATED AT in RFC 3339 (the API server default table)', () => {
    const role: KubeObject = { apiVersion: RBAC, kind: 'Role', metadata: { name: 'pod-reader', namespace: 'default', creationTimestamp: '2025-03-01T09:00:00Z' } };
    expect(printTable(info('roles.rbac.authorization.k8s.io'), [role], {}, ctx)).toBe('NAME         CREATED AT\npod-reader   2025-03-01T09:00:00Z\n');
    const cr: KubeObject = { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'view', creationTimestamp: ago(3600) } };
    expect(printTable(info('clusterroles.rbac.authorization.k8s.io'), [cr], {}, ctx)).toBe('NAME   CREATED AT\nview   2025-01-06T13:24:00Z\n');
    expect(rfc3339(undefined)).toBe('0001-01-01T00:00:00Z');
    expect(rfc3339('2025-03-01T09:00:00.123Z')).toBe('2025-03-01T09:00:00Z');
  });

  it('bindings: ROLE as Kind/name and AGE; wide adds users, groups and namespace/name service accounts joined by ", "', () => {
    const rb = binding('read-pods', 'RoleBinding', { kind: 'Role', name: 'pod-reader' }, [
      { kind: 'User', name: 'jane' },
      { kind: 'User', name: 'joe' },
      { kind: 'ServiceAccount', name: 'robot', namespace: 'dev' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'default' },
    ]);
    const rbInfo = info('rolebindings.rbac.authorization.k8s.io');
    expect(printTable(rbInfo, [rb], {}, ctx)).toBe('NAME        ROLE              AGE\nread-pods   Role/pod-reader   90s\n');
    expect(printTable(rbInfo, [rb], { wide: true }, ctx)).toBe(
      ['NAME        ROLE              AGE   USERS       GROUPS   SERVICEACCOUNTS', 'read-pods   Role/pod-reader   90s   jane, joe            dev/robot, default/ci', ''].join('\n'),
    );
  });

  it('a cluster role binding without subjects leaves the wide cells empty', () => {
    const crb = binding('viewers', 'ClusterRoleBinding', { kind: 'ClusterRole', name: 'view' });
    expect(printTable(info('clusterrolebindings.rbac.authorization.k8s.io'), [crb], { wide: true }, ctx)).toBe(
      ['NAME      ROLE               AGE   USERS   GROUPS   SERVICEACCOUNTS', 'viewers   ClusterRole/view   90s                    ', ''].join('\n'),
    );
  });

  it('SubjectsStrings keeps an empty service account namespace as /name and drops unknown kinds', () => {
    expect(subjectsStrings([{ kind: 'ServiceAccount', name: 'x' }, { kind: 'Group', name: 'g' }, { kind: 'Robot', name: 'r' }])).toEqual({ users: [], groups: ['g'], serviceAccounts: ['/x'] });
  });
});

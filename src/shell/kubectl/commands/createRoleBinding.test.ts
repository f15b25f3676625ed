import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

// Expected texts match kubectl v1.32 run with the same arguments.
describe('kubectl create rolebinding', () => {
  it('binds users, groups and service accounts (in that order) to a role or a cluster role', () => {
    const h = clusterShell();
    expect(h.run('kubectl create rolebinding b --clusterrole=view --user=u1 --user=u2,u3 --group=g1 --serviceaccount=ns1:sa1 -n dev --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: RoleBinding',
        'metadata:',
        '  creationTimestamp: null',
        '  name: b',
        '  namespace: dev',
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
        'subjects:',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: User',
        '  name: u1',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: User',
        '  name: u2,u3',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: Group',
        '  name: g1',
        '- kind: ServiceAccount',
        '  name: sa1',
        '  namespace: ns1',
        '',
      ].join('\n'),
    );
    expect(h.run('kubectl create rolebinding read-pods --role=pod-reader --user=jane').stdout).toBe('rolebinding.rbac.authorization.k8s.io/read-pods created\n');
    expect(h.run('kubectl create rolebinding read-pods --role=pod-reader --user=jane').stderr).toBe('error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "read-pods" already exists\n');
  });

  it('needs exactly one of --role and --clusterrole, and service accounts as <namespace>:<name>', () => {
    const h = clusterShell();
    expect(h.run('kubectl create rolebinding b --role=r --clusterrole=c').stderr).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect(h.run('kubectl create rolebinding b').stderr).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect(h.run('kubectl create rolebinding b --role=r --serviceaccount=a:b:c').stderr).toBe('error: serviceaccount must be <namespace>:<name>\n');
    expect(h.run('kubectl create rolebinding b --role=r --serviceaccount=:b').stderr).toBe('error: serviceaccount must be <namespace>:<name>\n');
  });
});

describe('kubectl create clusterrolebinding', () => {
  it('binds to a cluster role and is never namespaced', () => {
    const h = clusterShell();
    expect(h.run('kubectl create clusterrolebinding cb --clusterrole=view --group=g --serviceaccount=kube-system:default -n foo --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        'metadata:',
        '  creationTimestamp: null',
        '  name: cb',
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
        'subjects:',
        '- apiGroup: rbac.authorization.k8s.io',
        '  kind: Group',
        '  name: g',
        '- kind: ServiceAccount',
        '  name: default',
        '  namespace: kube-system',
        '',
      ].join('\n'),
    );
    expect(h.run('kubectl create clusterrolebinding cb --clusterrole=view --user=jane').stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/cb created\n');
    expect(h.run('kubectl create clusterrolebinding cb --clusterrole=view').stderr).toBe('error: failed to create clusterrolebinding: clusterrolebindings.rbac.authorization.k8s.io "cb" already exists\n');
  });

  it('requires --clusterrole and has no --role', () => {
    const h = clusterShell();
    expect(h.run('kubectl create clusterrolebinding cb').stderr).toBe('error: required flag(s) "clusterrole" not set\n');
    expect(h.run('kubectl create clusterrolebinding cb --role=r').stderr).toMatch(/unknown flag: --role\n/);
    expect(h.run('kubectl create clusterrolebinding cb --clusterrole=view --serviceaccount=x').stderr).toBe('error: serviceaccount must be <namespace>:<name>\n');
  });
});

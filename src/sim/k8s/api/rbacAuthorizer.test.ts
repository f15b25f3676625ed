import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import { allows, impersonatedUser } from './rbacAuthorizer';

const ROLE = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: default}
rules:
- {apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"]}
- {apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"], resourceNames: ["web"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: default}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: bot}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
`;

const pods = (verb: string, namespace = 'default', extra: object = {}) => ({ verb, apiGroup: '', resource: 'pods', namespace, ...extra });

describe('the RBAC authorizer', () => {
  it('a RoleBinding grants its Role to users, groups and service accounts, in its namespace only', () => {
    const w = world({ workers: 1 }).apply(ROLE);
    const jane = impersonatedUser('jane');
    expect(w.cluster.authorize(jane, pods('list')).allowed).toBe(true);
    expect(w.cluster.authorize(jane, pods('delete')).allowed).toBe(false);
    expect(w.cluster.authorize(jane, pods('list', 'kube-system')).allowed).toBe(false);
    expect(w.cluster.authorize(impersonatedUser('max', ['devs']), pods('get')).allowed).toBe(true);
    expect(w.cluster.authorize(impersonatedUser('system:serviceaccount:default:bot'), pods('watch')).allowed).toBe(true);
    expect(w.cluster.authorize(impersonatedUser('system:serviceaccount:other:bot'), pods('watch')).allowed).toBe(false);
    expect(w.cluster.authorize(impersonatedUser('bob'), pods('get')).allowed).toBe(false);
  });

  it('subresources and resource names must be granted themselves', () => {
    const w = world({ workers: 1 }).apply(ROLE);
    const jane = impersonatedUser('jane');
    expect(w.cluster.authorize(jane, pods('get', 'default', { subresource: 'log' })).allowed).toBe(true);
    expect(w.cluster.authorize(jane, pods('create', 'default', { subresource: 'exec' })).allowed).toBe(false);
    expect(w.cluster.authorize(jane, { verb: 'get', apiGroup: 'apps', resource: 'deployments', namespace: 'default', name: 'web' }).allowed).toBe(true);
    expect(w.cluster.authorize(jane, { verb: 'get', apiGroup: 'apps', resource: 'deployments', namespace: 'default', name: 'db' }).allowed).toBe(false);
    expect(w.cluster.authorize(jane, { verb: 'list', apiGroup: 'apps', resource: 'deployments', namespace: 'default' }).allowed).toBe(false);
  });

  it('the default policy: kind\'s admin may do anything, every authenticated user may discover the API, a service account nothing more', () => {
    const w = world({ workers: 1 });
    const admin = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
    const d = w.cluster.authorize(admin, { verb: 'delete', apiGroup: '', resource: 'nodes' });
    expect(d).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });
    const sa = impersonatedUser('system:serviceaccount:default:default');
    expect(w.cluster.authorize(sa, { verb: 'get', path: '/version' }).allowed).toBe(true);
    expect(w.cluster.authorize(sa, { verb: 'get', path: '/metrics' }).allowed).toBe(false);
    expect(w.cluster.authorize(sa, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }).allowed).toBe(true);
    expect(w.cluster.authorize(sa, pods('list')).allowed).toBe(false);
    expect(w.cluster.authorize({ name: 'root', groups: ['system:masters'] }, pods('delete')).allowed).toBe(true);
  });

  it('view, edit and admin are aggregated: a ClusterRole labelled aggregate-to-view extends all three, and leaves them when deleted', () => {
    const w = world({ workers: 1 }).apply(`
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: widgets, labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}
rules: [{apiGroups: [example.com], resources: [widgets], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: viewers, namespace: default}
subjects: [{kind: User, name: ann, apiGroup: rbac.authorization.k8s.io}]
roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
`);
    w.advance('1s');
    const ann = impersonatedUser('ann');
    const widgets = { verb: 'get', apiGroup: 'example.com', resource: 'widgets', namespace: 'default' };
    expect(w.cluster.authorize(ann, widgets).allowed).toBe(true);
    expect(w.cluster.authorize(ann, pods('list')).allowed).toBe(true);
    expect(w.cluster.authorize(ann, { verb: 'get', apiGroup: '', resource: 'secrets', namespace: 'default' }).allowed).toBe(false);
    for (const role of ['edit', 'admin']) expect(JSON.stringify(w.client.get('clusterroles.rbac.authorization.k8s.io', undefined, role))).toContain('widgets');
    w.client.delete('clusterroles.rbac.authorization.k8s.io', undefined, 'widgets');
    w.advance('1s');
    expect(w.cluster.authorize(ann, widgets).allowed).toBe(false);
  });

  it('a binding to a role that is gone denies, and says so', () => {
    const w = world({ workers: 1 }).apply(ROLE);
    w.client.delete('roles.rbac.authorization.k8s.io', 'default', 'pod-reader');
    expect(w.cluster.authorize(impersonatedUser('jane'), pods('list'))).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "pod-reader" not found' });
  });

  it('rules match with wildcards: * verbs, groups and resources, */status subresources, URL prefixes', () => {
    expect(allows({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { verb: 'patch', apiGroup: 'apps', resource: 'deployments', subresource: 'scale' })).toBe(true);
    expect(allows({ apiGroups: [''], resources: ['*/status'], verbs: ['update'] }, { verb: 'update', apiGroup: '', resource: 'pods', subresource: 'status' })).toBe(true);
    expect(allows({ apiGroups: [''], resources: ['pods'], verbs: ['get'] }, { verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log' })).toBe(false);
    expect(allows({ nonResourceURLs: ['/healthz/*'], verbs: ['get'] }, { verb: 'get', path: '/healthz/etcd' })).toBe(true);
    expect(allows({ nonResourceURLs: ['/healthz/*'], verbs: ['get'] }, { verb: 'get', path: '/livez' })).toBe(false);
  });

  it('an impersonated service account is in its groups; everyone but anonymous is authenticated', () => {
    expect(impersonatedUser('system:serviceaccount:dev:ci').groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated']);
    expect(impersonatedUser('jane', ['devs']).groups).toEqual(['devs', 'system:authenticated']);
    expect(impersonatedUser('system:anonymous').groups).toEqual([]);
  });
});

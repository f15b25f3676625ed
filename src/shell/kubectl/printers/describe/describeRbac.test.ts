import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

const RBAC = 'rbac.authorization.k8s.io/v1';

// Expected texts were taken from kubectl v1.32 describing the same objects.
const role: KubeObject = {
  apiVersion: RBAC,
  kind: 'Role',
  metadata: { name: 'r1', namespace: 'default', creationTimestamp: ago(60), labels: { b: '2', a: '1' }, annotations: { note: 'x' } },
  rules: [
    { apiGroups: ['', 'apps'], resources: ['pods', 'deployments', 'pods/log'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['delete', 'get'] },
    { apiGroups: [''], resources: ['configmaps'], resourceNames: ['b', 'a'], verbs: ['update', 'get'] },
    { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['*'] },
    { apiGroups: ['*'], resources: ['*'], verbs: ['list'] },
  ],
};

const clusterRole: KubeObject = {
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: { name: 'c1', creationTimestamp: ago(60) },
  rules: [
    { nonResourceURLs: ['/healthz', '/logs/*'], verbs: ['get', 'post'] },
    { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
    { nonResourceURLs: ['/healthz'], verbs: ['get'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['bind', 'escalate'], resourceNames: ['x'] },
  ],
};

const binding: KubeObject = {
  apiVersion: RBAC,
  kind: 'RoleBinding',
  metadata: { name: 'b1', namespace: 'default', creationTimestamp: ago(60) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r1' },
  subjects: [
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
    { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' },
    { kind: 'ServiceAccount', name: 'robot', namespace: 'kube-system' },
    { kind: 'ServiceAccount', name: 'nons' },
  ],
};

const ctx = fakeContext([], NOW);

describe('kubectl describe for RBAC objects', () => {
  it('role: labels and annotations, then the broken-down, compacted and sorted rule table, without namespace or events', () => {
    expect(describeObject(info('roles.rbac.authorization.k8s.io'), role, ctx)).toBe(
      [
        'Name:         r1',
        'Labels:       a=1',
        '              b=2',
        'Annotations:  note: x',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  cronjobs.batch    []                 []              [*]',
        '  jobs.batch        []                 []              [*]',
        '  pods              []                 []              [get list watch delete]',
        '  deployments       []                 []              [get list watch]',
        '  pods/log          []                 []              [get list watch]',
        '  deployments.apps  []                 []              [get list watch]',
        '  pods.apps/log     []                 []              [get list watch]',
        '  pods.apps         []                 []              [get list watch]',
        '  *.*               []                 []              [list]',
        '  configmaps        []                 [a]             [update get]',
        '  configmaps        []                 [b]             [update get]',
        '',
      ].join('\n'),
    );
  });

  it('cluster role: non-resource URLs in their own column, repeats kept; no rules leaves the header alone', () => {
    expect(describeObject(info('clusterroles.rbac.authorization.k8s.io'), clusterRole, ctx)).toBe(
      [
        'Name:         c1',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources                        Non-Resource URLs  Resource Names  Verbs',
        '  ---------                        -----------------  --------------  -----',
        '  roles.rbac.authorization.k8s.io  []                 [x]             [bind escalate]',
        '                                   [/healthz]         []              [get]',
        '                                   [/healthz]         []              [get]',
        '                                   [/logs/*]          []              [get]',
        '  nodes                            []                 []              [get]',
        '                                   [/healthz]         []              [post]',
        '                                   [/logs/*]          []              [post]',
        '',
      ].join('\n'),
    );
    const empty = { ...clusterRole, metadata: { name: 'empty' }, rules: null };
    expect(describeObject(info('clusterroles.rbac.authorization.k8s.io'), empty, ctx)).toBe(
      ['Name:         empty', 'Labels:       <none>', 'Annotations:  <none>', 'PolicyRule:', '  Resources  Non-Resource URLs  Resource Names  Verbs', '  ---------  -----------------  --------------  -----', ''].join('\n'),
    );
  });

  it('role binding: the role reference and a Kind Name Namespace row per subject', () => {
    expect(describeObject(info('rolebindings.rbac.authorization.k8s.io'), binding, ctx)).toBe(
      [
        'Name:         b1',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Role:',
        '  Kind:  Role',
        '  Name:  r1',
        'Subjects:',
        '  Kind            Name   Namespace',
        '  ----            ----   ---------',
        '  User            alice  ',
        '  Group           devs   ',
        '  ServiceAccount  robot  kube-system',
        '  ServiceAccount  nons   ',
        '',
      ].join('\n'),
    );
  });

  it('cluster role binding without subjects: an empty Subjects table', () => {
    const crb = { apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'cb0' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } };
    expect(describeObject(info('clusterrolebindings.rbac.authorization.k8s.io'), crb, ctx)).toBe(
      ['Name:         cb0', 'Labels:       <none>', 'Annotations:  <none>', 'Role:', '  Kind:  ClusterRole', '  Name:  view', 'Subjects:', '  Kind  Name  Namespace', '  ----  ----  ---------', ''].join('\n'),
    );
  });
});

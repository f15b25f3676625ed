import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

// Expected texts match kubectl v1.32 run with the same arguments.
describe('kubectl create role', () => {
  it('creates a namespaced role whose rules group the resolved resources by API group', () => {
    const h = clusterShell();
    expect(h.run('kubectl create role pod-reader --verb=get,list,watch --resource=pods,deploy,pods/log').stdout).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
    const role = h.cluster.client().get('roles.rbac.authorization.k8s.io', 'default', 'pod-reader') as unknown as { rules: unknown };
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(h.run('kubectl create role pod-reader --verb=get --resource=pods').stderr).toBe('Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "pod-reader" already exists\n');
  });

  it('prints the generated role with --dry-run=client, the namespace only when -n is given', () => {
    const h = clusterShell();
    expect(h.run('kubectl create role r -n dev --verb=get --resource=pods --resource-name=a --resource-name=a --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  creationTimestamp: null', '  name: r', '  namespace: dev', 'rules:', '- apiGroups:', '  - ""', '  resourceNames:', '  - a', '  resources:', '  - pods', '  verbs:', '  - get', ''].join('\n'),
    );
    expect(h.run('kubectl create role r --verb=get --resource=pods --dry-run=client').stdout).toBe('role.rbac.authorization.k8s.io/r created (dry run)\n');
  });

  it('warns about non-standard verbs on stderr and still creates', () => {
    const t = clusterShell().run('kubectl create role r --verb=get,read --resource=pods');
    expect(t.stderr).toBe("Warning: 'read' is not a standard resource verb\n");
    expect(t.stdout).toBe('role.rbac.authorization.k8s.io/r created\n');
  });

  it('refuses missing verbs, resources and names, unknown resources and misplaced special verbs', () => {
    const h = clusterShell();
    expect(h.run('kubectl create role r --resource=pods').stderr).toBe('error: at least one verb must be specified\n');
    expect(h.run('kubectl create role r --verb=bogus').stderr).toBe("Warning: 'bogus' is not a standard resource verb\nerror: at least one resource must be specified\n");
    expect(h.run('kubectl create role --verb=get --resource=pods').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create role -h' for help and examples\n");
    const unknown = h.run('kubectl create role r --verb=get --resource=foos.apps');
    expect(unknown.stderr).toBe('the server doesn\'t have a resource type "foos" in group "apps"\n');
    expect(unknown.exitCode).toBe(1);
    expect(h.run('kubectl create role r --verb=use --resource=pods').stderr).toBe("error: can not perform 'use' on 'pods' in group ''\n");
    expect(h.run('kubectl create role r --verb=get --resource=/status').stderr).toBe('error: resource must be specified if apiGroup/subresource specified\n');
  });
});

describe('kubectl create clusterrole', () => {
  it('adds a rule for non-resource URLs after the resource rules', () => {
    const h = clusterShell();
    expect(h.run('kubectl create clusterrole c --verb=get --resource=nodes --non-resource-url=/logs/*,/healthz --non-resource-url=/healthz --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  creationTimestamp: null', '  name: c', 'rules:', '- apiGroups:', '  - ""', '  resources:', '  - nodes', '  verbs:', '  - get', '- nonResourceURLs:', '  - /logs/*', '  - /healthz', '  verbs:', '  - get', ''].join('\n'),
    );
    expect(h.run('kubectl create clusterrole c --verb=get --non-resource-url=/healthz').stdout).toBe('clusterrole.rbac.authorization.k8s.io/c created\n');
  });

  it('checks non-resource URLs and their verbs', () => {
    const h = clusterShell();
    expect(h.run('kubectl create clusterrole c --verb=get').stderr).toBe('error: one of resource or nonResourceURL must be specified\n');
    expect(h.run('kubectl create clusterrole c --verb=get,bogus --resource=pods --non-resource-url=/x').stderr).toBe("Warning: 'bogus' is not a standard resource verb\nerror: invalid verb: 'bogus' for nonResourceURL\n");
    expect(h.run('kubectl create clusterrole c --verb=get --non-resource-url=x').stderr).toBe('error: nonResourceURL should start with /\n');
    expect(h.run("kubectl create clusterrole c --verb=get --non-resource-url='/a*b'").stderr).toBe("error: nonResourceURL only supports wildcard matches when '*' is at the end\n");
    expect(h.run('kubectl create role r --verb=get --resource=pods --non-resource-url=/x').stderr).toMatch(/unknown flag: --non-resource-url\n/);
  });

  it('builds an aggregated cluster role from --aggregation-rule labels, alone', () => {
    const h = clusterShell();
    expect(h.run('kubectl create clusterrole monitoring --aggregation-rule=a=b,c=d --aggregation-rule=e=f --dry-run=client -o yaml').stdout).toBe(
      ['aggregationRule:', '  clusterRoleSelectors:', '  - matchLabels:', '      a: b', '      c: d', '      e: f', 'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  creationTimestamp: null', '  name: monitoring', 'rules: null', ''].join('\n'),
    );
    expect(h.run('kubectl create clusterrole m --aggregation-rule=a=b --verb=get').stderr).toBe('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n');
    expect(h.run('kubectl create clusterrole m --aggregation-rule=foo').stderr).toBe(
      'Error: invalid argument "foo" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee \'kubectl create clusterrole --help\' for usage.\n',
    );
  });
});

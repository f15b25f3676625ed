import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { fnv32a } from '../../../lib/fnv';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import { must } from './clusterServices';

/**
 * The RBAC objects a kind cluster starts with: the API server's bootstrap
 * policy (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy`: the user-facing
 * roles cluster-admin, admin, edit and view — the last three aggregated from
 * the `system:aggregate-to-*` roles —, discovery and the components' roles,
 * with their bindings), then what kubeadm and kind add (the admin group
 * `kubeadm:cluster-admins`, kube-proxy's, CoreDNS's, kindnet's and the
 * local-path provisioner's). The controllers' own `system:controller:*`
 * roles are left out (the simulated controllers do not go through RBAC).
 *
 * A rule is written `groups|resources|verbs[|resourceNames]`, lists
 * comma-separated, the core group an empty item; `url:PATHS|verbs` is a
 * non-resource rule.
 */
const RBAC = 'rbac.authorization.k8s.io';
const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const RW = 'create,delete,deletecollection,patch,update';
const READ = 'get,list,watch';
const EVENTS = ',events.k8s.io|events|create,patch,update';

function rule(text: string): PolicyRule {
  const [a, b, c, d] = text.split('|');
  if (a.startsWith('url:')) return { nonResourceURLs: a.slice(4).split(','), verbs: b.split(',') };
  const r: PolicyRule = { apiGroups: a.split(','), resources: b.split(','), verbs: c.split(',') };
  if (d) r.resourceNames = d.split(',');
  return r;
}

interface RoleSpec {
  name: string;
  rules?: string[];
  /** Labels beyond the bootstrap one (`aggregate-to-*`). */
  labels?: Record<string, string>;
  /** The `aggregate-to-*` label whose roles this one gathers. */
  aggregates?: string;
  /** Not the API server's policy (kubeadm, kind): no bootstrap label or annotation. */
  addon?: boolean;
}

const aggregateTo = (role: string) => ({ [`${RBAC}/aggregate-to-${role}`]: 'true' });

export const CLUSTER_ROLES: readonly RoleSpec[] = [
  { name: 'admin', aggregates: 'admin' },
  { name: 'cluster-admin', rules: ['*|*|*', 'url:*|*'] },
  { name: 'edit', aggregates: 'edit', labels: aggregateTo('admin') },
  { name: 'kindnet', addon: true, rules: ['|nodes|list,watch,patch', '|namespaces,pods|list,watch', 'networking.k8s.io|networkpolicies|list,watch'] },
  { name: 'kubeadm:get-nodes', addon: true, rules: ['|nodes|get'] },
  { name: 'local-path-provisioner-role', addon: true, rules: ['|nodes,persistentvolumeclaims,configmaps,pods,pods/log|get,list,watch', '|persistentvolumes|get,list,watch,create,patch,update,delete', '|events|create,patch', 'storage.k8s.io|storageclasses|get,list,watch'] },
  { name: 'system:aggregate-to-admin', labels: aggregateTo('admin'), rules: ['authorization.k8s.io|localsubjectaccessreviews|create', `${RBAC}|rolebindings,roles|create,delete,deletecollection,get,list,patch,update,watch`] },
  {
    name: 'system:aggregate-to-edit',
    labels: aggregateTo('edit'),
    rules: [
      `|pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy|${READ}`,
      '|serviceaccounts|impersonate',
      `|pods,pods/attach,pods/exec,pods/portforward,pods/proxy|${RW}`,
      '|pods/eviction|create',
      `|configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,secrets,serviceaccounts,services,services/proxy|${RW}`,
      '|serviceaccounts/token|create',
      `apps|daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,statefulsets,statefulsets/scale|${RW}`,
      `autoscaling|horizontalpodautoscalers|${RW}`,
      `batch|cronjobs,jobs|${RW}`,
      `extensions|daemonsets,deployments,deployments/rollback,deployments/scale,ingresses,networkpolicies,replicasets,replicasets/scale,replicationcontrollers/scale|${RW}`,
      `policy|poddisruptionbudgets|${RW}`,
      `networking.k8s.io|ingresses,networkpolicies|${RW}`,
      'coordination.k8s.io|leases|create,delete,deletecollection,get,list,patch,update,watch',
    ],
  },
  {
    name: 'system:aggregate-to-view',
    labels: aggregateTo('view'),
    rules: [
      `|configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,replicationcontrollers/scale,serviceaccounts,services,services/status|${READ}`,
      `|bindings,events,limitranges,namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status|${READ}`,
      `|namespaces|${READ}`,
      `discovery.k8s.io|endpointslices|${READ}`,
      `apps|controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status|${READ}`,
      `autoscaling|horizontalpodautoscalers,horizontalpodautoscalers/status|${READ}`,
      `batch|cronjobs,cronjobs/status,jobs,jobs/status|${READ}`,
      `extensions|daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,ingresses,ingresses/status,networkpolicies,replicasets,replicasets/scale,replicasets/status,replicationcontrollers/scale|${READ}`,
      `policy|poddisruptionbudgets,poddisruptionbudgets/status|${READ}`,
      `networking.k8s.io|ingresses,ingresses/status,networkpolicies|${READ}`,
    ],
  },
  { name: 'system:auth-delegator', rules: ['authentication.k8s.io|tokenreviews|create', 'authorization.k8s.io|subjectaccessreviews|create'] },
  { name: 'system:basic-user', rules: ['authorization.k8s.io|selfsubjectaccessreviews,selfsubjectrulesreviews|create', 'authentication.k8s.io|selfsubjectreviews|create'] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: ['certificates.k8s.io|certificatesigningrequests/nodeclient|create'] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: ['certificates.k8s.io|certificatesigningrequests/selfnodeclient|create'] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: ['certificates.k8s.io|signers|approve|kubernetes.io/kube-apiserver-client'] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: ['certificates.k8s.io|signers|approve|kubernetes.io/kube-apiserver-client-kubelet'] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: ['certificates.k8s.io|signers|approve|kubernetes.io/kubelet-serving'] },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: ['certificates.k8s.io|signers|approve|kubernetes.io/legacy-unknown'] },
  { name: 'system:coredns', addon: true, rules: ['|endpoints,services,pods,namespaces|list,watch', 'discovery.k8s.io|endpointslices|list,watch'] },
  { name: 'system:discovery', rules: ['url:/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/|get'] },
  { name: 'system:heapster', rules: [`|events,namespaces,nodes,pods|${READ}`, `extensions|deployments|${READ}`] },
  { name: 'system:kube-aggregator', rules: [`|endpoints,services|${READ}`] },
  {
    name: 'system:kube-controller-manager',
    rules: [EVENTS, 'coordination.k8s.io|leases|create', 'coordination.k8s.io|leases|get,update|kube-controller-manager', '|secrets,serviceaccounts|create', '|secrets|delete', '|configmaps,namespaces,secrets,serviceaccounts|get', '|secrets,serviceaccounts|update', 'authentication.k8s.io|tokenreviews|create', 'authorization.k8s.io|subjectaccessreviews|create', '*|*|list,watch', '|serviceaccounts/token|create'],
  },
  { name: 'system:kube-dns', rules: ['|endpoints,services|list,watch'] },
  {
    name: 'system:kube-scheduler',
    rules: [
      EVENTS,
      'coordination.k8s.io|leases|create',
      'coordination.k8s.io|leases|get,update|kube-scheduler',
      `|nodes|${READ}`,
      '|pods|delete,get,list,watch',
      '|bindings,pods/binding|create',
      '|pods/status|patch,update',
      `|replicationcontrollers,services|${READ}`,
      `apps,extensions|replicasets|${READ}`,
      `apps|statefulsets|${READ}`,
      `policy|poddisruptionbudgets|${READ}`,
      `|persistentvolumeclaims,persistentvolumes|${READ}`,
      'authentication.k8s.io|tokenreviews|create',
      'authorization.k8s.io|subjectaccessreviews|create',
      `storage.k8s.io|csinodes|${READ}`,
      `|namespaces|${READ}`,
      `storage.k8s.io|csidrivers|${READ}`,
      `storage.k8s.io|csistoragecapacities|${READ}`,
    ],
  },
  { name: 'system:kubelet-api-admin', rules: [`|nodes|${READ}`, '|nodes|proxy', '|nodes/log,nodes/metrics,nodes/proxy,nodes/stats|*'] },
  { name: 'system:monitoring', rules: ['url:/healthz,/healthz/*,/livez,/livez/*,/metrics,/metrics/slis,/readyz,/readyz/*|get'] },
  {
    name: 'system:node',
    rules: [
      'authentication.k8s.io|tokenreviews|create',
      'authorization.k8s.io|localsubjectaccessreviews,subjectaccessreviews|create',
      `|services|${READ}`,
      '|nodes|create,get,list,watch',
      '|nodes/status|patch,update',
      '|nodes|patch,update',
      '|events|create,patch,update',
      `|pods|${READ}`,
      '|pods|create,delete',
      '|pods/status|patch,update',
      '|pods/eviction|create',
      `|configmaps,secrets|${READ}`,
      '|persistentvolumeclaims,persistentvolumes|get',
      '|endpoints|get',
      'certificates.k8s.io|certificatesigningrequests|create,get,list,watch',
      'coordination.k8s.io|leases|create,delete,get,patch,update',
      'storage.k8s.io|volumeattachments|get',
      '|serviceaccounts/token|create',
      '|persistentvolumeclaims/status|get,patch,update',
      `storage.k8s.io|csidrivers|${READ}`,
      'storage.k8s.io|csinodes|create,delete,get,patch,update',
      `node.k8s.io|runtimeclasses|${READ}`,
    ],
  },
  { name: 'system:node-bootstrapper', rules: ['certificates.k8s.io|certificatesigningrequests|create,get,list,watch'] },
  { name: 'system:node-problem-detector', rules: ['|nodes|get', '|nodes/status|patch', EVENTS] },
  { name: 'system:node-proxier', rules: ['|endpoints,services|list,watch', `|nodes|${READ}`, EVENTS, 'discovery.k8s.io|endpointslices|list,watch'] },
  { name: 'system:persistent-volume-provisioner', rules: ['|persistentvolumes|create,delete,get,list,watch', '|persistentvolumeclaims|get,list,update,watch', `storage.k8s.io|storageclasses|${READ}`, '|events|watch', EVENTS] },
  { name: 'system:public-info-viewer', rules: ['url:/healthz,/livez,/readyz,/version,/version/|get'] },
  { name: 'system:service-account-issuer-discovery', rules: ['url:/.well-known/openid-configuration,/openid/v1/jwks|get'] },
  { name: 'system:volume-scheduler', rules: ['|persistentvolumes|get,list,patch,update,watch', `storage.k8s.io|storageclasses|${READ}`, '|persistentvolumeclaims|get,list,patch,update,watch'] },
  { name: 'view', aggregates: 'view', labels: aggregateTo('edit') },
];

const user = (name: string): Subject => ({ apiGroup: RBAC, kind: 'User', name });
const group = (name: string): Subject => ({ apiGroup: RBAC, kind: 'Group', name });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });
const BOOTSTRAP_TOKEN = 'system:bootstrappers:kubeadm:default-node-token';

interface BindingSpec {
  name: string;
  role: string;
  subjects?: Subject[];
  addon?: boolean;
}

export const CLUSTER_ROLE_BINDINGS: readonly BindingSpec[] = [
  { name: 'cluster-admin', role: 'cluster-admin', subjects: [group('system:masters')] },
  { name: 'kindnet', role: 'kindnet', addon: true, subjects: [sa('kube-system', 'kindnet')] },
  { name: 'kubeadm:cluster-admins', role: 'cluster-admin', addon: true, subjects: [group('kubeadm:cluster-admins')] },
  { name: 'kubeadm:get-nodes', role: 'kubeadm:get-nodes', addon: true, subjects: [group(BOOTSTRAP_TOKEN)] },
  { name: 'kubeadm:kubelet-bootstrap', role: 'system:node-bootstrapper', addon: true, subjects: [group(BOOTSTRAP_TOKEN)] },
  { name: 'kubeadm:node-autoapprove-bootstrap', role: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', addon: true, subjects: [group(BOOTSTRAP_TOKEN)] },
  { name: 'kubeadm:node-autoapprove-certificate-rotation', role: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', addon: true, subjects: [group('system:nodes')] },
  { name: 'kubeadm:node-proxier', role: 'system:node-proxier', addon: true, subjects: [sa('kube-system', 'kube-proxy')] },
  { name: 'local-path-provisioner-bind', role: 'local-path-provisioner-role', addon: true, subjects: [sa('local-path-storage', 'local-path-provisioner-service-account')] },
  { name: 'system:basic-user', role: 'system:basic-user', subjects: [group('system:authenticated')] },
  { name: 'system:coredns', role: 'system:coredns', addon: true, subjects: [sa('kube-system', 'coredns')] },
  { name: 'system:discovery', role: 'system:discovery', subjects: [group('system:authenticated')] },
  { name: 'system:kube-controller-manager', role: 'system:kube-controller-manager', subjects: [user('system:kube-controller-manager')] },
  { name: 'system:kube-dns', role: 'system:kube-dns', subjects: [sa('kube-system', 'kube-dns')] },
  { name: 'system:kube-scheduler', role: 'system:kube-scheduler', subjects: [user('system:kube-scheduler')] },
  { name: 'system:monitoring', role: 'system:monitoring', subjects: [group('system:monitoring')] },
  { name: 'system:node', role: 'system:node' },
  { name: 'system:node-proxier', role: 'system:node-proxier', subjects: [user('system:kube-proxy')] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', subjects: [group('system:authenticated'), group('system:unauthenticated')] },
  { name: 'system:service-account-issuer-discovery', role: 'system:service-account-issuer-discovery', subjects: [group('system:serviceaccounts')] },
  { name: 'system:volume-scheduler', role: 'system:volume-scheduler', subjects: [user('system:kube-scheduler')] },
];

/** kubeadm's Roles in kube-system: the nodes read the kubelet's and kubeadm's configuration, kube-proxy its own. */
const KUBE_SYSTEM_ROLES: readonly { name: string; rule: string; subjects: Subject[] }[] = [
  { name: 'kube-proxy', rule: '|configmaps|get|kube-proxy', subjects: [group(BOOTSTRAP_TOKEN)] },
  { name: 'kubeadm:kubelet-config', rule: '|configmaps|get|kubelet-config', subjects: [group('system:nodes'), group(BOOTSTRAP_TOKEN)] },
  { name: 'kubeadm:nodes-kubeadm-config', rule: '|configmaps|get|kubeadm-config', subjects: [group(BOOTSTRAP_TOKEN), group('system:nodes')] },
];

/** A fixed uid per bootstrap object (the cluster's random numbers stay for what comes after). */
function uidOf(kind: string, name: string): string {
  const h = (salt: string) => fnv32a(`${salt}:${kind}/${name}`).toString(16).padStart(8, '0');
  const a = h('a');
  const b = h('b');
  const c = h('c');
  return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-8${c.slice(0, 3)}-${c.slice(3, 8)}${h('d').slice(0, 7)}`;
}

const meta = (name: string, addon: boolean | undefined, labels?: Record<string, string>, namespace?: string): KubeObject['metadata'] => {
  const m: KubeObject['metadata'] = { name };
  if (namespace) m.namespace = namespace;
  if (!addon) {
    m.annotations = { ...AUTOUPDATE };
    m.labels = { ...BOOTSTRAP_LABELS, ...labels };
  } else if (labels) m.labels = { ...labels };
  return m;
};

/** Creates the default policy through `client` (the API server's own post-start hook). */
export function bootstrapRbac(client: ApiClient): void {
  const byName = new Map(CLUSTER_ROLES.map((r) => [r.name, r]));
  for (const r of CLUSTER_ROLES) {
    const role: KubeObject & ClusterRole = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: meta(r.name, r.addon, r.labels) };
    if (r.aggregates) {
      role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: aggregateTo(r.aggregates) }] };
      role.rules = aggregatedRules(r.aggregates, byName);
    } else role.rules = (r.rules ?? []).map(rule);
    must(client.create(role, { trusted: true, uid: uidOf('ClusterRole', r.name) }));
  }
  for (const b of CLUSTER_ROLE_BINDINGS) {
    const binding: KubeObject & ClusterRoleBinding = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: meta(b.name, b.addon), roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: b.role } };
    if (b.subjects) binding.subjects = b.subjects;
    must(client.create(binding, { trusted: true, uid: uidOf('ClusterRoleBinding', b.name) }));
  }
  for (const r of KUBE_SYSTEM_ROLES) {
    const role: KubeObject & Role = { apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: meta(r.name, true, undefined, 'kube-system'), rules: [rule(r.rule)] };
    must(client.create(role, { trusted: true, uid: uidOf('Role', r.name) }));
    const binding: KubeObject & RoleBinding = { apiVersion: `${RBAC}/v1`, kind: 'RoleBinding', metadata: meta(r.name, true, undefined, 'kube-system'), roleRef: { apiGroup: RBAC, kind: 'Role', name: r.name }, subjects: r.subjects };
    must(client.create(binding, { trusted: true, uid: uidOf('RoleBinding', r.name) }));
  }
}

/** The rules an aggregated bootstrap role starts with: those of the roles labelled for it, by name, then theirs in turn (edit gathers view). */
function aggregatedRules(target: string, byName: Map<string, RoleSpec>): PolicyRule[] {
  const label = `${RBAC}/aggregate-to-${target}`;
  const out: PolicyRule[] = [];
  for (const r of [...byName.values()].filter((x) => x.labels?.[label] === 'true').sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rules = r.aggregates ? aggregatedRules(r.aggregates, byName) : (r.rules ?? []).map(rule);
    for (const x of rules) if (!out.some((y) => JSON.stringify(y) === JSON.stringify(x))) out.push(x);
  }
  return out;
}

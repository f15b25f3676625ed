import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/rbac/v1 (types.go).

/** rbac.authorization.k8s.io/v1: roles and bindings (`kubectl create role|clusterrole|rolebinding|clusterrolebinding`). */
export const RBAC_STRUCTS: StructGroup = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
  structs: {
    Role: [...TYPED_OBJECT, 'rules:PolicyRule'],
    ClusterRole: [...TYPED_OBJECT, 'rules:PolicyRule', 'aggregationRule:AggregationRule'],
    PolicyRule: ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'],
    AggregationRule: ['clusterRoleSelectors:LabelSelector'],
    RoleBinding: [...TYPED_OBJECT, 'subjects:Subject', 'roleRef:RoleRef'],
    ClusterRoleBinding: [...TYPED_OBJECT, 'subjects:Subject', 'roleRef:RoleRef'],
    Subject: ['kind', 'apiGroup', 'name', 'namespace'],
    RoleRef: ['apiGroup', 'kind', 'name'],
  },
};

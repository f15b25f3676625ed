import type { ClusterRole, PolicyRule } from 'kubernetes-types/rbac/v1';
import { deepEqual } from '../../api/objectDiff';
import { fromLabelSelector, matches } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import type { K8sController } from '../context';

type RoleObj = KubeObject & ClusterRole;
const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';

/**
 * The clusterrole-aggregation controller (`pkg/controller/clusterroleaggregation`):
 * a ClusterRole with an `aggregationRule` holds the rules of every other
 * ClusterRole its selectors match, taken in name order without repeats —
 * so a role labelled `rbac.authorization.k8s.io/aggregate-to-view: "true"`
 * extends `view` (and, through it, `edit` and `admin`).
 */
export function createClusterRoleAggregationController(): K8sController {
  // The aggregated roles (few): any ClusterRole's change may concern each of them.
  let aggregated: string[] = [];
  const keysFor = (type: string, role: RoleObj): string[] => {
    const name = role.metadata.name;
    const has = aggregated.includes(name);
    if (type !== 'DELETED' && role.aggregationRule && !has) aggregated = [...aggregated, name].sort();
    else if ((type === 'DELETED' || !role.aggregationRule) && has) aggregated = aggregated.filter((n) => n !== name);
    return aggregated;
  };
  return {
    name: 'clusterrole-aggregation-controller',
    watches: [{ resource: CLUSTER_ROLES, map: (e) => keysFor(e.type, e.object as RoleObj) }],
    reconcile(key, ctx) {
      const role = ctx.store.get<RoleObj>(CLUSTER_ROLES, key);
      const selectors = role?.aggregationRule?.clusterRoleSelectors;
      if (!role || !selectors) return;
      const sources = ctx.store
        .list<RoleObj>(CLUSTER_ROLES)
        .filter((r) => r.metadata.name !== role.metadata.name && selectors.some((s) => matches(fromLabelSelector(s), r.metadata.labels)))
        .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      const rules: PolicyRule[] = [];
      for (const r of sources) for (const rule of r.rules ?? []) if (!rules.some((x) => deepEqual(x, rule))) rules.push(rule);
      if (deepEqual(rules, role.rules ?? [])) return;
      ctx.api.update({ ...role, rules } as KubeObject, { trusted: true });
    },
  };
}

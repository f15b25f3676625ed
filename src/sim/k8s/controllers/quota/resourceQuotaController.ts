import type { ObjectStore } from '../../../engine/store';
import type { K8sController } from '../context';
import { WatchedCount } from '../watchedCount';
import { computeUsed, type QuotaObj } from './quotaUsage';
import { amountsOf, toResourceList } from './resourceList';

const QUOTAS = 'resourcequotas';
/** What a quota can count; events on these wake the quotas of their namespace. */
const WATCHED = ['pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicasets.apps', 'deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'cronjobs.batch'];

/**
 * The resource quota controller: keeps each quota's `status.hard` equal to
 * `spec.hard` and `status.used` equal to what the namespace's objects use.
 * Keyed by namespace; events cost one comparison while no quota exists, and
 * one lookup in namespaces without quotas.
 */
export function createResourceQuotaController(store: ObjectStore): K8sController {
  const quotas = new WatchedCount(store, QUOTAS);
  const inQuotaNamespace = (ns: string | undefined) => (ns && !quotas.none() && store.keysInNamespace(QUOTAS, ns).size > 0 ? ns : undefined);
  return {
    name: 'resourcequota-controller',
    watches: [
      {
        resource: QUOTAS,
        map: (e) => {
          quotas.observe(e);
          return e.type === 'DELETED' ? undefined : e.object.metadata.namespace;
        },
      },
      ...WATCHED.filter((r) => store.has(r)).map((resource) => ({ resource, map: (e: { object: { metadata: { namespace?: string } } }) => inQuotaNamespace(e.object.metadata.namespace) })),
    ],
    reconcile(ns, ctx) {
      for (const quota of ctx.store.list<QuotaObj>(QUOTAS, ns)) {
        if (quota.metadata.deletionTimestamp) continue;
        const hard = toResourceList(amountsOf(quota.spec?.hard as Record<string, unknown> | undefined));
        const used = toResourceList(computeUsed(quota, ctx.store));
        const status = { hard, used };
        if (JSON.stringify(status) === JSON.stringify({ hard: quota.status?.hard ?? {}, used: quota.status?.used ?? {} })) continue;
        ctx.api.updateStatus({ ...quota, status });
      }
    },
  };
}

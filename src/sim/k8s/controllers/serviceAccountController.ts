import type { KubeObject } from '../api/types';
import type { K8sController } from './context';

/** The service-account controller: every active namespace has a `default` ServiceAccount. */
export function createServiceAccountController(): K8sController {
  return {
    name: 'service-account-controller',
    watches: [
      { resource: 'namespaces', map: (e) => (e.type === 'ADDED' ? e.key : undefined) },
      { resource: 'serviceaccounts', map: (e) => (e.type === 'DELETED' && e.object.metadata.name === 'default' ? e.object.metadata.namespace : undefined) },
    ],
    reconcile(ns, ctx) {
      const nsObj = ctx.store.get<KubeObject>('namespaces', ns);
      if (!nsObj || nsObj.metadata.deletionTimestamp) return;
      if (ctx.store.get('serviceaccounts', `${ns}/default`)) return;
      ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } }, { trusted: true });
    },
  };
}

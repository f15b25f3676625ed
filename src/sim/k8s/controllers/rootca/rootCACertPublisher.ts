import type { KubeObject } from '../../api/types';
import type { K8sController } from '../context';

/** The ConfigMap the root CA cert publisher keeps in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The cluster's CA certificate as pods see it (the simulated cluster has no real PKI). */
export const CLUSTER_CA_PEM = '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n';

const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * kube-controller-manager's root-ca-cert-publisher: every namespace has the
 * ConfigMap `kube-root-ca.crt` holding `ca.crt`; a deleted one is created
 * again, an edited one gets its data and description annotation back
 * (`syncNamespace`). Woken by namespace adds and updates to an Active
 * namespace, and by updates and deletes of that ConfigMap.
 */
export function createRootCACertPublisher(): K8sController {
  return {
    name: 'root-ca-cert-publisher',
    watches: [
      {
        resource: 'namespaces',
        map: (e) => (e.type === 'ADDED' || (e.type === 'MODIFIED' && (e.object as { status?: { phase?: string } }).status?.phase === 'Active') ? e.key : undefined),
      },
      {
        resource: 'configmaps',
        map: (e) => (e.type !== 'ADDED' && e.object.metadata.name === ROOT_CA_CONFIGMAP ? e.object.metadata.namespace : undefined),
      },
    ],
    reconcile(ns, ctx) {
      const nsObj = ctx.store.get<KubeObject>('namespaces', ns);
      // The API server refuses new content in a missing or terminating namespace; the publisher does not retry then.
      if (!nsObj || nsObj.metadata.deletionTimestamp) return;
      const data = { 'ca.crt': CLUSTER_CA_PEM };
      const cm = ctx.store.get<KubeObject>('configmaps', `${ns}/${ROOT_CA_CONFIGMAP}`);
      if (!cm) {
        ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data });
        return;
      }
      const current = (cm.data ?? {}) as Record<string, string>;
      const same = Object.keys(current).length === 1 && current['ca.crt'] === CLUSTER_CA_PEM;
      if (same && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
      ctx.api.update({ ...cm, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data });
    },
  };
}

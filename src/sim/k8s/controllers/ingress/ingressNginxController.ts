import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { servedByIngressNginx } from '../../network/ingressRouting';
import type { K8sController } from '../context';

/** Where the `ingress-nginx` add-on runs its controller, and how its pods are labelled. */
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
const INGRESSES = 'ingresses.networking.k8s.io';
/** ingress-nginx's status sync period (`UpdateInterval`, 60 s). */
export const STATUS_UPDATE_INTERVAL_MS = 60_000;
const KEY = 'sync';

type PodObj = KubeObject & Pod;

function isControllerPod(p: KubeObject): boolean {
  const l = p.metadata.labels;
  return p.metadata.namespace === INGRESS_NGINX_NAMESPACE && l?.['app.kubernetes.io/name'] === 'ingress-nginx' && l['app.kubernetes.io/component'] === 'controller';
}

function readySince(p: PodObj): number | undefined {
  if (p.metadata.deletionTimestamp) return undefined;
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? Date.parse(c.lastTransitionTime ?? '') : undefined;
}

const sameAddresses = (a: unknown, b: readonly string[]) => JSON.stringify(a ?? []) === JSON.stringify(b.map((ip) => ({ ip })));

/**
 * What the ingress-nginx controller pod does to the API (the `ingress-nginx`
 * add-on): a `Sync` / `Scheduled for sync` event on each Ingress it serves
 * whenever it is added or changed (its status included), and — while the controller's pods are Ready —
 * its status sync: every 60 s from the leader's start, the Ingresses it
 * serves get `status.loadBalancer.ingress` = the InternalIPs of the nodes
 * its pods run on (no `--publish-service`, so node addresses, as minikube's
 * `kubectl get ingress` shows). When its pods are gone, the addresses go
 * (`--update-status-on-shutdown`). Does nothing in a cluster without it.
 */
export function createIngressNginxController(): K8sController {
  /** Ingress uid → the version already announced with a `Sync` event (every add and update is one, its own status writes included). */
  const announced = new Map<string, string>();
  /** The leader pod and when it started leading (the status sync's period counts from then). */
  let leader: { uid: string; since: number } | undefined;
  return {
    name: 'nginx-ingress-controller',
    watches: [
      { resource: INGRESSES, map: () => KEY },
      { resource: 'ingressclasses.networking.k8s.io', map: () => KEY },
      { resource: 'pods', map: (e) => (isControllerPod(e.object as KubeObject) ? KEY : undefined) },
    ],
    reconcile(_key, ctx) {
      if (!ctx.store.has(INGRESSES)) return;
      const pods = ctx.store.list<PodObj>('pods', INGRESS_NGINX_NAMESPACE).filter(isControllerPod);
      const ingresses = ctx.store.list<KubeObject>(INGRESSES);
      const ready = pods.filter((p) => readySince(p) !== undefined && p.spec?.nodeName);
      if (pods.length === 0) {
        // Shut down: the last controller clears the addresses it published, and forgets what it announced.
        announced.clear();
        leader = undefined;
        for (const ing of ingresses) {
          if (((ing.status as { loadBalancer?: { ingress?: unknown[] } } | undefined)?.loadBalancer?.ingress ?? []).length) ctx.api.updateStatus({ ...ing, status: { loadBalancer: {} } });
        }
        return;
      }
      if (ready.length === 0) return;
      const served = ingresses.filter((i) => !i.metadata.deletionTimestamp && servedByIngressNginx(i, ctx.store));
      for (const ing of served) {
        const uid = ing.metadata.uid ?? '';
        if (announced.get(uid) === ing.metadata.resourceVersion) continue;
        announced.set(uid, ing.metadata.resourceVersion ?? '');
        ctx.event(ing, 'Normal', 'Sync', 'Scheduled for sync');
      }
      const addresses = [...new Set(ready.map((p) => nodeAddress(ctx.store.get<KubeObject & Node>('nodes', p.spec!.nodeName!))))].filter((a) => a !== '').sort();
      const stale = served.filter((i) => !sameAddresses((i.status as { loadBalancer?: { ingress?: unknown[] } } | undefined)?.loadBalancer?.ingress, addresses));
      if (stale.length === 0) return;
      // The leader syncs status when it starts leading, then every 60 s.
      const first = ready.reduce((a, b) => (readySince(b)! < readySince(a)! ? b : a));
      const now = ctx.clock.now();
      if (leader?.uid !== first.metadata.uid) leader = { uid: first.metadata.uid ?? '', since: now };
      const sinceTick = (now - (leader?.since ?? now)) % STATUS_UPDATE_INTERVAL_MS;
      if (sinceTick !== 0) {
        ctx.wakeAt(KEY, now - sinceTick + STATUS_UPDATE_INTERVAL_MS);
        return;
      }
      for (const ing of stale) ctx.api.updateStatus({ ...ing, status: { ...(ing.status as object), loadBalancer: { ingress: addresses.map((ip) => ({ ip })) } } });
    },
  };
}

/** `GetNodeIPOrName` (without `--report-node-internal-ip-address`): the ExternalIP, else the InternalIP. */
function nodeAddress(node: (KubeObject & Node) | undefined): string {
  const addrs = node?.status?.addresses ?? [];
  return addrs.find((a) => a.type === 'ExternalIP' && a.address)?.address ?? addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
}

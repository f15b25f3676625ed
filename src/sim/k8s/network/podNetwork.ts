import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { ContainerNetwork } from '../containers/netTools';
import type { K8sContext } from '../controllers/context';
import type { KubeletState } from '../kubelet/syncPod';
import { CLUSTER_DNS_IP, resolveDns } from '../services/dns';
import { httpGet, type NetworkEnv } from './http';
import { redisServerAt } from './redisNet';

/** The network as a pod sees it: requests from its IP, names through its namespace's search path. */
export function podNetwork(ctx: K8sContext, kubelets: KubeletState, pod: KubeObject & Pod, podIP: string): ContainerNetwork {
  const namespace = pod.metadata.namespace ?? 'default';
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  const env = (): NetworkEnv => ({ store: ctx.store, view: ctx.api, kubelets, rng: ctx.rng, now: ctx.clock.now() });
  return {
    nameserver: CLUSTER_DNS_IP,
    http: (url, userAgent, hostHeader, extra) => httpGet(env(), { namespace, ip: podIP, pod: pod.metadata.name, hostname, userAgent, hostHeader, ...extra }, url),
    redis: (host, port) => redisServerAt(env(), { namespace, ip: podIP, pod: pod.metadata.name, hostname, userAgent: 'redis-cli' }, host, port),
    lookup: (name) => {
      const a = resolveDns(ctx.api, name, { namespace });
      const addresses = a.records.flatMap((r) => (r.type === 'A' ? [r.address] : []));
      return a.status === 'NOERROR' && addresses.length ? { ok: true, name: a.name, addresses } : { ok: false, name: a.name };
    },
  };
}

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { RedisTarget } from '../containers/redis';
import { imageProfile } from '../images/catalog';
import { pickEndpoint, serviceBackends } from '../services/kubeProxy';
import { podByIP, resolveHost, serviceByIP, type Client, type NetworkEnv } from './http';

type PodObj = KubeObject & Pod;

/**
 * The redis server `host:port` reaches from `client`, as a Redis client
 * connects: the name resolved as the pod resolves it, a Service's cluster IP
 * through kube-proxy to one ready endpoint, then the running redis container
 * listening on the port. Or, when it cannot connect, redis-cli's words for
 * why. A replica (the guestbook's followers, `--replicaof LEADER 6379`)
 * copies its leader's keys whenever it can reach it, and keeps what it had
 * when it cannot, as a replica whose link is down serves its last data.
 */
export function redisServerAt(env: NetworkEnv, client: Client, host: string, port: number): RedisTarget | string {
  return connect(env, client, host, port, true);
}

function connect(env: NetworkEnv, client: Client, host: string, port: number, follow: boolean): RedisTarget | string {
  const cannot = (why: string) => `Could not connect to Redis at ${host}:${port}: ${why}`;
  const resolved = resolveHost(env, client, host);
  if ('error' in resolved) return cannot('Name or service not known');
  let pod: PodObj | undefined;
  let targetPort = port;
  if (resolved.ip.startsWith('127.')) pod = client.pod ? env.store.get<PodObj>('pods', `${client.namespace}/${client.pod}`) : undefined;
  else {
    const svc = serviceByIP(env.store, resolved.ip);
    if (svc) {
      const b = serviceBackends(env.view, svc.metadata.namespace ?? 'default', svc.metadata.name, port);
      if (b.type !== 'ok') return cannot('Connection timed out');
      const ep = pickEndpoint(b.endpoints, () => env.rng.next());
      // No ready endpoint: kube-proxy rejects the connection.
      if (!ep) return cannot('Connection refused');
      pod = ep.pod ? env.store.get<PodObj>('pods', `${ep.pod.namespace}/${ep.pod.name}`) : podByIP(env, ep.ip);
      targetPort = ep.port;
    } else pod = podByIP(env, resolved.ip);
  }
  if (!pod) return cannot(resolved.ip.startsWith('127.') ? 'Connection refused' : 'Connection timed out');
  const namespace = pod.metadata.namespace ?? 'default';
  const rt = env.kubelets.pods.get(`${namespace}/${pod.metadata.name}`);
  const node = rt ? env.kubelets.nodes.get(rt.node) : undefined;
  if (!rt || !node || node.stopped) return cannot('Connection timed out');
  for (const c of rt.containers) {
    const proc = c.phase === 'running' ? c.proc : undefined;
    if (!proc) continue;
    proc.advance(env.now);
    const profile = imageProfile(c.ref);
    if (!profile?.redis || !proc.listens(targetPort)) continue;
    const server = proc.redis;
    const leader = profile.redis.replicaOf;
    if (leader === undefined || !follow) return { server, replica: leader !== undefined };
    const replicaClient: Client = { namespace, ip: rt.ip ?? resolved.ip, pod: pod.metadata.name, hostname: pod.spec?.hostname ?? pod.metadata.name, userAgent: 'redis' };
    const refresh = () => {
      const from = connect(env, replicaClient, leader, 6379, false);
      if (typeof from !== 'string') server.keys = new Map(from.server.keys);
    };
    refresh();
    return { server, replica: true, refresh };
  }
  return cannot('Connection refused');
}

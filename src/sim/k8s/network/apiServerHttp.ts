import type { Pod } from 'kubernetes-types/core/v1';
import { serveApi } from '../api/apiHttp';
import { authorize, impersonatedUser, type UserInfo } from '../api/rbacAuthorizer';
import { ResourceRegistry } from '../api/resources';
import type { KubeObject } from '../api/types';
import { serviceAccountOfToken } from '../kubelet/serviceAccountToken';
import { httpGet, type Client, type HttpResult, type NetworkEnv } from './http';

let registry: ResourceRegistry | undefined;

/** Whether `ip:port` is where the API server listens: port 6443 of a node running the kube-apiserver static pod. */
export function isApiServer(env: NetworkEnv, ip: string, port: number): boolean {
  if (port !== 6443) return false;
  for (const p of env.store.list<KubeObject & Pod>('pods', 'kube-system')) {
    if (p.metadata.labels?.component === 'kube-apiserver' && p.status?.podIP === ip) return true;
  }
  return false;
}

/** The user a request's credentials stand for: a service account's token, or anonymous (kind serves anonymous requests). */
function userOf(client: Client): UserInfo | 'unauthorized' {
  const auth = client.authorization;
  if (auth === undefined) return { name: 'system:anonymous', groups: ['system:unauthenticated'] };
  const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
  const sa = m ? serviceAccountOfToken(m[1]) : undefined;
  return sa ? impersonatedUser(`system:serviceaccount:${sa.namespace}:${sa.name}`) : 'unauthorized';
}

/**
 * The API server answering a request from inside the cluster (a pod's curl
 * to `https://kubernetes.default.svc`): TLS first (plain HTTP gets Go's 400;
 * curl verifies the certificate unless `-k` or `--cacert` with the cluster
 * CA), then authentication (a service account token, or anonymous; a bad
 * token is 401), then what `serveApi` answers for that user.
 */
export function apiServerAnswer(env: NetworkEnv, client: Client, t: { scheme: string; host: string; port: number; path: string; ip: string }): HttpResult {
  const self = { namespace: 'kube-system', name: 'kube-apiserver' };
  const answer = (status: number, body: string): HttpResult => ({ ok: true, status, body, pod: self, ip: t.ip, port: 6443 });
  if (t.scheme !== 'https') return answer(400, 'Client sent an HTTP request to an HTTPS server.\n');
  if (client.tls !== 'insecure' && client.tls !== 'cacert') return { ok: false, kind: 'unsupported', message: 'SSL certificate problem: unable to get local issuer certificate', host: t.host, port: t.port };
  const user = userOf(client);
  if (user === 'unauthorized') return answer(401, `${JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }, null, 2)}\n`);
  registry ??= new ResourceRegistry();
  const r = serveApi(
    {
      registry,
      client: env.view,
      resourceVersion: () => env.store.currentResourceVersion,
      authorize: (u, a) => authorize(env.store, u, a),
      // The API server makes the proxied request itself, from its own address.
      proxyGet: (url, namespace, userAgent, hostHeader) => httpGet(env, { namespace, ip: t.ip, userAgent, hostHeader }, url),
    },
    { path: t.path, userAgent: client.userAgent, user },
  );
  return answer(r.status, r.body);
}

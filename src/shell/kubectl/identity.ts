import { forbiddenText, impersonatedUser, statusErrors, type ApiClient, type Cluster, type Status, type UserInfo } from '../../sim/k8s/index';
import type { Flags } from './flags';

/**
 * Who kubectl is to the API server: kind's admin kubeconfig holds a client
 * certificate for `kubernetes-admin` in the group `kubeadm:cluster-admins`
 * (bound to cluster-admin by kubeadm); the authenticator adds
 * `system:authenticated`.
 */
export const ADMIN_USER: UserInfo = Object.freeze({ name: 'kubernetes-admin', groups: Object.freeze(['kubeadm:cluster-admins', 'system:authenticated']) });

/** The user `--as`/`--as-group` make kubectl act as, or undefined when it acts as itself. */
export function impersonation(flags: Flags): UserInfo | undefined {
  const as = flags.string('as');
  if (!as) return undefined;
  return impersonatedUser(as, flags.list('as-group'));
}

/**
 * The subresource a command's REST call asks for besides reading the pod
 * (`kubectl exec` POSTs `pods/exec`): what RBAC must allow before it runs.
 */
const SUBRESOURCE_OF: Readonly<Record<string, { verb: string; subresource: string }>> = {
  exec: { verb: 'create', subresource: 'exec' },
  cp: { verb: 'create', subresource: 'exec' },
  attach: { verb: 'create', subresource: 'attach' },
  logs: { verb: 'get', subresource: 'log' },
  'port-forward': { verb: 'create', subresource: 'portforward' },
};

/** Whether `user` may run `command` against the pod named first in `args`: the Forbidden status when not. */
export function subresourceRefusal(cluster: Cluster, user: UserInfo, command: string, args: readonly string[], namespace: string): Status | undefined {
  const need = SUBRESOURCE_OF[command];
  const first = command === 'cp' ? args.find((a) => a.includes(':'))?.split(':')[0] : args[0];
  if (!need || first === undefined) return undefined;
  const name = first.includes('/') ? (first.startsWith('pod/') || first.startsWith('pods/') ? first.slice(first.indexOf('/') + 1) : undefined) : first;
  const attributes = { verb: need.verb, apiGroup: '', resource: 'pods', subresource: need.subresource, namespace, name };
  const d = cluster.authorize(user, attributes);
  if (d.allowed) return undefined;
  return statusErrors.forbidden({ group: '', resource: 'pods' }, name ?? '', forbiddenText(user, attributes, d.reason));
}

/** kubectl's client: the API as `user` sees it through RBAC when impersonating, else as the admin. */
export function clientOf(cluster: Cluster, user: UserInfo | undefined, strict: () => boolean): ApiClient {
  return user ? cluster.clientFor(user, strict) : cluster.client('kubectl');
}


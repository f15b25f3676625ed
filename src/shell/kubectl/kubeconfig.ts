/**
 * The learner's kubeconfig (`~/.kube/config`) as kind writes it for the
 * playground's cluster: one cluster, user and context, all `kind-kubeplay`.
 * `kubectl config` reads and changes it; every kubectl command takes its
 * namespace from the current context (`kubectl config set-context
 * --current --namespace=dev`) unless `-n` says otherwise. Each shell has its
 * own, and a replayed link's commands rebuild it.
 */

export interface ContextEntry {
  cluster: string;
  user: string;
  namespace?: string;
}

/** kind's name for the playground's cluster, as the export to a kind cluster names it too. */
export const KIND_NAME = 'kind-kubeplay';
/** The API server the control-plane node serves (its InternalIP). */
export const API_SERVER_URL = 'https://172.18.0.2:6443';
/** Where kubectl reports the file it changed. */
export const KUBECONFIG_PATH = '/home/learner/.kube/config';

export class Kubeconfig {
  readonly clusters = new Map<string, { server: string }>([[KIND_NAME, { server: API_SERVER_URL }]]);
  readonly users = new Set<string>([KIND_NAME]);
  readonly contexts = new Map<string, ContextEntry>([[KIND_NAME, { cluster: KIND_NAME, user: KIND_NAME }]]);
  current = KIND_NAME;

  /** The namespace kubectl works in: the context's (`--context` names another), or `default`. */
  namespace(context?: string): string {
    return this.contexts.get(context || this.current)?.namespace || 'default';
  }

  /** `kubectl config view` as an object (keys in kubectl's order: Go's sorted map keys). */
  view(minify: boolean, raw: boolean): Record<string, unknown> {
    const ctxNames = minify ? [this.current].filter((n) => this.contexts.has(n)) : [...this.contexts.keys()].sort();
    const ctxs = ctxNames.map((n) => this.contexts.get(n)!);
    const clusterNames = minify ? ctxs.map((c) => c.cluster).filter((n) => this.clusters.has(n)) : [...this.clusters.keys()].sort();
    const userNames = minify ? ctxs.map((c) => c.user).filter((n) => this.users.has(n)) : [...this.users].sort();
    const secret = raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' : 'DATA+OMITTED';
    return {
      apiVersion: 'v1',
      clusters: clusterNames.map((name) => ({ cluster: { 'certificate-authority-data': secret, server: this.clusters.get(name)!.server }, name })),
      contexts: ctxNames.map((name) => {
        const c = this.contexts.get(name)!;
        return { context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name };
      }),
      'current-context': this.current,
      kind: 'Config',
      preferences: {},
      users: userNames.map((name) => ({ name, user: { 'client-certificate-data': raw ? secret : 'DATA+OMITTED', 'client-key-data': raw ? secret : 'DATA+OMITTED' } })),
    };
  }
}

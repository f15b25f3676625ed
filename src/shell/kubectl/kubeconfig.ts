import { API_SERVER_ADDRESS } from '../../sim/k8s/index';

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

/** A user's `auth-provider` (`kubectl config set-credentials --auth-provider=oidc --auth-provider-arg=k=v`). */
export interface AuthProviderEntry {
  config: Record<string, string>;
  name: string;
}

/** A user's `exec` credential plugin, with the fields kubectl always writes (`args: null`, `env: null`, `provideClusterInfo: false`). */
export interface ExecEntry {
  apiVersion?: string;
  args: string[] | null;
  command: string;
  env: { name: string; value: string }[] | null;
  interactiveMode?: string;
  provideClusterInfo: boolean;
}

/** A user's fields as the file holds them (`client-certificate-data`, `token`, `exec`, …). */
export type UserEntry = Record<string, string | AuthProviderEntry | ExecEntry>;

/** kind's name for the playground's cluster, as the export to a kind cluster names it too. */
export const KIND_NAME = 'kind-kubeplay';
/** The API server the control-plane node serves (its InternalIP). */
export const API_SERVER_URL = `https://${API_SERVER_ADDRESS}`;
/** Where kubectl reports the file it changed. */
export const KUBECONFIG_PATH = '/home/learner/.kube/config';

/** The base64 of a PEM block, as the file holds certificates and keys. */
const CERT_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==';
/** What `kubectl config view` shows instead of secrets (`--raw` shows them): data fields are omitted, tokens and passwords redacted. */
const hidden = <T>(key: string, value: T): T | string => (key.endsWith('-data') ? 'DATA+OMITTED' : key === 'token' || key === 'password' ? 'REDACTED' : value);

/** Fields with their keys sorted (Go's map order in kubectl's YAML and JSON). */
function sortedFields<T>(fields: Record<string, T>, shown: (key: string, value: T) => T): Record<string, T> {
  return Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((k) => [k, shown(k, fields[k])]),
  );
}

export class Kubeconfig {
  /** Each cluster's fields as the file holds them (`server`, `insecure-skip-tls-verify`, …). */
  readonly clusters = new Map<string, Record<string, string | boolean>>([[KIND_NAME, { 'certificate-authority-data': CERT_DATA, server: API_SERVER_URL }]]);
  /** Each user's credentials as the file holds them (`client-certificate-data`, `token`, …). */
  readonly users = new Map<string, UserEntry>([[KIND_NAME, { 'client-certificate-data': CERT_DATA, 'client-key-data': CERT_DATA }]]);
  readonly contexts = new Map<string, ContextEntry>([[KIND_NAME, { cluster: KIND_NAME, user: KIND_NAME }]]);
  current = KIND_NAME;
  /** `preferences.colors` (`kubectl config set preferences.colors true`); false is omitted, as Go's omitempty does. */
  colors: boolean | undefined;

  /** The namespace kubectl works in: the context's (`--context` names another), or `default`. */
  namespace(context?: string): string {
    return this.contexts.get(context || this.current)?.namespace || 'default';
  }

  /**
   * Why kubectl cannot reach the playground's API server through `context`
   * (the current one when undefined), in client-go's and Go's words; undefined
   * when it can.
   */
  unreachable(context?: string): string | undefined {
    const name = context || this.current;
    // No context at all: client-go falls back to an API server on localhost:8080, which is not there.
    if (name === '') return 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
    const ctx = this.contexts.get(name);
    if (!ctx) return `error: context was not found for specified context: ${name}`;
    const server = this.clusters.get(ctx.cluster)?.server;
    if (server === undefined || server === '') return 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
    if (server !== API_SERVER_URL) return `Unable to connect to the server: dial tcp ${String(server).replace(/^https?:\/\//, '').replace(/\/.*$/, '')}: i/o timeout`;
    return undefined;
  }

  /** `kubectl config view` as an object (keys in kubectl's order: Go's sorted map keys). */
  view(minify: boolean, raw: boolean): Record<string, unknown> {
    const ctxNames = minify ? [this.current].filter((n) => this.contexts.has(n)) : [...this.contexts.keys()].sort();
    const ctxs = ctxNames.map((n) => this.contexts.get(n)!);
    const clusterNames = minify ? ctxs.map((c) => c.cluster).filter((n) => this.clusters.has(n)) : [...this.clusters.keys()].sort();
    const userNames = minify ? ctxs.map((c) => c.user).filter((n) => this.users.has(n)) : [...this.users.keys()].sort();
    const show = <T,>(k: string, v: T): T => (raw ? v : (hidden(k, v) as T));
    return {
      apiVersion: 'v1',
      clusters: clusterNames.map((name) => ({ cluster: sortedFields(this.clusters.get(name)!, show), name })),
      contexts: ctxNames.map((name) => {
        const c = this.contexts.get(name)!;
        return { context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name };
      }),
      'current-context': this.current,
      kind: 'Config',
      preferences: this.colors ? { colors: true } : {},
      users: userNames.map((name) => ({ name, user: sortedFields(this.users.get(name)!, show) })),
    };
  }
}

/** The Go struct field orders of clientcmd's v1 Config, by what holds them (`kubectl config view -o json` prints the struct). */
const CONFIG_ORDER: Record<string, readonly string[]> = {
  config: ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context', 'extensions'],
  preferences: ['colors', 'extensions'],
  namedCluster: ['name', 'cluster'],
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  namedUser: ['name', 'user'],
  user: ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'],
  authProvider: ['name', 'config'],
  exec: ['command', 'args', 'env', 'apiVersion', 'installHint', 'provideClusterInfo', 'interactiveMode'],
  namedContext: ['name', 'context'],
  context: ['cluster', 'user', 'namespace', 'extensions'],
};

function ordered(o: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in o) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
  return out;
}

/** `view()`'s object with its keys in the v1 Config struct's order (maps, such as an auth provider's config, stay sorted). */
export function inConfigStructOrder(view: Record<string, unknown>): Record<string, unknown> {
  const list = (key: string, named: string, inner: string, each?: (v: Record<string, unknown>) => Record<string, unknown>) =>
    ((view[key] as Record<string, unknown>[]) ?? []).map((e) => ordered({ ...e, [inner]: ordered((each ?? ((v) => v))(e[inner] as Record<string, unknown>), CONFIG_ORDER[inner]) }, CONFIG_ORDER[named]));
  const user = (u: Record<string, unknown>) => {
    const out = { ...u };
    if (out['auth-provider']) out['auth-provider'] = ordered(out['auth-provider'] as Record<string, unknown>, CONFIG_ORDER.authProvider);
    if (out.exec) out.exec = ordered(out.exec as Record<string, unknown>, CONFIG_ORDER.exec);
    return out;
  };
  return ordered(
    {
      ...view,
      preferences: ordered(view.preferences as Record<string, unknown>, CONFIG_ORDER.preferences),
      clusters: list('clusters', 'namedCluster', 'cluster'),
      users: list('users', 'namedUser', 'user', user),
      contexts: list('contexts', 'namedContext', 'context'),
    },
    CONFIG_ORDER.config,
  );
}

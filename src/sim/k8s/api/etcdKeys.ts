import type { ObjectStore } from '../../engine/store';
import { RESOURCES, storageName } from './resources';

/**
 * Where kube-apiserver keeps each object in etcd, under its default
 * `--etcd-prefix=/registry`: `/registry/<resource>/<namespace>/<name>`
 * (`/registry/<resource>/<name>` for a cluster-scoped one). A few
 * resources keep the names of older releases (Nodes are `minions`,
 * Services `services/specs`, Endpoints `services/endpoints`, Ingresses
 * `ingress`); the aggregation and CRD APIs and custom resources go under
 * their group (`/registry/stable.example.com/crontabs/default/my-cron`).
 * Built-in objects are stored as protocol buffers, custom resources as JSON.
 */

const RENAMED: Readonly<Record<string, string>> = {
  nodes: 'minions',
  services: 'services/specs',
  endpoints: 'services/endpoints',
  'ingresses.networking.k8s.io': 'ingress',
};

const GROUP_PREFIXED = new Set(['apiregistration.k8s.io', 'apiextensions.k8s.io']);

const BUILT_IN = new Set(RESOURCES.map(storageName));

/** The etcd key prefix (without the trailing slash) of a resource by its store name (`deployments.apps`). */
export function etcdPrefix(storage: string): string {
  const renamed = RENAMED[storage];
  if (renamed !== undefined) return `/registry/${renamed}`;
  const dot = storage.indexOf('.');
  if (dot < 0) return `/registry/${storage}`;
  const resource = storage.slice(0, dot);
  const group = storage.slice(dot + 1);
  return BUILT_IN.has(storage) && !GROUP_PREFIXED.has(group) ? `/registry/${resource}` : `/registry/${group}/${resource}`;
}

/** One stored object as etcd holds it: its key and, for a custom resource, its JSON (built-in objects are protocol buffers). */
export interface EtcdEntry {
  key: string;
  json?: string;
}

/** Every object of the cluster as etcd holds it, in key order (etcd's byte order). */
export function etcdEntries(store: ObjectStore): EtcdEntry[] {
  const out: EtcdEntry[] = [];
  for (const resource of store.resources()) {
    const prefix = etcdPrefix(resource);
    const custom = !BUILT_IN.has(resource);
    for (const o of store.list(resource)) {
      const { namespace, name } = o.metadata;
      const key = namespace ? `${prefix}/${namespace}/${name}` : `${prefix}/${name}`;
      out.push(custom ? { key, json: JSON.stringify(o) } : { key });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

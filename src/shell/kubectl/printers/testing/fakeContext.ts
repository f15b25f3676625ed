import { ResourceRegistry, matches, storageName, type ApiClient, type Cluster, type KubeObject, type ListOptions, type ResourceInfo } from '../../../../sim/k8s/index';
import type { PrintContext } from '../types';

const registry = new ResourceRegistry();

/** The ResourceInfo of a storage name (`pods`, `deployments.apps`), for tests. */
export function info(resource: string): ResourceInfo {
  const found = registry.byName(resource);
  if (!found) throw new Error(`no resource ${resource}`);
  return found;
}

function resourceOf(obj: KubeObject): string {
  const found = registry.forKind(obj.apiVersion, obj.kind);
  return found ? storageName(found) : `${obj.kind.toLowerCase()}s`;
}

function fieldValue(obj: unknown, path: string): string {
  let cur = obj;
  for (const p of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[p];
  return String(cur ?? '');
}

/**
 * A read-only PrintContext over a fixed set of objects: `get`/`list` by
 * storage name (unknown resources throw, as the store does), `eventsFor` by
 * involvedObject uid. Writes are not supported.
 */
export function fakeContext(objects: KubeObject[], now: number): PrintContext {
  const list = <T extends KubeObject>(resource: string, opts: ListOptions = {}): T[] => {
    if (!registry.byName(resource)) throw new Error(`store: unknown resource ${resource}`);
    return objects.filter(
      (o) =>
        resourceOf(o) === resource &&
        (opts.namespace === undefined || o.metadata.namespace === opts.namespace) &&
        (!opts.labelSelector || matches(opts.labelSelector, o.metadata.labels)) &&
        Object.entries(opts.fieldSelector ?? {}).every(([f, v]) => fieldValue(o, f) === v),
    ) as T[];
  };
  const unsupported = (): never => {
    throw new Error('fake context is read-only');
  };
  const client: ApiClient = {
    actor: 'kubectl',
    get: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string) => list<T>(resource).find((o) => o.metadata.name === name && o.metadata.namespace === namespace),
    list,
    create: unsupported,
    update: unsupported,
    updateStatus: unsupported,
    patch: unsupported,
    delete: unsupported,
    evict: unsupported,
    bind: unsupported,
    updateEphemeralContainers: unsupported,
  };
  const cluster = {
    resources: registry,
    now: () => now,
    client: () => client,
    eventsFor: (obj: KubeObject) => objects.filter((e) => e.kind === 'Event' && (e.involvedObject as { uid?: string } | undefined)?.uid === obj.metadata.uid),
  } as unknown as Cluster;
  return { cluster, client, now };
}

import type { ResourceInfo, ResourceRegistry } from './resources';

/**
 * The discovery documents the API server writes (`/api/v1`, `/apis`,
 * `/apis/GROUP`, `/apis/GROUP/VERSION`), for the resources this one serves:
 * each resource with its subresources, sorted by name, verbs sorted, and the
 * storage version hash of the resource (the first 8 bytes of the SHA-256 of
 * `group/version/kind` of its storage version, base64: the values below are
 * upstream's `storageversionhashdata`). Groups are listed in the order of
 * the aggregator's group priorities, versions by their priority.
 */

/** Upstream's `GVRToStorageVersionHash`, for the resources served here (`group/version/resource`; HPA is stored at v2). */
const STORAGE_VERSION_HASH: Readonly<Record<string, string>> = {
  'v1/configmaps': 'qFsyl6wFWjQ=',
  'v1/endpoints': 'fWeeMqaN/OA=',
  'v1/events': 'r2yiGXH7wu8=',
  'v1/limitranges': 'EBKMFVe6cwo=',
  'v1/namespaces': 'Q3oi5N2YM8M=',
  'v1/nodes': 'XwShjMxG9Fs=',
  'v1/persistentvolumeclaims': 'QWTyNDq0dC4=',
  'v1/persistentvolumes': 'HN/zwEC+JgM=',
  'v1/pods': 'xPOwRZ+Yhw8=',
  'v1/resourcequotas': '8uhSgffRX6w=',
  'v1/secrets': 'S6u1pOWzb84=',
  'v1/serviceaccounts': 'pbx9ZvyFpBE=',
  'v1/services': '0/CO1lhkEBI=',
  'apps/v1/controllerrevisions': '85nkx63pcBU=',
  'apps/v1/daemonsets': 'dd7pWHUlMKQ=',
  'apps/v1/deployments': '8aSe+NMegvE=',
  'apps/v1/replicasets': 'P1RzHs8/mWQ=',
  'apps/v1/statefulsets': 'H+vl74LkKdo=',
  'autoscaling/v1/horizontalpodautoscalers': 'qwQve8ut294=',
  'autoscaling/v2/horizontalpodautoscalers': 'qwQve8ut294=',
  'batch/v1/cronjobs': 'sd5LIXh4Fjs=',
  'batch/v1/jobs': 'mudhfqk/qZY=',
  'coordination.k8s.io/v1/leases': 'gqkMMb/YqFM=',
  'discovery.k8s.io/v1/endpointslices': 'qgS0xkrxYAI=',
  'networking.k8s.io/v1/ingressclasses': 'l/iqIbDgFyQ=',
  'networking.k8s.io/v1/ingresses': '39NQlfNR+bo=',
  'policy/v1/poddisruptionbudgets': 'EVWiDmWqyJw=',
  'rbac.authorization.k8s.io/v1/clusterrolebindings': '48tpQ8gZHFc=',
  'rbac.authorization.k8s.io/v1/clusterroles': 'bYE5ZWDrJ44=',
  'rbac.authorization.k8s.io/v1/rolebindings': 'eGsCzGH6b1g=',
  'rbac.authorization.k8s.io/v1/roles': '7FuwZcIIItM=',
  'scheduling.k8s.io/v1/priorityclasses': '1QwjyaZjj3Y=',
  'storage.k8s.io/v1/storageclasses': 'K+m6uJwbjGY=',
};

/** The key of `STORAGE_VERSION_HASH` for a resource as served. */
export function storageHashKey(info: ResourceInfo): string {
  return `${info.group ? `${info.group}/` : ''}${info.version}/${info.resource}`;
}

/** The aggregator's group priorities (kube-apiserver's `apiVersionPriorities`): higher first. */
const GROUP_PRIORITY: Readonly<Record<string, number>> = {
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
};

/** A subresource as discovery lists it: its name after the slash, kind, verbs, and the group/version of a kind from another group. */
interface Sub {
  name: string;
  kind?: string;
  verbs: readonly string[];
  gv?: { group: string; version: string };
}

const GPU = ['get', 'patch', 'update'] as const;
const PROXY = ['create', 'delete', 'get', 'patch', 'update'] as const;
const SCALE: Sub = { name: 'scale', kind: 'Scale', verbs: GPU, gv: { group: 'autoscaling', version: 'v1' } };

/** The subresources besides `status` (which a resource has when `hasStatus`), by resource. */
const OTHER_SUBRESOURCES: Readonly<Record<string, readonly Sub[]>> = {
  namespaces: [{ name: 'finalize', verbs: ['update'] }],
  nodes: [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: PROXY }],
  pods: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'ephemeralcontainers', verbs: GPU },
    { name: 'eviction', kind: 'Eviction', verbs: ['create'], gv: { group: 'policy', version: 'v1' } },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'proxy', kind: 'PodProxyOptions', verbs: PROXY },
  ],
  serviceaccounts: [{ name: 'token', kind: 'TokenRequest', verbs: ['create'], gv: { group: 'authentication.k8s.io', version: 'v1' } }],
  services: [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: PROXY }],
  deployments: [SCALE],
  replicasets: [SCALE],
  statefulsets: [SCALE],
};

/** One resource's entries: itself, then its subresources, each in the field order of `metav1.APIResource`. */
function entries(info: ResourceInfo): Record<string, unknown>[] {
  const main: Record<string, unknown> = { name: info.resource, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: [...info.verbs].sort() };
  if (info.shortNames.length > 0) main.shortNames = [...info.shortNames];
  if (info.categories.length > 0) main.categories = [...info.categories];
  const hash = STORAGE_VERSION_HASH[storageHashKey(info)];
  if (hash !== undefined) main.storageVersionHash = hash;
  const subs = [...(OTHER_SUBRESOURCES[info.resource] ?? []), ...(info.hasStatus ? [{ name: 'status', verbs: GPU }] : [])];
  const out = [main];
  for (const s of subs) {
    const e: Record<string, unknown> = { name: `${info.resource}/${s.name}`, singularName: '', namespaced: info.namespaced };
    if (s.gv) Object.assign(e, s.gv);
    e.kind = s.kind ?? info.kind;
    e.verbs = [...s.verbs];
    out.push(e);
  }
  return out;
}

/** The versions a group is served at, the preferred one first. */
function groupVersions(registry: ResourceRegistry, group: string): string[] {
  const versions: string[] = [];
  // `served` lists every resource at its preferred version first, then the other versions.
  for (const info of registry.served) if (info.group === group && !versions.includes(info.version)) versions.push(info.version);
  return versions;
}

function apiGroup(registry: ResourceRegistry, name: string): Record<string, unknown> {
  const versions = groupVersions(registry, name).map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions, preferredVersion: versions[0] };
}

/** The served groups, in the aggregator's order. */
function groups(registry: ResourceRegistry): string[] {
  const names = [...new Set(registry.all.map((i) => i.group).filter((g) => g !== ''))];
  return names.sort((a, b) => (GROUP_PRIORITY[b] ?? 0) - (GROUP_PRIORITY[a] ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The compact JSON of the discovery document at `path`, or undefined when the path is not one (or names a group or version not served). */
export function discoveryDocument(registry: ResourceRegistry, path: string): string | undefined {
  const segs = path.split('/').filter((s) => s !== '');
  const resourceList = (group: string, version: string): string | undefined => {
    const infos = registry.served.filter((i) => i.group === group && i.version === version);
    if (infos.length === 0) return undefined;
    const resources = infos.flatMap(entries).sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
    // The core group's list has no apiVersion (the legacy discovery handler leaves it out).
    return JSON.stringify(group === '' ? { kind: 'APIResourceList', groupVersion: version, resources } : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`, resources });
  };
  if (segs[0] === 'api' && segs.length === 2) return resourceList('', segs[1]);
  if (segs[0] !== 'apis') return undefined;
  if (segs.length === 1) return JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: groups(registry).map((g) => apiGroup(registry, g)) });
  if (!registry.all.some((i) => i.group === segs[1] && i.group !== '')) return undefined;
  if (segs.length === 2) return JSON.stringify({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(registry, segs[1]) });
  if (segs.length === 3) return resourceList(segs[1], segs[2]);
  return undefined;
}

import { flat } from '../../../lib/flat';
/**
 * The resources this simulated API server serves, with the names kubectl
 * resolves (plural, singular, short names, kind) and `api-resources` prints.
 * A kind missing here is answered as a real cluster without it would answer:
 * `no matches for kind "X" in version "Y"`. Add a kind here when its
 * behaviour is implemented, not before.
 */
export interface ResourceInfo {
  kind: string;
  /** API group ('' for core). */
  group: string;
  /** The version: the preferred (and storage) one, unless `storageVersion` says this is another served one. */
  version: string;
  /** Versions the resource is also served at (`autoscaling/v1` for HorizontalPodAutoscaler), converted by the API server (`conversion.ts`). */
  otherVersions?: readonly string[];
  /** Set on the resource as served at one of its `otherVersions`: the version its objects are stored at. */
  storageVersion?: string;
  /** Plural resource name, as in URLs: `deployments`. */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** `all` for kinds shown by `kubectl get all`. */
  categories: readonly string[];
  /** Verbs shown by `kubectl api-resources -o wide`. */
  verbs: readonly string[];
  /** Whether the kind has a status subresource (status writes do not bump generation). */
  hasStatus: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

function r(kind: string, group: string, version: string, resource: string, shortNames: string[], namespaced: boolean, opts: Partial<ResourceInfo> = {}): ResourceInfo {
  return {
    kind,
    group,
    version,
    resource,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    categories: [],
    verbs: RW,
    hasStatus: true,
    ...opts,
  };
}

/** Served resources, in `kubectl api-resources` order (core first, then groups alphabetically). */
export const RESOURCES: readonly ResourceInfo[] = [
  r('ConfigMap', '', 'v1', 'configmaps', ['cm'], true, { hasStatus: false }),
  r('Endpoints', '', 'v1', 'endpoints', ['ep'], true, { hasStatus: false }),
  r('Event', '', 'v1', 'events', ['ev'], true, { hasStatus: false }),
  r('LimitRange', '', 'v1', 'limitranges', ['limits'], true, { hasStatus: false }),
  r('Namespace', '', 'v1', 'namespaces', ['ns'], false, { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('Node', '', 'v1', 'nodes', ['no'], false),
  r('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', ['pvc'], true),
  r('PersistentVolume', '', 'v1', 'persistentvolumes', ['pv'], false),
  r('Pod', '', 'v1', 'pods', ['po'], true, { categories: ['all'] }),
  r('ResourceQuota', '', 'v1', 'resourcequotas', ['quota'], true),
  r('Secret', '', 'v1', 'secrets', [], true, { hasStatus: false }),
  r('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true, { hasStatus: false }),
  r('Service', '', 'v1', 'services', ['svc'], true, { categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('ControllerRevision', 'apps', 'v1', 'controllerrevisions', [], true, { hasStatus: false }),
  r('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true, { categories: ['all'] }),
  r('Deployment', 'apps', 'v1', 'deployments', ['deploy'], true, { categories: ['all'] }),
  r('ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true, { categories: ['all'] }),
  r('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true, { categories: ['all'] }),
  r('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', ['hpa'], true, { categories: ['all'], otherVersions: ['v1'] }),
  r('CronJob', 'batch', 'v1', 'cronjobs', ['cj'], true, { categories: ['all'] }),
  r('Job', 'batch', 'v1', 'jobs', [], true, { categories: ['all'] }),
  r('Lease', 'coordination.k8s.io', 'v1', 'leases', [], true, { hasStatus: false }),
  r('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true, { hasStatus: false }),
  r('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', [], false, { hasStatus: false }),
  r('Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true),
  r('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', ['pdb'], true),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false, { hasStatus: false }),
  r('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false, { hasStatus: false }),
  r('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true, { hasStatus: false }),
  r('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true, { hasStatus: false }),
  r('PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', ['pc'], false, { hasStatus: false }),
  r('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', ['sc'], false, { hasStatus: false }),
];

const storageNames = new WeakMap<ResourceInfo, string>();

/** Storage key of a resource: `pods`, `deployments.apps`. */
export function storageName(info: ResourceInfo): string {
  if (!info.group) return info.resource;
  // One string per resource: a new one per call would be hashed again by every store lookup.
  let name = storageNames.get(info);
  if (name === undefined) storageNames.set(info, (name = flat(`${info.resource}.${info.group}`)));
  return name;
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** kubectl's `<kind>.<group>` spelling for messages: `deployment.apps`, `pod`. */
export function kindGroup(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

/** Splits `apps/v1` into group and version. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export class ResourceRegistry {
  private readonly byStorage = new Map<string, ResourceInfo>();
  /** By apiVersion, then kind: every API write looks its kind up, so without building a `group/version/kind` string. */
  private readonly byGvk = new Map<string, Map<string, ResourceInfo>>();
  /** Every resource at every version it is served at: `all` first, then the other versions (what discovery lists). */
  readonly served: readonly ResourceInfo[];

  /** `all`: the resources at their preferred versions, one per resource (what `api-resources` lists). */
  constructor(readonly all: readonly ResourceInfo[] = RESOURCES) {
    const others = all.flatMap((info) => (info.otherVersions ?? []).map((version): ResourceInfo => ({ ...info, version, otherVersions: undefined, storageVersion: info.version })));
    this.served = [...all, ...others];
    for (const info of all) this.byStorage.set(storageName(info), info);
    for (const info of this.served) {
      const apiVersion = apiVersionOf(info);
      let kinds = this.byGvk.get(apiVersion);
      if (!kinds) this.byGvk.set(apiVersion, (kinds = new Map()));
      kinds.set(info.kind, info);
    }
  }

  /** The resource as served at `version` (`v1`), or undefined when it is not served there. */
  atVersion(info: ResourceInfo, version: string): ResourceInfo | undefined {
    return this.byGvk.get(info.group ? `${info.group}/${version}` : version)?.get(info.kind);
  }

  /** The last `forKind` question and answer (a run of writes of one kind asks the same). */
  private lastKind = '';
  private lastApiVersion = '';
  private lastInfo: ResourceInfo | undefined = undefined;

  /** The resource for an apiVersion + kind, or undefined (`no matches for kind`). */
  forKind(apiVersion: string, kind: string): ResourceInfo | undefined {
    if (kind === this.lastKind && apiVersion === this.lastApiVersion) return this.lastInfo;
    const info = this.byGvk.get(apiVersion)?.get(kind);
    this.lastKind = kind;
    this.lastApiVersion = apiVersion;
    this.lastInfo = info;
    return info;
  }

  /** The resource by its storage name (`deployments.apps`). */
  byName(storage: string): ResourceInfo | undefined {
    return this.byStorage.get(storage);
  }

  /**
   * Resolves a name as kubectl does: plural, singular, short name or kind,
   * case-insensitively, optionally qualified by group (`deployments.apps`)
   * or version and group (`deployments.v1.apps`).
   */
  resolve(name: string): ResourceInfo | undefined {
    const lower = name.toLowerCase();
    const dot = lower.indexOf('.');
    const base = dot < 0 ? lower : lower.slice(0, dot);
    let qualifier = dot < 0 ? undefined : lower.slice(dot + 1);
    let version: string | undefined;
    if (qualifier) {
      const m = /^(v\d+(?:(?:alpha|beta)\d+)?)(?:\.(.*))?$/.exec(qualifier);
      if (m) {
        version = m[1];
        qualifier = m[2] ?? '';
      }
    }
    // The preferred versions come first: a name without a version means the preferred one.
    for (const info of this.served) {
      if (qualifier !== undefined && info.group !== qualifier) continue;
      if (version !== undefined && info.version !== version) continue;
      if (info.resource === base || info.singular === base || info.kind.toLowerCase() === base || info.shortNames.includes(base)) return info;
    }
    return undefined;
  }

  /** Resources in a category (`all`), in the order `kubectl get all` prints them. */
  category(cat: string): ResourceInfo[] {
    const order = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'jobs', 'cronjobs'];
    return this.all.filter((i) => i.categories.includes(cat)).sort((a, b) => order.indexOf(a.resource) - order.indexOf(b.resource));
  }
}

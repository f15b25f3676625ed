import { SCHEMA } from '../schema/compactSchema';

/**
 * Strategic-merge-patch metadata (`patchStrategy` / `patchMergeKey` tags of
 * k8s.io/api) by `GoStruct.field`. Lists not listed here are atomic
 * (replaced whole). Extend when a kind is served.
 */
export interface PatchMeta {
  strategy: 'merge' | 'retainKeys' | 'merge,retainKeys';
  /** Merge key of a list of objects; absent for a merged list of primitives. */
  key?: string;
}

const CONTAINER: Record<string, PatchMeta> = {
  ports: { strategy: 'merge', key: 'containerPort' },
  env: { strategy: 'merge', key: 'name' },
  volumeMounts: { strategy: 'merge', key: 'mountPath' },
  volumeDevices: { strategy: 'merge', key: 'devicePath' },
};

export const PATCH_META: Readonly<Record<string, PatchMeta>> = {
  'ObjectMeta.finalizers': { strategy: 'merge' },
  'ObjectMeta.ownerReferences': { strategy: 'merge', key: 'uid' },
  'PodSpec.volumes': { strategy: 'merge,retainKeys', key: 'name' },
  'PodSpec.initContainers': { strategy: 'merge', key: 'name' },
  'PodSpec.containers': { strategy: 'merge', key: 'name' },
  'PodSpec.ephemeralContainers': { strategy: 'merge', key: 'name' },
  'PodSpec.imagePullSecrets': { strategy: 'merge', key: 'name' },
  'PodSpec.hostAliases': { strategy: 'merge', key: 'ip' },
  'PodSpec.topologySpreadConstraints': { strategy: 'merge', key: 'topologyKey' },
  'PodSpec.resourceClaims': { strategy: 'merge,retainKeys', key: 'name' },
  'PodSpec.schedulingGates': { strategy: 'merge', key: 'name' },
  ...Object.fromEntries(Object.entries(CONTAINER).map(([k, v]) => [`Container.${k}`, v])),
  ...Object.fromEntries(Object.entries(CONTAINER).map(([k, v]) => [`EphemeralContainer.${k}`, v])),
  'PodStatus.conditions': { strategy: 'merge', key: 'type' },
  'PodStatus.podIPs': { strategy: 'merge', key: 'ip' },
  'PodStatus.hostIPs': { strategy: 'merge', key: 'ip' },
  'ServiceSpec.ports': { strategy: 'merge', key: 'port' },
  'ServiceStatus.conditions': { strategy: 'merge', key: 'type' },
  'ServiceAccount.secrets': { strategy: 'merge', key: 'name' },
  'NodeSpec.podCIDRs': { strategy: 'merge' },
  'NodeStatus.conditions': { strategy: 'merge', key: 'type' },
  'NodeStatus.addresses': { strategy: 'merge', key: 'type' },
  'NamespaceStatus.conditions': { strategy: 'merge', key: 'type' },
  'DeploymentSpec.strategy': { strategy: 'retainKeys' },
  'DeploymentStatus.conditions': { strategy: 'merge', key: 'type' },
  'ReplicaSetStatus.conditions': { strategy: 'merge', key: 'type' },
};

/** A type in the walk: the schema type expression of the current value (`Deployment`, `[]Container`, `{}s`, `any`). */
export type TypeExpr = string | undefined;

function baseName(type: string): string {
  const i = type.indexOf('~');
  return i < 0 ? type : type.slice(0, i);
}

/** The type of `field` inside an object of type `type`, and its patch metadata. */
export function fieldOf(type: TypeExpr, field: string): { type: TypeExpr; meta?: PatchMeta } {
  if (!type) return { type: undefined };
  if (type.startsWith('{}')) return { type: type.slice(2) };
  const t = SCHEMA.types[type];
  if (!t) return { type: undefined };
  return { type: t.f[field], meta: PATCH_META[`${baseName(type)}.${field}`] };
}

/** The element type of a list type. */
export function elementOf(type: TypeExpr): TypeExpr {
  return type?.startsWith('[]') ? type.slice(2) : undefined;
}

/** The schema type of a kind: `Deployment`, or a served `apiVersion/Kind`. */
export function typeOfKind(kind: string, apiVersion?: string): TypeExpr {
  if (apiVersion && SCHEMA.kinds[`${apiVersion}/${kind}`]) return SCHEMA.kinds[`${apiVersion}/${kind}`];
  const preferred = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'coordination.k8s.io/v1', 'policy/v1', 'autoscaling/v2'];
  for (const v of preferred) if (SCHEMA.kinds[`${v}/${kind}`]) return SCHEMA.kinds[`${v}/${kind}`];
  return Object.entries(SCHEMA.kinds).find(([k]) => k.endsWith(`/${kind}`))?.[1];
}

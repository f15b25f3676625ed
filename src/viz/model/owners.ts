import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

/** How many revision hues the drawing cycles through (`--kp-rev-0` … `--kp-rev-5`). */
export const REVISION_HUES = 6;

/** The annotation the deployment controller writes on each ReplicaSet. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** What a pod belongs to, for grouping and the revision edge. */
export interface OwnerView {
  /** The controlling owner's kind and name (`ReplicaSet web-7d4b9`, `StatefulSet db`, …). */
  readonly kind: string;
  readonly name: string;
  /** The Deployment above the ReplicaSet, if any. */
  readonly deployment: string | undefined;
  /** The ReplicaSet's revision (from its annotation), if it has one. */
  readonly revision: number | undefined;
  /** Index of the revision's hue (0 … REVISION_HUES - 1), when there is a revision. */
  readonly hue: number | undefined;
}

/** The controller among an object's owner references (`controller: true`). */
export function controllerOf(meta: ObjectMeta | undefined): OwnerReference | undefined {
  return meta?.ownerReferences?.find((r) => r.controller === true);
}

/** A ReplicaSet's (or Deployment's) revision number, from its annotation. */
export function revisionOf(obj: { metadata?: ObjectMeta } | undefined): number | undefined {
  const text = obj?.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The hue for a revision: revision 1 takes the first, and so on, so that
 * in a rolling update the old and the new ReplicaSet never share a color.
 * @example revisionHue(1) // 0
 * @example revisionHue(7) // 0
 */
export function revisionHue(revision: number): number {
  return (((revision - 1) % REVISION_HUES) + REVISION_HUES) % REVISION_HUES;
}

/** Finds ReplicaSets by `namespace/name`. */
export type ReplicaSetIndex = ReadonlyMap<string, ReplicaSet>;

export function indexReplicaSets(replicaSets: readonly ReplicaSet[]): ReplicaSetIndex {
  const map = new Map<string, ReplicaSet>();
  for (const rs of replicaSets) map.set(`${rs.metadata?.namespace ?? 'default'}/${rs.metadata?.name ?? ''}`, rs);
  return map;
}

/** The pod's controlling owner, with its Deployment and revision when it is a ReplicaSet. */
export function ownerOf(meta: ObjectMeta | undefined, replicaSets: ReplicaSetIndex): OwnerView | undefined {
  const ref = controllerOf(meta);
  if (!ref) return undefined;
  if (ref.kind !== 'ReplicaSet') return { kind: ref.kind, name: ref.name, deployment: undefined, revision: undefined, hue: undefined };
  const rs = replicaSets.get(`${meta?.namespace ?? 'default'}/${ref.name}`);
  const parent = controllerOf(rs?.metadata);
  const revision = revisionOf(rs);
  return {
    kind: 'ReplicaSet',
    name: ref.name,
    deployment: parent?.kind === 'Deployment' ? parent.name : undefined,
    revision,
    hue: revision === undefined ? undefined : revisionHue(revision),
  };
}

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { controllerOf, revisionOf } from './owners';

/** One link of an owner chain: pod → ReplicaSet (revision) → Deployment. */
export interface OwnerLink {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** For a ReplicaSet: its revision. */
  readonly revision: number | undefined;
  /** Whether the owner still exists in the snapshot (a garbage-collected owner does not). */
  readonly exists: boolean;
}

export interface OwnerSource {
  readonly replicaSets: readonly ReplicaSet[];
  readonly deployments: readonly Deployment[];
}

/**
 * Who controls an object, and who controls that, up to the top (at most a
 * few links): the chain kubectl describe shows one step of as "Controlled By".
 */
export function ownerChain(meta: ObjectMeta | undefined, source: OwnerSource): OwnerLink[] {
  const namespace = meta?.namespace ?? 'default';
  const find = (kind: string, name: string): { metadata?: ObjectMeta } | undefined => {
    const list: readonly { metadata?: ObjectMeta }[] = kind === 'ReplicaSet' ? source.replicaSets : kind === 'Deployment' ? source.deployments : [];
    return list.find((o) => o.metadata?.name === name && (o.metadata?.namespace ?? 'default') === namespace);
  };
  const out: OwnerLink[] = [];
  let current = meta;
  for (let depth = 0; depth < 4; depth++) {
    const ref = controllerOf(current);
    if (!ref) break;
    const owner = find(ref.kind, ref.name);
    out.push({ kind: ref.kind, name: ref.name, namespace, revision: ref.kind === 'ReplicaSet' ? revisionOf(owner) : undefined, exists: owner !== undefined });
    if (!owner) break;
    current = owner.metadata;
  }
  return out;
}

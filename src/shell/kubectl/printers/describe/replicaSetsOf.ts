import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { controllerRef, labelSelectorMatches, type KubeObject } from '../../../../sim/k8s/index';
import type { PrintContext } from '../types';

/** A pod template with the `pod-template-hash` label removed (`EqualIgnoreHash`). */
function withoutHash(t: PodTemplateSpec | undefined): string {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return stableJson(copy);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * kubectl's `GetAllReplicaSets` for a deployment: the replica sets it
 * controls (selector match and controller reference), oldest first; `newRS`
 * is the oldest whose template equals the deployment's, `oldRSs` the others
 * that still want pods (`spec.replicas != 0`) and `allOldRSs` all the others
 * (what kubectl 1.32's describe lists, scaled-down ones too). Undefined when replica sets cannot be listed.
 */
export function replicaSetsOf(deploy: KubeObject, ctx: PrintContext): { oldRSs: KubeObject[]; allOldRSs: KubeObject[]; newRS: KubeObject | undefined } | undefined {
  const spec = deploy.spec as { selector?: Parameters<typeof labelSelectorMatches>[0]; template?: PodTemplateSpec };
  if (!ctx.cluster.resources.byName('replicasets.apps')) return undefined;
  const all = ctx.client.list('replicasets.apps', { namespace: deploy.metadata.namespace });
  const owned = all.filter((rs) => labelSelectorMatches(spec.selector, rs.metadata.labels) && controllerRef(rs.metadata)?.uid === deploy.metadata.uid);
  const target = withoutHash(spec.template);
  // FindNewReplicaSet sorts the list by creation (then name) in place and takes the oldest
  // with an equal template; FindOldReplicaSets then walks the same sorted list
  const byAge = [...owned].sort((a, b) => String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const newRS = byAge.find((rs) => withoutHash((rs.spec as { template?: PodTemplateSpec }).template) === target);
  const allOldRSs = byAge.filter((rs) => rs !== newRS);
  const oldRSs = allOldRSs.filter((rs) => ((rs.spec as { replicas?: number }).replicas ?? 1) !== 0);
  return { oldRSs, allOldRSs, newRS };
}

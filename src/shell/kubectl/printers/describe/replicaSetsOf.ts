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
 * controls (selector match and controller reference), split into the one
 * whose template equals the deployment's (new) and all the others (old).
 */
export function replicaSetsOf(deploy: KubeObject, ctx: PrintContext): { oldRSs: KubeObject[]; newRS: KubeObject | undefined } {
  const spec = deploy.spec as { selector?: Parameters<typeof labelSelectorMatches>[0]; template?: PodTemplateSpec };
  let all: KubeObject[];
  try {
    all = ctx.client.list('replicasets.apps', { namespace: deploy.metadata.namespace });
  } catch {
    return { oldRSs: [], newRS: undefined };
  }
  const owned = all.filter((rs) => labelSelectorMatches(spec.selector, rs.metadata.labels) && controllerRef(rs.metadata)?.uid === deploy.metadata.uid);
  const target = withoutHash(spec.template);
  // FindNewReplicaSet sorts by creation (then name) and takes the oldest with an equal template;
  // FindOldReplicaSets keeps that order
  const byAge = [...owned].sort((a, b) => String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || a.metadata.name.localeCompare(b.metadata.name));
  const newRS = byAge.find((rs) => withoutHash((rs.spec as { template?: PodTemplateSpec }).template) === target);
  return { oldRSs: byAge.filter((rs) => rs !== newRS), newRS };
}

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { storageName, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';
import { deepCopy } from '../deepCopy';

/** A ControllerRevision as kubectl reads it (`appsv1.ControllerRevision`). */
export type RevisionObj = KubeObject & Pick<ControllerRevision, 'data' | 'revision'>;

type Template = Record<string, unknown>;

/** `controlledHistory`: the ControllerRevisions controlled by a StatefulSet or DaemonSet, by revision. */
export function controlledHistory(ctx: CommandContext, owner: KubeObject): RevisionObj[] {
  const info = ctx.cluster.resources.resolve('controllerrevisions.apps');
  if (!info) return [];
  return ctx.client
    .list<RevisionObj>(storageName(info), { namespace: owner.metadata.namespace })
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === owner.metadata.uid))
    .sort((a, b) => a.revision - b.revision);
}

/** The pod template a revision records (`applyRevision` of its `spec.template` patch, `$patch` dropped). */
export function revisionTemplate(revision: RevisionObj): Template {
  const data = (revision.data ?? {}) as { spec?: { template?: Template } };
  const t = deepCopy(data.spec?.template ?? {});
  delete t.$patch;
  return t;
}

/** `findHistory`: the revision numbered `toRevision`, or the one before the newest when 0. */
export function findHistory(toRevision: number, history: RevisionObj[]): RevisionObj | undefined {
  if (toRevision === 0) return history.length <= 1 ? undefined : history[history.length - 2];
  return history.find((h) => h.revision === toRevision);
}

/** The template in a comparable form (keys sorted, undefined dropped). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fnv32a } from '../../../../lib/fnv';
import { cloneJson } from '../../api/defaults/clone';
import { stableStringify } from '../../api/objectDiff';
import type { Stored } from '../../api/types';
import type { K8sContext } from '../context';
import { newControllerRef } from '../controllerRefManager';
import { safeEncodeString } from '../deployment/deploymentUtil';
import { getPodRevision, type StatefulSetObj } from './statefulSetUtil';
import type { PodObj } from '../replicaset/podTally';

/** ControllerRevision history of a StatefulSet (`pkg/controller/history`, `stateful_set_utils.go`). */
export type RevisionObj = Stored<ControllerRevision>;

export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

interface RevisionData {
  spec: { template: PodTemplateSpec & { $patch: 'replace' } };
}

/** `getPatch`: the part of the set a revision records — its template, replacing the old one. */
export function getPatch(set: StatefulSetObj): RevisionData {
  return { spec: { template: { ...cloneJson(set.spec!.template), $patch: 'replace' } } };
}

/** `HashControllerRevision`: FNV of the revision data (+ collisionCount), safe-encoded. */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  let h = fnv32a(stableStringify(data));
  if (collisionCount) h = fnv32a(String(collisionCount), h);
  return safeEncodeString(String(h >>> 0));
}

/** `newRevision`: the revision `<set>-<hash>` holding the set's template. */
export function newRevision(set: StatefulSetObj, revision: number, collisionCount: number): RevisionObj {
  const data = getPatch(set);
  const hash = hashControllerRevision(data, collisionCount);
  const labels = { ...set.spec?.template.metadata?.labels, [REVISION_HASH_LABEL]: hash };
  const metadata: RevisionObj['metadata'] = { name: `${set.metadata.name}-${hash}`, namespace: set.metadata.namespace, labels, ownerReferences: [newControllerRef(set)] };
  if (set.metadata.annotations) metadata.annotations = { ...set.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data, revision };
}

/** `EqualRevision`: same recorded data. */
export const equalRevision = (a: RevisionObj, b: RevisionObj) => stableStringify(a.data) === stableStringify(b.data);

/** `ApplyRevision`: the set as it was at `revision` (its template from the revision). */
export function applyRevision(set: StatefulSetObj, revision: RevisionObj): StatefulSetObj {
  const { $patch: _, ...template } = (revision.data as RevisionData).spec.template;
  return { ...set, spec: { ...set.spec!, template } };
}

/** The set's revisions, oldest first (`SortControllerRevisions`). */
export function listRevisions(ctx: K8sContext, set: StatefulSetObj): RevisionObj[] {
  return ctx.store
    .listByIndex<RevisionObj>('controllerrevisions.apps', 'controllerUid', set.metadata.uid!)
    .slice()
    .sort((a, b) => a.revision - b.revision || a.metadata.name.localeCompare(b.metadata.name));
}

export interface Revisions {
  current: RevisionObj;
  update: RevisionObj;
  collisionCount: number;
  all: RevisionObj[];
}

/**
 * `getStatefulSetRevisions`: the update revision is the newest one when it
 * holds the current template, an older equal one renumbered (a rollback),
 * or a new one; the current revision is `status.currentRevision`'s.
 */
export function getStatefulSetRevisions(ctx: K8sContext, set: StatefulSetObj): Revisions | undefined {
  const revisions = listRevisions(ctx, set);
  let collisionCount = set.status?.collisionCount ?? 0;
  const next = revisions.length ? revisions[revisions.length - 1].revision + 1 : 1;
  let update = newRevision(set, next, collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, update));
  const last = revisions[revisions.length - 1];
  if (equal.length && last && equalRevision(last, equal[equal.length - 1])) update = last;
  else if (equal.length) {
    const res = ctx.api.update<RevisionObj>({ ...equal[equal.length - 1], revision: next });
    if (!res.ok) return undefined;
    update = res.object;
  } else {
    // `CreateControllerRevision`: a name taken by other data bumps collisionCount and retries.
    for (;;) {
      const res = ctx.api.create<RevisionObj>(update, { trusted: true });
      if (res.ok) {
        update = res.object;
        break;
      }
      if (res.status.reason !== 'AlreadyExists') return undefined;
      const existing = ctx.store.get<RevisionObj>('controllerrevisions.apps', `${set.metadata.namespace}/${update.metadata.name}`);
      if (existing && equalRevision(existing, update) && existing.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid)) {
        update = existing;
        break;
      }
      collisionCount++;
      update = newRevision(set, next, collisionCount);
    }
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, all: listRevisions(ctx, set) };
}

/** `truncateHistory`: delete the oldest revisions no pod uses beyond revisionHistoryLimit. */
export function truncateHistory(ctx: K8sContext, set: StatefulSetObj, pods: PodObj[], revs: Revisions): void {
  const live = new Set([revs.current.metadata.name, revs.update.metadata.name]);
  for (const p of pods) {
    const r = getPodRevision(p);
    if (r) live.add(r);
  }
  const history = listRevisions(ctx, set).filter((r) => !live.has(r.metadata.name));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  for (const r of history.slice(0, Math.max(0, history.length - limit))) ctx.api.delete('controllerrevisions.apps', r.metadata.namespace, r.metadata.name);
}

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { cloneJson } from '../../api/defaults/clone';
import { stableStringify } from '../../api/objectDiff';
import type { Stored } from '../../api/types';
import type { K8sContext } from '../context';
import { newControllerRef } from '../controllerRefManager';
import { computeHash } from '../deployment/deploymentUtil';
import type { PodObj } from '../replicaset/podTally';
import type { DaemonSetObj } from './daemonSetUtil';

/** A DaemonSet's ControllerRevision (`pkg/controller/daemon/update.go`). */
export type DsRevisionObj = Stored<ControllerRevision>;

/** `DefaultDaemonSetUniqueLabelKey`: on revisions and on pods. */
export const DS_HASH_LABEL = 'controller-revision-hash';
const REVISIONS = 'controllerrevisions.apps';

/** `getPatch`: what a revision records — the template, replacing the old one on rollback. */
export function getPatch(ds: DaemonSetObj): unknown {
  return { spec: { template: { ...cloneJson(ds.spec!.template), $patch: 'replace' } } };
}

/** `Match`: the revision records the DaemonSet's current template. */
export function matchRevision(ds: DaemonSetObj, r: DsRevisionObj): boolean {
  return stableStringify(getPatch(ds)) === stableStringify(r.data);
}

function controlledHistories(ctx: K8sContext, ds: DaemonSetObj): DsRevisionObj[] {
  if (!ctx.store.has(REVISIONS)) return [];
  return ctx.store.listByIndex<DsRevisionObj>(REVISIONS, 'controllerUid', ds.metadata.uid!).slice().sort((a, b) => a.revision - b.revision || a.metadata.name.localeCompare(b.metadata.name));
}

/** `snapshot`: a new revision `<ds>-<hash>`; a name taken by other data bumps collisionCount. */
function snapshot(ctx: K8sContext, ds: DaemonSetObj, revision: number): { cur?: DsRevisionObj; collisionCount: number } {
  let collisionCount = ds.status?.collisionCount ?? 0;
  for (;;) {
    const hash = computeHash(ds.spec!.template, collisionCount || undefined);
    const metadata: DsRevisionObj['metadata'] = { name: `${ds.metadata.name}-${hash}`, namespace: ds.metadata.namespace, labels: { ...ds.spec!.template.metadata?.labels, [DS_HASH_LABEL]: hash }, ownerReferences: [newControllerRef(ds)] };
    if (ds.metadata.annotations) metadata.annotations = { ...ds.metadata.annotations };
    const history: DsRevisionObj = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: getPatch(ds) as DsRevisionObj['data'], revision };
    const res = ctx.api.create<DsRevisionObj>(history, { trusted: true });
    if (res.ok) return { cur: res.object, collisionCount };
    if (res.status.reason !== 'AlreadyExists') return { collisionCount };
    const existing = ctx.store.get<DsRevisionObj>(REVISIONS, `${ds.metadata.namespace}/${metadata.name}`);
    if (existing && matchRevision(ds, existing)) return { cur: existing, collisionCount };
    collisionCount++;
  }
}

/**
 * `constructHistory`: the revision holding the current template (renumbered
 * to the newest after a rollback, created when there is none; duplicates
 * deduplicated) and the old ones. Returns undefined when a write failed.
 */
export function constructHistory(ctx: K8sContext, ds: DaemonSetObj): { cur: DsRevisionObj; old: DsRevisionObj[]; collisionCount: number } | undefined {
  const histories = controlledHistories(ctx, ds);
  const current = histories.filter((h) => matchRevision(ds, h));
  const old = histories.filter((h) => !matchRevision(ds, h));
  const next = Math.max(0, ...old.map((h) => h.revision)) + 1;
  if (current.length === 0) {
    const s = snapshot(ctx, ds, next);
    return s.cur ? { cur: s.cur, old, collisionCount: s.collisionCount } : undefined;
  }
  // `dedupCurHistories`: keep the newest equal revision.
  let cur = current.reduce((a, b) => (b.revision > a.revision ? b : a));
  for (const h of current) if (h !== cur) ctx.api.delete(REVISIONS, h.metadata.namespace, h.metadata.name);
  if (cur.revision < next) {
    const res = ctx.api.update<DsRevisionObj>({ ...cur, revision: next });
    if (!res.ok) return undefined;
    cur = res.object;
  }
  return { cur, old, collisionCount: ds.status?.collisionCount ?? 0 };
}

/** `cleanupHistory`: delete the oldest old revisions no pod still runs, beyond revisionHistoryLimit. */
export function cleanupHistory(ctx: K8sContext, ds: DaemonSetObj, old: DsRevisionObj[], pods: readonly PodObj[]): void {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const live = new Set(pods.map((p) => p.metadata.labels?.[DS_HASH_LABEL]).filter((h): h is string => !!h));
  for (const h of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (live.has(h.metadata.labels?.[DS_HASH_LABEL] ?? '')) continue;
    ctx.api.delete(REVISIONS, h.metadata.namespace, h.metadata.name);
    toKill--;
  }
}

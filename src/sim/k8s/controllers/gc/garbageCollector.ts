import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { ObjectStore, WatchEvent } from '../../../engine/store';
import type { KubeObject } from '../../api/types';
import type { K8sContext, K8sController } from '../context';
import { release } from '../controllerRefManager';
import { type Located, UidIndex } from './uidIndex';

/**
 * The garbage collector (`pkg/controller/garbagecollector`): deletes
 * objects whose owners are gone (background cascade), deletes dependents
 * first for owners deleted in the foreground (then removes the owner's
 * `foregroundDeletion` finalizer), and orphans dependents for the `orphan`
 * finalizer. Owners are found by uid through a uid → object map (`UidIndex`).
 */
export function createGarbageCollector(store: ObjectStore, resources: readonly string[]): K8sController {
  const byUid = new UidIndex();
  const dependentsOf = (uid: string): Located[] => {
    const out: Located[] = [];
    for (const resource of resources) for (const key of store.byIndex(resource, 'ownerUid', uid)) out.push({ resource, key });
    return out;
  };
  const map = (e: WatchEvent): string[] | undefined => {
    const obj = e.object as KubeObject;
    const uid = obj.metadata.uid;
    if (e.type === 'DELETED') {
      const keys: string[] = [];
      if (uid) byUid.delete(uid, e.key);
      if (uid) for (const d of dependentsOf(uid)) keys.push(`dep|${d.resource}|${d.key}`);
      for (const ref of obj.metadata.ownerReferences ?? []) ownerWaiting(ref, keys);
      return keys;
    }
    if (uid && e.type === 'ADDED') byUid.add(uid, e.resource, e.key);
    const old = e.old as KubeObject | undefined;
    const deleting = obj.metadata.deletionTimestamp;
    // Most writes (a status update) change neither owners nor deletion: nothing to look at, nothing allocated.
    const refs = obj.metadata.ownerReferences;
    if (old && old.metadata.ownerReferences === refs && !deleting) return undefined;
    // Like the graph builder, only a dependent with an owner that is not plainly alive is checked
    // (`addDependentToOwners` enqueues no dependent whose owners are all in the graph).
    const checkDependent = !!refs && (!old || old.metadata.ownerReferences !== refs) && !allSolidNow(refs);
    // A new or re-owned object whose owners are all alive, not being deleted: nothing to queue (most creations).
    if (!checkDependent && !deleting) return undefined;
    const keys: string[] = [];
    if (checkDependent) keys.push(`dep|${e.resource}|${e.key}`);
    const fin = obj.metadata.finalizers;
    if (deleting && fin && (fin.includes('foregroundDeletion') || fin.includes('orphan'))) keys.push(`owner|${e.resource}|${e.key}`);
    if (deleting && !old?.metadata.deletionTimestamp) for (const ref of obj.metadata.ownerReferences ?? []) ownerWaiting(ref, keys);
    return keys;
  };
  // The last owner references found all solid, where their owners were, and which stored versions they were:
  // a ReplicaSet's new pods share one list, and owners whose stored objects are the same ones are still solid.
  let solidRefs: readonly OwnerReference[] | undefined;
  let solidAt: Located[] = [];
  let solidOwners: (KubeObject | undefined)[] = [];
  const allSolidNow = (refs: readonly OwnerReference[]): boolean => {
    if (refs === solidRefs) {
      let same = true;
      for (let i = 0; i < solidAt.length && same; i++) same = store.get<KubeObject>(solidAt[i].resource, solidAt[i].key) === solidOwners[i];
      if (same) return true;
    }
    solidRefs = undefined;
    if (!allSolid(refs, store, byUid)) return false;
    solidAt = refs.map((r) => byUid.get(r.uid)!);
    solidOwners = solidAt.map((loc) => store.get<KubeObject>(loc.resource, loc.key));
    solidRefs = refs;
    return true;
  };
  /** A dependent went away or started terminating: its foreground owner may now finish. */
  const ownerWaiting = (ref: OwnerReference, keys: string[]) => {
    const owner = byUid.get(ref.uid);
    if (owner) keys.push(`owner|${owner.resource}|${owner.key}`);
  };
  return {
    name: 'generic-garbage-collector',
    watches: resources.map((resource) => ({ resource, map })),
    reconcile(key, ctx) {
      const [kind, resource, objKey] = key.split('|');
      if (kind === 'dep') attemptToDeleteItem(resource, objKey, ctx, byUid);
      else processOwner(resource, objKey, ctx, dependentsOf, (r, k) => attemptToDeleteItem(r, k, ctx, byUid));
    },
  };
}

const SOLID = 0;
const DANGLING = 1;
const WAITING = 2;

/** An owner reference is dangling (owner gone or replaced), waiting (owner deleted in the foreground) or solid. */
function ownerState(ref: OwnerReference, store: ObjectStore, byUid: UidIndex): number {
  const loc = byUid.get(ref.uid);
  const owner = loc && store.get<KubeObject>(loc.resource, loc.key);
  if (!owner || owner.metadata.uid !== ref.uid) return DANGLING;
  if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes('foregroundDeletion')) return WAITING;
  return SOLID;
}

function allSolid(refs: readonly OwnerReference[], store: ObjectStore, byUid: UidIndex): boolean {
  for (const r of refs) if (ownerState(r, store, byUid) !== SOLID) return false;
  return true;
}

function split(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

/** `attemptToDeleteItem`: a dependent whose owners are all gone is deleted; dangling references are dropped. */
function attemptToDeleteItem(resource: string, key: string, ctx: K8sContext, byUid: UidIndex): void {
  const obj = ctx.store.get<KubeObject>(resource, key);
  if (!obj || obj.metadata.deletionTimestamp && !obj.metadata.finalizers?.length) return;
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const [ns, name] = split(key);
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  let solid = 0;
  for (const ref of refs) {
    const state = ownerState(ref, ctx.store, byUid);
    if (state === DANGLING) dangling.push(ref);
    else if (state === WAITING) waiting.push(ref);
    else solid++;
  }
  const waitingForeground = waiting.length > 0;
  if (solid === 0 && (dangling.length > 0 || waitingForeground)) {
    if (obj.metadata.deletionTimestamp) return;
    const policy = waitingForeground && hasDependents(obj, ctx) ? 'Foreground' : 'Background';
    const res = ctx.api.delete(resource, ns, name, { propagationPolicy: policy, preconditionUid: obj.metadata.uid });
    if (res.ok) ctx.note(`deleting ${obj.kind} ${name}: owner ${waitingForeground ? 'is being deleted (foreground)' : 'is gone'}`, key);
    return;
  }
  // A live owner keeps the item: drop the references to owners that are gone or waiting for their dependents
  // (else the waiting owner would keep its foregroundDeletion finalizer for ever).
  if (dangling.length > 0 || waiting.length > 0) {
    const keep = refs.filter((r) => !dangling.includes(r) && !waiting.includes(r));
    ctx.api.patch(resource, ns, name, { metadata: { ownerReferences: keep } }, 'merge', { trusted: true });
  }
}

function hasDependents(obj: KubeObject, ctx: K8sContext): boolean {
  for (const resource of ctx.store.resources()) {
    if (resource === 'events') continue;
    if (ctx.store.byIndex(resource, 'ownerUid', obj.metadata.uid!).size > 0) return true;
  }
  return false;
}

/** Finishes foreground deletion and orphaning for an owner carrying those finalizers. */
function processOwner(resource: string, key: string, ctx: K8sContext, dependentsOf: (uid: string) => Located[], attemptToDelete: (resource: string, key: string) => void): void {
  const owner = ctx.store.get<KubeObject>(resource, key);
  if (!owner?.metadata.deletionTimestamp) return;
  const fin = owner.metadata.finalizers ?? [];
  const uid = owner.metadata.uid!;
  const [, name] = split(key);
  if (fin.includes('orphan')) {
    for (const d of dependentsOf(uid)) release(ctx, d.resource, ctx.store.get<KubeObject>(d.resource, d.key)!, uid);
    ctx.api.update({ ...owner, metadata: { ...owner.metadata, finalizers: fin.filter((f) => f !== 'orphan') } }, { trusted: true });
    ctx.note(`orphaned the dependents of ${owner.kind} ${name}`, key);
    return;
  }
  if (fin.includes('foregroundDeletion')) {
    // Each dependent goes through attemptToDeleteItem: deleted when this owner was its last, else only unlinked.
    for (const d of dependentsOf(uid)) attemptToDelete(d.resource, d.key);
    let blocking = 0;
    for (const d of dependentsOf(uid)) {
      const ref = ctx.store.get<KubeObject>(d.resource, d.key)?.metadata.ownerReferences?.find((r) => r.uid === uid);
      if (ref?.blockOwnerDeletion) blocking++;
    }
    if (blocking === 0) {
      ctx.api.update({ ...owner, metadata: { ...owner.metadata, finalizers: fin.filter((f) => f !== 'foregroundDeletion') } }, { trusted: true });
    }
  }
}

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/types';
import type { K8sContext } from './context';

/** `metav1.NewControllerRef`: the owner reference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** ControllerRefManager adoption: adds `owner`'s controller reference to `obj`. */
export function adopt<T extends KubeObject>(ctx: K8sContext, resource: string, obj: KubeObject, owner: KubeObject) {
  const refs = [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)];
  return ctx.api.patch<T>(resource, obj.metadata.namespace, obj.metadata.name, { metadata: { ownerReferences: refs } }, 'merge', { trusted: true });
}

/** Release (or orphaning): removes the references to the owner with `ownerUid` from `obj`. */
export function release(ctx: K8sContext, resource: string, obj: KubeObject, ownerUid: string) {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  return ctx.api.patch(resource, obj.metadata.namespace, obj.metadata.name, { metadata: { ownerReferences: refs.length ? refs : null } }, 'merge', { trusted: true });
}

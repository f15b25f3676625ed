import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks system-set fields readonly; the API server is what sets them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Metadata of a stored object: the API server guarantees a name. */
export type Meta = Mutable<ObjectMeta> & { name: string };

/** Any API object as it sits in the store. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  [field: string]: unknown;
}

/** A kubernetes-types object as stored (metadata and name present). */
export type Stored<T extends { metadata?: ObjectMeta }> = Omit<T, 'metadata'> & { apiVersion: string; kind: string; metadata: Meta };

export type { ObjectMeta, OwnerReference };

/** The controller owner reference of an object, if any. */
export function controllerRef(meta: ObjectMeta): OwnerReference | undefined {
  const refs = meta.ownerReferences;
  if (!refs) return undefined;
  for (const r of refs) if (r.controller) return r;
  return undefined;
}

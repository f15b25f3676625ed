import { withMetadataAndStatus, withResourceVersion } from './compact';
import type { KubeObject } from './types';

type Annotations = Record<string, string> | undefined;

/**
 * The object a status write stores: `old` with a new resourceVersion, status
 * and (when given) annotations, its keys in `old`'s order.
 *
 * Pods take their own copy of the code. A spread copies through an inline
 * cache keyed by the source's hidden class; one site fed with the objects of
 * Nodes, Deployments, ReplicaSets and pods alike turns megamorphic, and then
 * every copy takes V8's slow generic path (~0.4 µs against ~0.05 µs). A
 * site that sees only pods stays polymorphic (pods get three status writes
 * each). Their metadata is copied by `compactWith` (Object.assign, a
 * builtin with no inline cache, onto an object sized for the fields): its
 * results share one hidden class per key list, where spread copies of
 * metadata from create, bind and earlier status writes had more than the
 * four a cache holds.
 */
export function withStatus(resource: string, old: KubeObject, resourceVersion: string, annotations: Annotations, status: unknown): KubeObject {
  return resource === 'pods' ? podWithStatus(old, resourceVersion, annotations, status) : objectWithStatus(old, resourceVersion, annotations, status);
}

function podWithStatus(old: KubeObject, resourceVersion: string, annotations: Annotations, status: unknown): KubeObject {
  const meta = withResourceVersion(old.metadata, resourceVersion);
  if (annotations) meta.annotations = annotations;
  return { ...old, metadata: meta, status };
}

/** `podWithStatus` for every other resource: its own inline caches, and no spread site shared by every kind (`withMetadataAndStatus`). */
function objectWithStatus(old: KubeObject, resourceVersion: string, annotations: Annotations, status: unknown): KubeObject {
  const meta = Object.assign({}, old.metadata);
  meta.resourceVersion = resourceVersion;
  if (annotations) meta.annotations = annotations;
  return withMetadataAndStatus(old, meta, status);
}

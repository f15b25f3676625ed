import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../engine/store';
import { PRIORITY_CLASSES } from './admission/priorityAdmission';
import { storageName, type ResourceRegistry } from './resources';
import { controllerRef, type KubeObject } from './types';

/**
 * The store indexes every component relies on (informer indexers):
 * `ownerUid` (all owner references) and `controllerUid` on every
 * resource, `orphan` (namespace of objects without a controller, candidates
 * for adoption), pods by `spec.nodeName`, events by `involvedUid`, and the
 * PriorityClasses marked `globalDefault` (Priority admission asks at every new pod).
 */
export function defineIndexes(store: ObjectStore, registry: ResourceRegistry): void {
  for (const info of registry.all) {
    const resource = storageName(info);
    if (info.resource === 'events') continue;
    const owners = (o: { metadata: unknown }) => (o.metadata as KubeObject['metadata']).ownerReferences;
    store.addIndex(resource, 'controllerUid', (o) => controllerRef((o as KubeObject).metadata)?.uid, owners);
    // Most objects' one owner is their controller: the two indexes share their Sets while they agree.
    store.addIndex(resource, 'ownerUid', (o) => (o as KubeObject).metadata.ownerReferences?.map((r) => r.uid), owners, 'controllerUid');
    store.addIndex(resource, 'orphan', (o) => (controllerRef((o as KubeObject).metadata) ? undefined : (o.metadata.namespace ?? '')), owners);
    if (resource === PRIORITY_CLASSES) store.addIndex(resource, 'globalDefault', (o) => ((o as { globalDefault?: boolean }).globalDefault ? 'true' : undefined));
  }
  // A node's pods are read as a list; a bind then adds its pod without searching a Set of the node's pods.
  store.addListIndex('pods', 'spec.nodeName', (o) => (o as KubeObject & Pod).spec?.nodeName || undefined, (o) => (o as KubeObject).spec);
}

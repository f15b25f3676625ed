import type { PodSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { cloneJson } from '../api/defaults/clone';
import { defaultPod } from '../api/defaults/podDefaults';
import type { ObjectStore, WatchEvent } from '../../engine/store';
import { matches } from '../api/selectors';
import { selectorOf } from './labelSelectorCache';
import { controllerRef, type KubeObject } from '../api/types';
import type { K8sContext } from './context';
import { adopt, release } from './controllerRefManager';
import { isPodActive, type PodObj } from './replicaset/podTally';

/** No owner keys (shared: returned for most pod events). */
const NONE: string[] = [];

type Owner = KubeObject & { spec?: { selector?: LabelSelector } };

/**
 * Pod watch mapping and `ClaimPods` for a pod-owning controller (DaemonSet,
 * StatefulSet, Job): a pod event wakes only its controller's owner (found
 * from the controller reference, no scan); an orphan whose labels change
 * wakes the owners of that kind in its namespace, which may adopt it.
 * Pods owned by other kinds cost one comparison.
 */
export class PodClaims {
  private readonly claims = new Map<string, Set<string>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly kind: string,
    private readonly resource: string,
  ) {}

  private add(ownerKey: string, podKey: string): void {
    let s = this.claims.get(ownerKey);
    if (!s) this.claims.set(ownerKey, (s = new Set()));
    s.add(podKey);
  }

  /** The owner keys a pod event concerns. */
  mapPod = (e: WatchEvent): string[] => {
    const pod = e.object as PodObj;
    const old = e.old as PodObj | undefined;
    const ref = controllerRef(pod.metadata);
    // A pod another kind controls, whose owners did not change: no concern of this controller (most pod events).
    if (ref && ref.kind !== this.kind && (!old || old.metadata.ownerReferences === pod.metadata.ownerReferences)) return NONE;
    const ns = pod.metadata.namespace!;
    const oldRef = old && controllerRef(old.metadata);
    const keys: string[] = [];
    if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === this.kind) keys.push(`${ns}/${oldRef.name}`);
    const labelsChanged = !old || old.metadata.labels !== pod.metadata.labels;
    if (ref) {
      if (ref.kind !== this.kind) return keys;
      const key = `${ns}/${ref.name}`;
      if (e.type !== 'DELETED' && labelsChanged) this.add(key, e.key);
      keys.push(key);
    } else if (e.type !== 'DELETED' && labelsChanged) {
      for (const owner of this.store.list<Owner>(this.resource, ns)) {
        if (matches(selectorOf(owner.spec?.selector), pod.metadata.labels)) {
          const key = `${ns}/${owner.metadata.name}`;
          this.add(key, e.key);
          keys.push(key);
        }
      }
    }
    return keys;
  };

  /** The owner's own events: a new owner looks at the orphans of its namespace. */
  mapOwner = (e: WatchEvent): string => {
    if (e.type === 'ADDED') for (const pod of this.store.listByIndex('pods', 'orphan', e.object.metadata.namespace ?? '')) this.add(e.key, `${pod.metadata.namespace}/${pod.metadata.name}`);
    if (e.type === 'DELETED') this.claims.delete(e.key);
    return e.key;
  };

  /** `ClaimPods` for the pods whose ownership changed since the last sync of `owner`. */
  claim(owner: Owner, ctx: K8sContext): void {
    const key = `${owner.metadata.namespace}/${owner.metadata.name}`;
    const pending = this.claims.get(key);
    this.claims.delete(key);
    if (!pending) return;
    const selector = selectorOf(owner.spec?.selector);
    for (const podKey of pending) {
      const pod = ctx.store.get<PodObj>('pods', podKey);
      if (!pod) continue;
      const ref = controllerRef(pod.metadata);
      const match = matches(selector, pod.metadata.labels);
      if (ref?.uid === owner.metadata.uid) {
        if (match || owner.metadata.deletionTimestamp) continue;
        release(ctx, 'pods', pod, owner.metadata.uid!);
        ctx.note(`released pod ${pod.metadata.name} (labels no longer match)`, key);
      } else if (!ref && match && !owner.metadata.deletionTimestamp && !pod.metadata.deletionTimestamp && isPodActive(pod)) {
        adopt(ctx, 'pods', pod, owner);
        ctx.note(`adopted pod ${pod.metadata.name}`, key);
      }
    }
  }
}

/**
 * The pod spec the API server stores for a pod made from `template`
 * (SetDefaults_Pod on top of the template's PodSpec defaults), as a new
 * object: what a controller creating pods with trusted writes must send.
 */
export function defaultedPodSpec(spec: PodSpec): PodSpec {
  const pod = { spec: cloneJson(spec) } as Record<string, unknown>;
  defaultPod(pod);
  return pod.spec as PodSpec;
}

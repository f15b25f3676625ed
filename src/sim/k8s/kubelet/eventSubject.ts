import type { KubeObject } from '../api/types';

const MIRROR = 'kubernetes.io/config.mirror';

/**
 * What a kubelet's Event is about: the pod, or, for a static pod's mirror,
 * the static pod the kubelet runs from its manifest file. That pod's uid is
 * the config hash (the mirror's `kubernetes.io/config.mirror` annotation)
 * and it has no resourceVersion, so its Events outlive a deleted and
 * re-created mirror, and `kubectl describe` finds them by that hash.
 */
export function eventSubject<T extends KubeObject>(pod: T): T {
  const hash = pod.metadata.annotations?.[MIRROR];
  if (hash === undefined) return pod;
  const { resourceVersion: _rv, ...metadata } = pod.metadata;
  return { ...pod, metadata: { ...metadata, uid: hash } };
}


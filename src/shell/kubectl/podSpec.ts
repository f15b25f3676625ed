import type { KubeObject } from '../../sim/k8s/index';

/** Where an object keeps its pod spec (`UpdatePodSpecForObject`): the path of keys, or undefined. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

export interface ContainerLike {
  name: string;
  image?: string;
  [k: string]: unknown;
}

/** The pod spec of `obj` (a reference into `obj`), if it has one. */
export function podSpecOf(obj: KubeObject): { containers?: ContainerLike[]; initContainers?: ContainerLike[] } | undefined {
  const path = podSpecPath(obj.kind);
  if (!path) return undefined;
  let cur: unknown = obj;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur as { containers?: ContainerLike[] } | undefined;
}

/** Builds `{spec:{template:{spec:X}}}` around `inner` along the pod-spec path. */
export function wrapAtPodSpec(kind: string, inner: unknown): unknown {
  const path = podSpecPath(kind) ?? [];
  let v = inner;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i]]: v };
  return v;
}

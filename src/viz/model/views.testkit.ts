import type { NodeView, PodView } from './clusterView';

/** A Running, ready pod's view (tests of the layout and the renderers). */
export function podView(name: string, nodeName?: string): PodView {
  return { key: `default/${name}`, name, namespace: 'default', nodeName, status: 'Running', look: 'ready', ready: '1/1', restarts: 0, podIP: undefined, createdAt: 0, startedAt: undefined, owner: undefined, label: name };
}

/** A Ready worker's view with `pods` such pods (named `<node>-p<i>`). */
export function nodeView(name: string, pods: number): NodeView {
  return {
    key: name,
    name,
    readiness: 'Ready',
    roles: [],
    unschedulable: false,
    stopped: false,
    taints: [],
    version: 'v1.32.2',
    cpu: { requested: 0, allocatable: 4000 },
    memory: { requested: 0, allocatable: 1 },
    podCapacity: 110,
    pods: Array.from({ length: pods }, (_, i) => podView(`${name}-p${i}`, name)),
    label: name,
  };
}

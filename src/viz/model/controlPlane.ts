import type { Activity } from '../../sim/k8s/index';

/** A component drawn in the control-plane band, or on a node card (`kubelet:NODE`, `kube-proxy:NODE`). */
export type ComponentId = 'kubectl' | 'apiserver' | 'etcd' | 'scheduler' | 'controller-manager' | `kubelet:${string}` | `kube-proxy:${string}`;

/** The band's components, left to right. */
export const BAND_COMPONENTS = ['kubectl', 'apiserver', 'etcd', 'scheduler', 'controller-manager'] as const;
export type BandComponent = (typeof BAND_COMPONENTS)[number];

/** What each band component is called and what it does, in a few words. */
export const COMPONENT_TEXT: Readonly<Record<BandComponent, { title: string; role: string }>> = {
  kubectl: { title: 'kubectl', role: 'you' },
  apiserver: { title: 'kube-apiserver', role: 'every change' },
  etcd: { title: 'etcd', role: 'storage' },
  scheduler: { title: 'kube-scheduler', role: 'picks nodes' },
  'controller-manager': { title: 'kube-controller-manager', role: 'control loops' },
};

/** Controllers shown inside the controller-manager, by the actor name they write as. */
export const CONTROLLERS: readonly { actor: string; short: string }[] = [
  { actor: 'deployment-controller', short: 'deployment' },
  { actor: 'replicaset-controller', short: 'replicaset' },
  { actor: 'endpointslice-controller', short: 'endpointslice' },
  { actor: 'endpoint-controller', short: 'endpoints' },
  { actor: 'node-controller', short: 'node' },
  { actor: 'taint-eviction-controller', short: 'taint-eviction' },
  { actor: 'generic-garbage-collector', short: 'gc' },
  { actor: 'controllermanager', short: 'disruption' },
  { actor: 'namespace-controller', short: 'namespace' },
  { actor: 'service-account-controller', short: 'serviceaccount' },
];

const CONTROLLER_ACTORS = new Set(CONTROLLERS.map((c) => c.actor));

/** Which component an activity's actor is (kubectl and kubeadm are "you"). */
export function componentOf(actor: string): ComponentId {
  if (actor === 'kubectl' || actor === 'kubeadm' || actor.startsWith('kubeplay')) return 'kubectl';
  if (actor === 'default-scheduler') return 'scheduler';
  if (actor.startsWith('kubelet/')) return `kubelet:${actor.slice('kubelet/'.length)}`;
  if (CONTROLLER_ACTORS.has(actor) || actor.endsWith('-controller')) return 'controller-manager';
  return 'apiserver';
}

/** A change travelling between two components. */
export interface Pulse {
  readonly from: ComponentId;
  readonly to: ComponentId;
  /** `write`: a component writes through the API server; `notify`: a watcher hears of it. */
  readonly kind: 'write' | 'notify';
}

/** What the band shows for one burst of activity. */
export interface ActivitySummary {
  /** Distinct paths, in the order they happened (at most `limit`). */
  readonly pulses: readonly Pulse[];
  /** Components that acted (band components and node agents). */
  readonly active: ReadonlySet<ComponentId>;
  /** Controllers (by actor name) that acted. */
  readonly controllers: ReadonlySet<string>;
}

const SLICES = 'endpointslices.discovery.k8s.io';

/**
 * Maps a burst of API activity to the paths the drawing animates: each
 * write goes from its component to the API server (and on to etcd); the
 * watchers that act on it hear back — a new pod reaches the scheduler, a
 * binding the node's kubelet, a changed EndpointSlice every kube-proxy, a
 * Deployment or ReplicaSet the controller-manager.
 */
export function summarizeActivity(activity: readonly Activity[], world: ActivityWorld, limit = 24): ActivitySummary {
  const pulses = new Map<string, Pulse>();
  const active = new Set<ComponentId>();
  const controllers = new Set<string>();
  const add = (from: ComponentId, to: ComponentId, kind: Pulse['kind']) => {
    const id = `${from}>${to}`;
    if (!pulses.has(id) && pulses.size < limit) pulses.set(id, { from, to, kind });
  };
  for (const a of activity) {
    const from = componentOf(a.actor);
    active.add(from);
    if (from === 'controller-manager') controllers.add(a.actor);
    if (a.type !== 'write') continue;
    // A node's heartbeat lights its kubelet; it does not travel (it would never stop).
    if (a.resource === 'leases.coordination.k8s.io' || (a.resource === 'nodes' && a.verb === 'updateStatus' && from.startsWith('kubelet:'))) continue;
    if (from !== 'apiserver') add(from, 'apiserver', 'write');
    add('apiserver', 'etcd', 'write');
    active.add('apiserver');
    active.add('etcd');
    for (const to of watchersOf(a, world)) {
      add('apiserver', to, 'notify');
      active.add(to);
    }
  }
  return { pulses: [...pulses.values()], active, controllers };
}

/** What the summary needs to know of the cluster: its nodes, and where a pod runs. */
export interface ActivityWorld {
  readonly nodes: readonly string[];
  nodeOfPod(key: string): string | undefined;
}

function watchersOf(a: Activity, world: ActivityWorld): ComponentId[] {
  switch (a.resource) {
    case 'pods':
      if (a.verb === 'create') return ['scheduler'];
      if (a.verb === 'bind') {
        const node = a.key ? world.nodeOfPod(a.key) : undefined;
        return node ? [`kubelet:${node}`] : [];
      }
      return [];
    case 'deployments.apps':
    case 'replicasets.apps':
      return componentOf(a.actor) === 'controller-manager' && a.verb === 'updateStatus' ? [] : ['controller-manager'];
    case SLICES:
      return world.nodes.map((n) => `kube-proxy:${n}` as const);
    case 'nodes':
      return a.verb === 'updateStatus' ? [] : ['scheduler'];
    default:
      return [];
  }
}

/** The line the band shows for a component's note: who, and what. */
export interface NoteLine {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly component: ComponentId;
  readonly text: string;
}

/** Notes (not writes) as lines for the band and the control-plane log. */
export function noteLines(activity: readonly Activity[]): NoteLine[] {
  const out: NoteLine[] = [];
  for (const a of activity) {
    if (a.type !== 'note' || !a.message) continue;
    out.push({ seq: a.seq, at: a.at, actor: a.actor, component: componentOf(a.actor), text: a.message });
  }
  return out;
}

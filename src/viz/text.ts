import { LOOK_DESCRIPTION, type PodLook } from './model/podLook';

/** What a Deployment's card says to a screen reader. */
export interface DeploymentLabel {
  readonly name: string;
  readonly state: string;
  readonly desired: number;
  readonly updated: number;
  readonly available: number;
  readonly revision?: number;
  /** While rolling out: at most `max` pods, at least `min` available. */
  readonly budget?: { readonly max: number; readonly min: number };
}

/** What a Service's card says to a screen reader. */
export interface ServiceLabel {
  readonly name: string;
  readonly type: string;
  readonly clusterIP: string;
  readonly ready: number;
  readonly notReady: number;
}

/**
 * The words the drawing itself writes (inside its SVG), in the interface language. viz/ never
 * imports ui/: the UI hands a translated table to `setVizText` before it draws (and redraws the
 * whole SVG when the language changes). Kubernetes names and states (Ready, NotReady,
 * SchedulingDisabled, component names) stay as the cluster reports them.
 */
export interface VizText {
  readonly memory: string;
  /** `Pods 3 / 110` under a node's bars. */
  readonly podsOfCapacity: (pods: number, capacity: number) => string;
  readonly roles: (roles: string) => string;
  readonly poweredOff: string;
  readonly noPodsCordoned: string;
  readonly noPodsTainted: string;
  readonly noPodsYet: string;
  readonly controlPlane: string;
  readonly waitingForChange: string;
  readonly waitingHint: string;
  readonly schedulingQueue: string;
  readonly podsWaiting: (count: number) => string;
  /** A Deployment's state on its card: `rolling out`, `complete`, `paused`, `not progressing` (a condition's reason stays as it is). */
  readonly deploymentState: (state: string) => string;
  readonly workloadCounts: (desired: number, updated: number, available: number) => string;
  readonly rolloutBudget: (surge: number, unavailable: number) => string;
  readonly revision: (revision: string) => string;
  readonly readyEndpoints: (count: number) => string;
  readonly notReadyEndpoints: (count: number) => string;
  readonly noPorts: string;
  /** Accessible names: a pod's begins with its name, a node's with its name (DESIGN.md). */
  readonly look: Readonly<Record<PodLook, string>>;
  readonly nodeLost: (node: string) => string;
  /** A pod's state when its node was deleted: `bound to deleted node worker-2`. */
  readonly nodeDeleted: (node: string) => string;
  /** The card of a deleted node: its accessible name (not the node's name first: it is no node any more). */
  readonly deletedNodeLabel: (node: string, pods: number) => string;
  /** What the card of a deleted node says under its name. */
  readonly deletedNodeNote: string;
  readonly onNode: (node: string) => string;
  readonly restarts: (count: number) => string;
  readonly podCount: (count: number) => string;
  readonly deploymentLabel: (d: DeploymentLabel) => string;
  readonly serviceLabel: (s: ServiceLabel) => string;
  readonly workloadsGroup: string;
  /** What each control-plane component does, in two or three words. */
  readonly componentRole: Readonly<Record<'kubectl' | 'apiserver' | 'etcd' | 'scheduler' | 'controller-manager', string>>;
}

export const VIZ_TEXT_EN: VizText = {
  memory: 'Memory',
  podsOfCapacity: (pods, capacity) => `Pods ${pods} / ${capacity}`,
  roles: (roles) => `roles: ${roles}`,
  poweredOff: 'powered off',
  noPodsCordoned: 'No pods: cordoned',
  noPodsTainted: 'No pods: tainted NoSchedule',
  noPodsYet: 'No pods yet',
  controlPlane: 'Control plane',
  waitingForChange: 'Waiting for a change: ',
  waitingHint: 'controllers, the scheduler and kubelets say here what they do',
  schedulingQueue: 'Scheduling queue: pods waiting for a node',
  podsWaiting: (n) => `${n} pod${n === 1 ? '' : 's'} waiting`,
  deploymentState: (state) => state,
  workloadCounts: (desired, updated, available) => `${desired} desired · ${updated} updated · ${available} available`,
  rolloutBudget: (surge, unavailable) => `surge ≤${surge} · unavailable ≤${unavailable}`,
  revision: (revision) => `revision ${revision}`,
  readyEndpoints: (n) => `${n} ready`,
  notReadyEndpoints: (n) => `${n} not ready`,
  noPorts: 'no ports',
  look: LOOK_DESCRIPTION,
  nodeLost: (node) => `status unknown: ${node} is not reporting`,
  nodeDeleted: (node) => `still bound to deleted node ${node}`,
  deletedNodeLabel: (node, pods) => `Deleted node ${node}, ${pods} ${pods === 1 ? 'pod' : 'pods'} still bound to it`,
  deletedNodeNote: 'node deleted · the pod GC deletes its pods',
  onNode: (node) => ` on ${node}`,
  restarts: (n) => `${n} ${n === 1 ? 'restart' : 'restarts'}`,
  podCount: (n) => `${n} ${n === 1 ? 'pod' : 'pods'}`,
  deploymentLabel: (d) =>
    `Deployment ${d.name}, ${d.state}: ${d.desired} desired, ${d.updated} updated, ${d.available} available${d.revision !== undefined ? `, revision ${d.revision}` : ''}${d.budget ? `, at most ${d.budget.max} pods and at least ${d.budget.min} available` : ''}`,
  serviceLabel: (s) => `Service ${s.name}, ${s.type} ${s.clusterIP}, ${s.ready} ready ${s.ready === 1 ? 'endpoint' : 'endpoints'}${s.notReady > 0 ? `, ${s.notReady} not ready` : ''}`,
  workloadsGroup: 'Deployments and Services',
  componentRole: { kubectl: 'you', apiserver: 'every change', etcd: 'storage', scheduler: 'picks nodes', 'controller-manager': 'control loops' },
};

/** Memoized formatters keep at most this many texts each (a few hundred pods and nodes name far fewer). */
const MEMO_LIMIT = 4096;

/**
 * A formatter that computes each text once per distinct arguments. The view
 * models are rebuilt on every cluster change and ask for the same words over
 * and over (`on worker-2`, `revision 3` for each of a hundred pods); an
 * i18next lookup costs tens of microseconds, which added up to a third of
 * the drawing's script time in a rolling update.
 */
function memoized<A extends unknown[]>(format: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>();
  return (...args: A) => {
    const key = args.map((a) => (typeof a === 'object' && a !== null ? JSON.stringify(a) : String(a))).join('\u0001');
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      text = format(...args);
      cache.set(key, text);
    }
    return text;
  };
}

/** The same table with every formatter memoized (plain strings and records stay as they are). */
export function memoizeVizText(text: VizText): VizText {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text)) out[name] = typeof value === 'function' ? memoized(value as (...args: unknown[]) => string) : value;
  return out as unknown as VizText;
}

let current: VizText = memoizeVizText(VIZ_TEXT_EN);

/** The table the glyphs write with. */
export function vizText(): VizText {
  return current;
}

/** Sets the drawing's words (the UI calls it when the interface language is known or changes). */
export function setVizText(text: VizText): void {
  current = memoizeVizText(text);
}

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
  componentRole: { kubectl: 'you', apiserver: 'every change', etcd: 'storage', scheduler: 'picks nodes', 'controller-manager': 'control loops' },
};

let current: VizText = VIZ_TEXT_EN;

/** The table the glyphs write with. */
export function vizText(): VizText {
  return current;
}

/** Sets the drawing's words (the UI calls it when the interface language is known or changes). */
export function setVizText(text: VizText): void {
  current = text;
}

import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Requirement, type Selector } from '../api/selectors';
import type { NodeInfo } from './nodeInfo';
import type { RequiredNodeAffinity } from './nodeSelectorTerms';
import type { PodInfo } from './podInfo';
import type { SchedulingSnapshot } from './schedulingSnapshot';
import { findUntoleratedTaint } from './tolerations';

export type Action = 'DoNotSchedule' | 'ScheduleAnyway';

/** `topologySpreadConstraint`: a constraint with its selector parsed and policies defaulted. */
export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  /** Honor (default): only nodes matching the pod's nodeSelector/affinity count. */
  nodeAffinityPolicy: string;
  /** Ignore (default): tainted nodes count too. */
  nodeTaintsPolicy: string;
}

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** `systemDefaultConstraints`: used when the pod sets none (defaultingType System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = Object.freeze([
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]);

function sortRequirements(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `filterTopologySpreadConstraints`: the constraints with this action, matchLabelKeys merged into the selector (beta, on in 1.32). */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Readonly<Record<string, string>>, action: Action): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = fromLabelSelector(c.labelSelector);
    const keys = c.matchLabelKeys ?? [];
    const extra: Requirement[] = [];
    for (const k of keys) if (Object.prototype.hasOwnProperty.call(podLabels, k)) extra.push({ key: k, operator: 'Equals', values: [podLabels[k]] });
    if (extra.length > 0) selector = sortRequirements([...extra, ...(selector ?? [])]);
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

const NONE: readonly SpreadConstraint[] = Object.freeze([]);
/** System-default constraints (ScheduleAnyway) per workload selector: the same for every replica. */
const defaultsBySelector = new WeakMap<object, readonly SpreadConstraint[]>();

/**
 * The pod's own constraints with this action, or the system defaults with
 * the workload selector (`buildDefaultConstraints`). Read-only: the result
 * may be shared between cycles.
 */
export function podConstraints(pod: PodInfo, snapshot: SchedulingSnapshot, action: Action): readonly SpreadConstraint[] {
  const own = pod.pod.spec?.topologySpreadConstraints;
  if (own && own.length > 0) return filterConstraints(own, pod.labels, action);
  // The system defaults are all ScheduleAnyway.
  if (action !== 'ScheduleAnyway') return NONE;
  const selector = snapshot.defaultSpreadSelector(pod);
  if (!selector || selector.length === 0) return NONE;
  let constraints = defaultsBySelector.get(selector);
  if (!constraints) {
    const fresh = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, {}, action);
    for (const c of fresh) c.selector = selector;
    defaultsBySelector.set(selector, (constraints = Object.freeze(fresh)));
  }
  return constraints;
}

/** `nodeLabelsMatchSpreadConstraints`: the node carries every constraint's topology key. */
export function nodeHasAllKeys(labels: Readonly<Record<string, string>>, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return false;
  return true;
}

/** `matchNodeInclusionPolicies`: whether the node's pods count for this constraint. */
export function nodeIncluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.match(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && node.hasDoNotScheduleTaints && findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations)) return false;
  return true;
}

/** Whether the pod's own labels match the constraint (it counts itself once placed). */
export function selfMatches(c: SpreadConstraint, pod: PodInfo): boolean {
  return matches(c.selector, pod.labels);
}

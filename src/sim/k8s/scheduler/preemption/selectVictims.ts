import { labelSelectorMatches } from '../../api/selectors';
import { HostPortInfo } from '../hostPorts';
import type { NodeInfo } from '../nodeInfo';
import type { NodeLoad } from '../nominator';
import { insufficientResources } from '../plugins/nodeResourcesFit';
import type { PodInfo } from '../podInfo';

/**
 * DefaultPreemption's kernels (`pkg/scheduler/framework/plugins/defaultpreemption`
 * and `framework/preemption`), pure: which pods of a node would have to go
 * for the preemptor to fit (`SelectVictimsOnNode`, with the PDB-aware
 * reprieve), and which candidate node is the least harmful
 * (`pickOneNodeForPreemption`).
 */

/** The parts of a PodDisruptionBudget preemption reads. */
export interface PdbView {
  namespace: string;
  selector: Parameters<typeof labelSelectorMatches>[0];
  disruptionsAllowed: number;
  /** `status.disruptedPods`: pods the API server already counted as disrupted. */
  disruptedPods: ReadonlySet<string>;
}

export interface Candidate {
  node: NodeInfo;
  /** Highest priority first (`MoreImportantPod`). */
  victims: PodInfo[];
  numPDBViolations: number;
}

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const PORTS_CONFLICT = "node(s) didn't have free ports for the requested pod ports";

/** The time the pod started (`status.startTime`), for ordering equal priorities; pods not started yet count as now. */
function startTime(p: PodInfo): number {
  const t = Date.parse(p.pod.status?.startTime ?? '');
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

/** `MoreImportantPod`: higher priority first, then the one that started earlier. */
export function moreImportantFirst(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return startTime(a) - startTime(b);
}

/**
 * What still stops `pod` from fitting on `node` once `removed` are gone:
 * NodeResourcesFit's reasons (`Too many pods`, `Insufficient <resource>`)
 * and the NodePorts conflict (the nominated pods' ports counted as bound).
 * Empty when it fits.
 */
export function reasonsWithout(pod: PodInfo, node: NodeInfo, removed: ReadonlySet<PodInfo>, nominated?: NodeLoad): string[] {
  // NodeResourcesFit's own check, on the node with the removed pods taken off (and the nominated ones added).
  const change: NodeLoad = { pods: (nominated?.pods ?? 0) - removed.size, cpu: nominated?.cpu ?? 0, memory: nominated?.memory ?? 0, ephemeralStorage: nominated?.ephemeralStorage ?? 0, scalar: nominated?.scalar ? new Map(nominated.scalar) : null };
  for (const v of removed) {
    change.cpu -= v.res.cpu;
    change.memory -= v.res.memory;
    change.ephemeralStorage -= v.res.ephemeralStorage;
    for (const [k, q] of v.res.scalar ?? []) (change.scalar ??= new Map()).set(k, (change.scalar.get(k) ?? 0) - q);
  }
  const reasons = insufficientResources(pod.res, node, change);
  if (reasons.length === 0 && pod.hostPorts.length > 0) {
    const used = new HostPortInfo();
    for (const p of node.pods) if (!removed.has(p)) for (const hp of p.hostPorts) used.add(hp);
    for (const p of nominated?.nominatedPods ?? []) for (const hp of p.hostPorts) used.add(hp);
    if (pod.hostPorts.some((hp) => used.conflicts(hp))) reasons.push(PORTS_CONFLICT);
  }
  return reasons;
}

/** `filterPodsWithPDBViolation`: victims whose eviction would take a matching budget below zero, and the others. */
export function filterPodsWithPDBViolation(pods: readonly PodInfo[], pdbs: readonly PdbView[]): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.namespace !== p.namespace) return;
        // A PDB with a nil or empty selector matches nothing here.
        const sel = pdb.selector;
        if (!sel || ((sel.matchLabels === undefined || Object.keys(sel.matchLabels).length === 0) && (sel.matchExpressions ?? []).length === 0)) return;
        if (!labelSelectorMatches(sel, p.labels)) return;
        if (pdb.disruptedPods.has(p.name)) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

/**
 * `SelectVictimsOnNode`: remove every lower-priority pod; if the preemptor
 * still does not fit, the node is no candidate (its reasons are the
 * status); otherwise add pods back, most important first — PDB-violating
 * ones before the others — keeping each that leaves room.
 */
export function selectVictimsOnNode(pod: PodInfo, node: NodeInfo, pdbs: readonly PdbView[], nominated?: NodeLoad): { victims: PodInfo[]; numPDBViolations: number } | { reasons: string[]; unresolvable: boolean } {
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return { reasons: [NO_VICTIMS], unresolvable: true };
  const removed = new Set(potential);
  const still = reasonsWithout(pod, node, removed, nominated);
  if (still.length > 0) return { reasons: still, unresolvable: false };
  potential.sort(moreImportantFirst);
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  let numPDBViolations = 0;
  const reprieve = (p: PodInfo): boolean => {
    removed.delete(p);
    if (reasonsWithout(pod, node, removed, nominated).length === 0) return true;
    removed.add(p);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) victims.sort(moreImportantFirst);
  return { victims, numPDBViolations };
}

/**
 * `pickOneNodeForPreemption`: fewest PDB violations, then the lowest
 * highest-priority victim, the smallest sum of priorities, the fewest
 * victims, the latest start among the highest-priority victims, then the
 * first candidate.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const OFFSET = 2 ** 31; // MaxInt32 + 1: every priority counts positively in the sum
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -(c.victims[0]?.priority ?? -Infinity),
    (c) => -c.victims.reduce((s, v) => s + v.priority + OFFSET, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = c.victims[0]?.priority;
      return Math.min(...c.victims.filter((v) => v.priority === top).map(startTime));
    },
  ];
  let pool = [...candidates];
  for (const score of criteria) {
    const best = Math.max(...pool.map(score));
    pool = pool.filter((c) => score(c) === best);
    if (pool.length === 1) break;
  }
  return pool[0];
}

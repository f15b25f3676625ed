import { statusMessage, type Status } from './status';

/** `NoNodeAvailableMsg`. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_ELIGIBLE_PREEMPT_NEVER = 'not eligible due to preemptionPolicy=Never.';

/** `framework.Diagnosis` as far as the message needs it. */
export interface Diagnosis {
  /** Statuses of the nodes that were checked and failed (NodeToStatus, explicit entries). */
  nodeStatuses: readonly Status[];
  /** Status of every node not in `nodeStatuses` (PreFilter rejection or PreFilterResult), if any. */
  absentStatus?: Status;
  /** Message of a PreFilter rejection. */
  preFilterMsg?: string;
}

/**
 * `FitError.Error()` (v1.28+): `0/N nodes are available: <PreFilter msg>.`
 * or the histogram `<count> <reason>` sorted as strings and joined by `, `,
 * then a space and the PostFilter message, which carries its own final dot.
 * @example fitErrorMessage(1, { nodeStatuses: [cpu] }) // '0/1 nodes are available: 1 Insufficient cpu.'
 */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis, postFilterMsg?: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = new Map<string, number>();
    for (const s of d.nodeStatuses) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const absent = numAllNodes - d.nodeStatuses.length;
    if (absent > 0 && d.absentStatus) for (const r of d.absentStatus.reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
    const histogram = [...reasons].map(([r, n]) => `${n} ${r}`).sort(goStringLess);
    if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

/** Go's `sort.Strings`: byte-wise order (UTF-16 order agrees for the texts involved). */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * DefaultPreemption's PostFilter message when no pod can be preempted (every
 * pod has priority 0 in this simulation, so no node ever has victims):
 * nodes rejected with `Unschedulable` are dry-run and report no victims, all
 * others are "not helpful". Pods with `preemptionPolicy: Never` are not eligible.
 */
export function preemptionMessage(numAllNodes: number, d: Diagnosis, preemptionPolicy: string | undefined): string {
  if (preemptionPolicy === 'Never') return `preemption: ${NOT_ELIGIBLE_PREEMPT_NEVER}`;
  let potential = 0;
  for (const s of d.nodeStatuses) if (s.code === 'Unschedulable') potential++;
  if (d.absentStatus?.code === 'Unschedulable') potential += numAllNodes - d.nodeStatuses.length;
  const noVictims = { code: 'UnschedulableAndUnresolvable', reasons: [NO_PREEMPTION_VICTIMS], plugin: 'DefaultPreemption' } as const;
  const notHelpful = { code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL], plugin: 'DefaultPreemption' } as const;
  const statuses: Status[] = Array.from({ length: potential }, () => noVictims);
  return `preemption: ${fitErrorMessage(numAllNodes, { nodeStatuses: statuses, absentStatus: notHelpful })}`;
}

/** The FailedScheduling text: the fit error with DefaultPreemption's verdict appended. */
export function failedSchedulingMessage(numAllNodes: number, d: Diagnosis, preemptionPolicy: string | undefined): string {
  return fitErrorMessage(numAllNodes, d, preemptionMessage(numAllNodes, d, preemptionPolicy));
}

/** PreFilter rejections put their message in the Diagnosis rather than a histogram. */
export function preFilterDiagnosis(s: Status): Diagnosis {
  return { nodeStatuses: [], absentStatus: s, preFilterMsg: statusMessage(s) };
}

/** `truncateMessage`: events keep at most 1024 characters (`NoteLengthLimit`), ending ` ...`. */
export function truncateEventMessage(message: string): string {
  const max = 1024;
  return message.length <= max ? message : `${message.slice(0, max - 4)} ...`;
}

/**
 * A filter plugin's verdict on one node, as `framework.Status`: the code
 * decides whether preemption could help (`Unschedulable`) or not
 * (`UnschedulableAndUnresolvable`); the reasons feed the FailedScheduling
 * histogram.
 */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
  /** The plugin that rejected the node. */
  readonly plugin: string;
}

/** A rejection preemption might resolve (resources, ports, anti-affinity). */
export function unschedulable(plugin: string, ...reasons: string[]): Status {
  return Object.freeze({ code: 'Unschedulable', reasons: Object.freeze(reasons), plugin });
}

/** A rejection no preemption can resolve (taints, node affinity, cordon). */
export function unresolvable(plugin: string, ...reasons: string[]): Status {
  return Object.freeze({ code: 'UnschedulableAndUnresolvable', reasons: Object.freeze(reasons), plugin });
}

/** `Status.Message()`: the reasons joined with `, `. */
export function statusMessage(s: Status): string {
  return s.reasons.join(', ');
}

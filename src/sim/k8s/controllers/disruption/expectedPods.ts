import type { PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';

/**
 * Kernels of the disruption controller (`pkg/controller/disruption/disruption.go`):
 * how many pods a PodDisruptionBudget expects and wants healthy, and how
 * many disruptions that leaves.
 */

/** `intstr.GetScaledValueFromIntOrPercent(v, total, roundUp)`. */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const p = Number(v.slice(0, -1));
  const exact = (p * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * `getExpectedPodCount`: `minAvailable` as a number wants that many healthy
 * out of the pods it selects; a percentage, or `maxUnavailable`, counts
 * against the owning controllers' scale (`expectedScale`), rounding up.
 * @example expectedPodCount({ minAvailable: '50%' }, 7, () => 5) // { expected: 5, desiredHealthy: 3 }
 */
export function expectedPodCount(spec: PodDisruptionBudgetSpec, selectedPods: number, expectedScale: () => number): { expected: number; desiredHealthy: number } {
  if (spec.maxUnavailable !== undefined) {
    const expected = expectedScale();
    const maxUnavailable = scaledValue(spec.maxUnavailable, expected, true);
    return { expected, desiredHealthy: Math.max(0, expected - maxUnavailable) };
  }
  if (spec.minAvailable !== undefined) {
    if (typeof spec.minAvailable === 'number') return { expected: selectedPods, desiredHealthy: spec.minAvailable };
    const expected = expectedScale();
    return { expected, desiredHealthy: scaledValue(spec.minAvailable, expected, true) };
  }
  return { expected: 0, desiredHealthy: 0 };
}

/** `updatePdbStatus`: disruptions allowed, never negative, none while no pod is expected. */
export function disruptionsAllowed(currentHealthy: number, desiredHealthy: number, expected: number): number {
  const allowed = currentHealthy - desiredHealthy;
  return expected <= 0 || allowed <= 0 ? 0 : allowed;
}

import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';

/**
 * The HPA's normalisation of a raw recommendation (`horizontal.go`):
 * stabilisation windows, rate limits and min/max, on both the legacy path
 * (no `behavior`) and the behavior path, with the condition each step sets.
 */

/** `--horizontal-pod-autoscaler-downscale-stabilization`. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

export interface Recommendation {
  at: number;
  replicas: number;
}

export interface ScaleEvent {
  at: number;
  /** Replicas added (positive) or removed (negative). */
  change: number;
}

export interface Condition {
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  ableToScale?: Condition;
  scalingLimited: Condition;
}

/** The v2 default rules (`SetDefaults_HorizontalPodAutoscalerBehavior`), filled in field by field. */
export function defaultRules(behavior: HorizontalPodAutoscalerBehavior): { up: Required<Pick<HPAScalingRules, 'policies' | 'selectPolicy' | 'stabilizationWindowSeconds'>>; down: Required<Pick<HPAScalingRules, 'policies' | 'selectPolicy' | 'stabilizationWindowSeconds'>> } {
  const up = behavior.scaleUp ?? {};
  const down = behavior.scaleDown ?? {};
  return {
    up: {
      stabilizationWindowSeconds: up.stabilizationWindowSeconds ?? 0,
      selectPolicy: up.selectPolicy ?? 'Max',
      policies: up.policies ?? [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    down: {
      stabilizationWindowSeconds: down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000,
      selectPolicy: down.selectPolicy ?? 'Max',
      policies: down.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  };
}

const within: Condition = { status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };

/** Legacy `normalizeDesiredReplicas`: max over the last 300 s of recommendations, then ×2 (at least 4) and min/max. */
export function normalizeLegacy(raw: number, current: number, min: number, max: number, recommendations: readonly Recommendation[], now: number): Normalized {
  let stabilized = raw;
  for (const r of recommendations) if (r.at > now - DOWNSCALE_STABILIZATION_MS && r.replicas > stabilized) stabilized = r.replicas;
  const ableToScale: Condition =
    stabilized !== raw
      ? { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
  const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
  let replicas = stabilized;
  let scalingLimited = within;
  const upper = Math.min(max, scaleUpLimit);
  if (replicas < min) {
    replicas = min;
    scalingLimited = { status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  } else if (replicas > upper) {
    replicas = upper;
    scalingLimited =
      upper === max
        ? { status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }
        : { status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
  }
  return { replicas, ableToScale, scalingLimited };
}

/** Replicas added (or removed) by the HPA within the last `periodMs`. */
function changedWithin(events: readonly ScaleEvent[], now: number, periodMs: number, up: boolean): number {
  let n = 0;
  for (const e of events) if (e.at > now - periodMs && (up ? e.change > 0 : e.change < 0)) n += Math.abs(e.change);
  return n;
}

/** `normalizeDesiredReplicasWithBehaviors`: stabilisation windows, then the policies' rate limits and min/max. */
export function normalizeWithBehavior(raw: number, current: number, min: number, max: number, behavior: HorizontalPodAutoscalerBehavior, recommendations: readonly Recommendation[], events: readonly ScaleEvent[], now: number): Normalized {
  const rules = defaultRules(behavior);
  // `stabilizeRecommendationWithBehaviors`: lowest in the up window, highest in the down window, bounded by current.
  const upCutoff = now - rules.up.stabilizationWindowSeconds * 1000;
  const downCutoff = now - rules.down.stabilizationWindowSeconds * 1000;
  let up = raw;
  let down = raw;
  for (const r of recommendations) {
    if (r.at > upCutoff) up = Math.min(up, r.replicas);
    if (r.at > downCutoff) down = Math.max(down, r.replicas);
  }
  let stabilized = current;
  if (up > stabilized) stabilized = up;
  if (down < stabilized) stabilized = down;
  let ableToScale: Condition | undefined;
  if (stabilized !== raw) {
    ableToScale =
      stabilized > raw
        ? { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
        : { status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
  }
  // `convertDesiredReplicasWithBehaviorRate`.
  if (stabilized > current) {
    const limits = rules.up.policies.map((p) => {
      const periodStart = current - changedWithin(events, now, p.periodSeconds * 1000, true);
      return p.type === 'Pods' ? periodStart + p.value : Math.ceil(periodStart * (1 + p.value / 100));
    });
    let limit = rules.up.selectPolicy === 'Disabled' ? current : rules.up.selectPolicy === 'Min' ? Math.min(...limits) : Math.max(...limits);
    if (limit < current) limit = current;
    const byRate = max > limit;
    const allowed = byRate ? limit : max;
    if (stabilized > allowed) {
      return {
        replicas: allowed,
        ableToScale,
        scalingLimited: byRate
          ? { status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' }
          : { status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' },
      };
    }
  } else if (stabilized < current) {
    const limits = rules.down.policies.map((p) => {
      const periodStart = current + changedWithin(events, now, p.periodSeconds * 1000, false);
      return p.type === 'Pods' ? periodStart - p.value : Math.trunc(periodStart * (1 - p.value / 100));
    });
    let limit = rules.down.selectPolicy === 'Disabled' ? current : rules.down.selectPolicy === 'Min' ? Math.max(...limits) : Math.min(...limits);
    if (limit > current) limit = current;
    const byRate = min < limit;
    const allowed = byRate ? limit : min;
    if (stabilized < allowed) {
      return {
        replicas: allowed,
        ableToScale,
        scalingLimited: byRate
          ? { status: 'True', reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' }
          : { status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' },
      };
    }
  }
  return { replicas: stabilized, ableToScale, scalingLimited: within };
}

import { describe, expect, it } from 'vitest';
import { normalizeLegacy, normalizeWithBehavior } from './normalize';
import { resourceReplicas, type PodFacts } from './replicaCalculator';

const NOW = 10_000_000;
/** A Running, long-Ready pod with a CPU request and a usage sample. */
const pod = (name: string, request: number, usage?: number, extra: Partial<PodFacts> = {}): PodFacts => ({
  name,
  phase: 'Running',
  deleting: false,
  request,
  usage,
  sampleAt: NOW,
  startTime: NOW - 3_600_000,
  ready: { status: true, lastTransitionTime: NOW - 3_500_000 },
  ...extra,
});
const pods = (n: number, request: number, usage: number) => Array.from({ length: n }, (_, i) => pod(`p${i}`, request, usage));
/** Pods at `util` % of a 100m request. */
const at = (n: number, util: number) => pods(n, 100, util);

describe('HPA replica calculation (reference vectors H1–H10)', () => {
  it('H1: 2 pods at 90 % of request, target 50 % → 4', () => {
    const r = resourceReplicas(2, 50, 'cpu', pods(2, 200, 180), NOW);
    expect(r).toMatchObject({ ok: true, replicas: 4, utilization: 90 });
  });
  it('H2: 54 % against 50 % is within the 0.1 tolerance → no change', () => {
    expect(resourceReplicas(4, 50, 'cpu', at(4, 54), NOW)).toMatchObject({ replicas: 4 });
  });
  it('H3: 55 % against 50 % is just outside the tolerance (1.1 − 1 > 0.1 in floating point) → 5', () => {
    expect(resourceReplicas(4, 50, 'cpu', at(4, 55), NOW)).toMatchObject({ replicas: 5 });
  });
  it('H4: 45 % against 50 % is inside the tolerance → no change', () => {
    expect(resourceReplicas(4, 50, 'cpu', at(4, 45), NOW)).toMatchObject({ replicas: 4 });
  });
  it('H8: a pod without metrics counts as 0 on a scale-up → ceil(1.2 × 3) = 4', () => {
    const r = resourceReplicas(3, 50, 'cpu', [pod('a', 100, 90), pod('b', 100, 90), pod('c', 100)], NOW);
    expect(r).toMatchObject({ replicas: 4, utilization: 90 });
  });
  it('H9: not-yet-ready pods count as 0 on a scale-up, which brings the ratio back within tolerance → 4', () => {
    const young = { startTime: NOW - 10_000, ready: { status: false, lastTransitionTime: NOW - 10_000 } };
    const r = resourceReplicas(4, 50, 'cpu', [pod('a', 100, 100), pod('b', 100, 100), pod('c', 100, 0, young), pod('d', 100, 0, young)], NOW);
    expect(r).toMatchObject({ replicas: 4 });
  });
  it('H10: a pod without metrics counts as 100 % on a scale-down → ceil(0.64 × 4) = 3', () => {
    const r = resourceReplicas(4, 50, 'cpu', [pod('a', 100, 10), pod('b', 100, 10), pod('c', 100, 10), pod('d', 100)], NOW);
    expect(r).toMatchObject({ replicas: 3 });
  });
  it('a container without a CPU request is an error', () => {
    expect(resourceReplicas(1, 50, 'cpu', [pod('a', undefined as unknown as number, 10, { request: undefined })], NOW)).toMatchObject({ ok: false });
  });
});

describe('HPA normalisation (reference vectors H5–H7, H11, H12, H15)', () => {
  it('H5: legacy path, raw 6 above maxReplicas 5 → 5, TooManyReplicas', () => {
    expect(normalizeLegacy(6, 3, 1, 5, [], NOW)).toMatchObject({ replicas: 5, scalingLimited: { status: 'True', reason: 'TooManyReplicas' } });
  });
  it('H6: legacy path, raw 10 from 1 replica is limited to max(2×1, 4) = 4, ScaleUpLimit', () => {
    expect(normalizeLegacy(10, 1, 1, 20, [], NOW)).toMatchObject({ replicas: 4, scalingLimited: { reason: 'ScaleUpLimit' } });
  });
  it('H7: behavior with the v2 defaults: Pods 1+4 = 5 beats Percent ceil(1×2) = 2 → 5, ScaleUpLimit', () => {
    expect(normalizeWithBehavior(10, 1, 1, 20, {}, [], [], NOW)).toMatchObject({ replicas: 5, scalingLimited: { reason: 'ScaleUpLimit' } });
  });
  it('H11: legacy path keeps the highest recommendation of the last 300 s, then lets go', () => {
    const recs = [{ at: NOW - 120_000, replicas: 10 }];
    expect(normalizeLegacy(4, 10, 1, 20, recs, NOW)).toMatchObject({ replicas: 10, ableToScale: { reason: 'ScaleDownStabilized' } });
    expect(normalizeLegacy(4, 10, 1, 20, recs, NOW + 181_000)).toMatchObject({ replicas: 4 });
  });
  it('H12: default scale-down policy allows all the way down, bounded by minReplicas 2 → 2, TooFewReplicas', () => {
    expect(normalizeWithBehavior(1, 10, 2, 20, {}, [], [], NOW)).toMatchObject({ replicas: 2, scalingLimited: { reason: 'TooFewReplicas' } });
  });
  it('H15: scale-down policies {Pods 4/60s, Percent 10/60s}, selectPolicy Max, from 80 → 72, ScaleDownLimit', () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }, { type: 'Percent', value: 10, periodSeconds: 60 }] } };
    expect(normalizeWithBehavior(10, 80, 1, 100, behavior, [], [], NOW)).toMatchObject({ replicas: 72, scalingLimited: { reason: 'ScaleDownLimit' } });
  });
});

import { describe, expect, it } from 'vitest';
import { disruptionsAllowed, expectedPodCount, scaledValue } from './expectedPods';

describe('PodDisruptionBudget arithmetic (reference §8.9 vectors W9–W11)', () => {
  it('W9: minAvailable 2 with 3 Ready pods allows 1 disruption; with 2 healthy, none', () => {
    const { expected, desiredHealthy } = expectedPodCount({ minAvailable: 2 }, 3, () => 99);
    expect({ expected, desiredHealthy }).toEqual({ expected: 3, desiredHealthy: 2 });
    expect(disruptionsAllowed(3, desiredHealthy, expected)).toBe(1);
    expect(disruptionsAllowed(2, desiredHealthy, expected)).toBe(0);
  });

  it('W10: minAvailable 50 % of 5 expected wants ceil(2.5) = 3 healthy, allows 2', () => {
    const r = expectedPodCount({ minAvailable: '50%' }, 5, () => 5);
    expect(r).toEqual({ expected: 5, desiredHealthy: 3 });
    expect(disruptionsAllowed(5, r.desiredHealthy, r.expected)).toBe(2);
  });

  it('W11: maxUnavailable 30 % of 5 rounds up to 2, so 3 must stay healthy, allows 2', () => {
    const r = expectedPodCount({ maxUnavailable: '30%' }, 5, () => 5);
    expect(r).toEqual({ expected: 5, desiredHealthy: 3 });
    expect(disruptionsAllowed(5, r.desiredHealthy, r.expected)).toBe(2);
  });

  it('counts percentages against the controllers’ scale, integers against the selected pods; never negative; nothing without expected pods', () => {
    expect(expectedPodCount({ minAvailable: '100%' }, 2, () => 4)).toEqual({ expected: 4, desiredHealthy: 4 });
    expect(expectedPodCount({ maxUnavailable: 5 }, 3, () => 3)).toEqual({ expected: 3, desiredHealthy: 0 });
    expect(expectedPodCount({}, 3, () => 3)).toEqual({ expected: 0, desiredHealthy: 0 });
    expect(disruptionsAllowed(3, 0, 0)).toBe(0);
    expect(scaledValue('33%', 10, true)).toBe(4);
    expect(scaledValue('33%', 10, false)).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, scoresOf } from '../testFixtures';
import { balancedScore } from './balancedAllocation';

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    [0.375, 0.375, 100],
    [0.5, 0.25, 87],
    [0.75, 0.25, 75],
    [1, 0, 50],
    [2, 0, 50],
    [0, 0, 100],
  ])('fractions %d / %d → %d', (fc, fm, want) => {
    expect(balancedScore(fc * 1000, 1000, fm * 1000, 1000)).toBe(want);
  });

  it('a resource the node has none of is left out (one fraction: 100)', () => {
    expect(balancedScore(500, 1000, 10, 0)).toBe(100);
  });

  it('uses real requests, not the 100m / 200Mi defaults', () => {
    // 2 CPU / 4 GiB node with a 1 CPU pod; incoming BestEffort pod adds nothing: 0.5 vs 0 → 75.
    const cache = cacheWith([node('a', { cpu: '2', memory: '4Gi' }), node('b', { cpu: '2', memory: '4Gi' })], [pod('x', { cpu: '1', nodeName: 'a' })]);
    expect(scoresOf(scheduleIn(cache, pod('p')), 'NodeResourcesBalancedAllocation')).toEqual({ a: 75, b: 100 });
  });
});

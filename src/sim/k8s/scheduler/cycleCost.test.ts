import { describe, expect, it } from 'vitest';
import { cycleCostMs } from './cycleCost';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind';

describe('cycleCostMs', () => {
  it('takes 1 ms per pod on small clusters', () => {
    expect(cycleCostMs(4)).toBe(1);
    expect(cycleCostMs(100)).toBe(1);
  });

  it('sustains the 400 pods/s the scalability tests demand at 5,000 nodes', () => {
    // The scheduler samples 10 % of 5,000 nodes (500) for a schedulable pod.
    const evaluated = numFeasibleNodesToFind(5000);
    expect(evaluated).toBe(500);
    expect(1000 / cycleCostMs(evaluated)).toBeGreaterThanOrEqual(400);
  });

  it('charges more for a pod that checks every node of a big cluster', () => {
    expect(cycleCostMs(5000)).toBe(11);
  });
});

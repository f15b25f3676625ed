import { describe, expect, it } from 'vitest';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind';

describe('numFeasibleNodesToFind (percentageOfNodesToScore 0)', () => {
  it.each([
    [1, 1],
    [4, 4],
    [99, 99],
    [100, 100],
    [150, 100],
    [500, 230],
    [1000, 420],
    [3125, 781],
    [4000, 720],
    [5000, 500],
    [6000, 300],
    [10000, 500],
    [15000, 750],
  ])('%d nodes → %d', (n, want) => {
    expect(numFeasibleNodesToFind(n)).toBe(want);
  });

  it('honours a configured percentage, never below 100 nodes', () => {
    expect(numFeasibleNodesToFind(1000, 50)).toBe(500);
    expect(numFeasibleNodesToFind(1000, 5)).toBe(100);
    expect(numFeasibleNodesToFind(1000, 100)).toBe(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { backoffDuration, getRemainingTime } from './backoff';

describe('Job pod failure back-off', () => {
  it('W1: waits 10, 20, 40, 80, 160, 320, 360, 360 s after failures 1..8', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDuration(n) / 1000)).toEqual([10, 20, 40, 80, 160, 320, 360, 360]);
  });

  it('does not wait without failures since the last success', () => {
    expect(getRemainingTime({ failuresAfterLastSuccess: 0 }, 5000)).toBe(0);
  });

  it('counts the wait from the last failure', () => {
    expect(getRemainingTime({ failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 6000)).toBe(15_000);
    expect(getRemainingTime({ failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 30_000)).toBe(0);
  });
});

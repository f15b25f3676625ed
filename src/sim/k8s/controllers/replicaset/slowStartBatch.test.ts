import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slowStartBatch';

function batches(count: number, failAt: number) {
  let calls = 0;
  const res = slowStartBatch(count, 1, () => (++calls === failAt ? 'boom' : undefined));
  return { res, calls };
}

describe('slowStartBatch', () => {
  it('creates 10 pods in batches 1, 2, 4, 3', () => {
    const seen: number[] = [];
    let batch = 0;
    let inBatch = 0;
    const expected = [1, 2, 4, 3];
    slowStartBatch(10, 1, () => {
      inBatch++;
      if (inBatch === expected[batch]) {
        seen.push(inBatch);
        batch++;
        inBatch = 0;
      }
      return undefined;
    });
    expect(seen).toEqual(expected);
  });
  it('sizes 500 creations as 1, 2, 4, …, 128, 245', () => {
    let remaining = 500;
    const sizes: number[] = [];
    for (let b = 1; remaining > 0; b *= 2) {
      const n = Math.min(b, remaining);
      sizes.push(n);
      remaining -= n;
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245]);
    expect(slowStartBatch(500, 1, () => undefined).successes).toBe(500);
  });
  it('stops after the first batch that had an error', () => {
    const { res, calls } = batches(10, 2);
    // batch 1 succeeds, batch 2 (two calls) has the error: 3 calls, 2 successes
    expect(calls).toBe(3);
    expect(res).toEqual({ successes: 2, error: 'boom' });
  });
});

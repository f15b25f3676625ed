import { describe, expect, it } from 'vitest';
import { packTime, unpackTime } from './packedTime';

describe('packed times', () => {
  it('give back every time exactly, near the first one packed or not', () => {
    const times = [Infinity, NaN, 1_740_819_600_000, 1_740_819_600_001, 1_740_819_600_000 - 86_400_000, 1_740_819_600_000 + 40 * 86_400_000, 1_740_819_600_000.5, 0, 0.1, -5, 7.25e15, Number.MAX_SAFE_INTEGER, -0, Infinity, -Infinity];
    for (const t of times) expect(Object.is(unpackTime(packTime(t)), t)).toBe(true);
  });

  it('keep times close to the first one packed as small integers', () => {
    const first = unpackTime(packTime(1_740_819_600_000));
    const near = packTime(first + 3_600_000);
    expect(typeof near).toBe('number');
    expect(Number.isInteger(near) && Math.abs(near as number) < 2 ** 31).toBe(true);
    expect(typeof packTime(first + 0.5)).toBe('object');
  });
});

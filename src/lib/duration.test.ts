import { describe, expect, it } from 'vitest';
import { goDuration } from './duration';

describe("Go's Duration.String()", () => {
  it('prints milliseconds down to the nanosecond under a second, and seconds to the millisecond above', () => {
    expect(goDuration(717)).toBe('717ms');
    expect(goDuration(9.245101)).toBe('9.245101ms');
    expect(goDuration(2100)).toBe('2.1s');
    expect(goDuration(60_809)).toBe('1m0.809s');
    expect(goDuration(3_600_000)).toBe('1h0m0s');
  });
});

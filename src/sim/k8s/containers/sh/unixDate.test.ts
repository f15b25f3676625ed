import { describe, expect, it } from 'vitest';
import { unixDate } from './builtins';

describe('date in a container', () => {
  it('prints the C locale default "%a %b %e %H:%M:%S %Z %Y": a one-digit day is padded with a space', () => {
    expect(unixDate(Date.UTC(2025, 2, 1, 9, 0, 0))).toBe('Sat Mar  1 09:00:00 UTC 2025');
  });
  it('prints a two-digit day as it is', () => {
    expect(unixDate(Date.UTC(2026, 10, 22, 2, 40, 5))).toBe('Sun Nov 22 02:40:05 UTC 2026');
  });
});

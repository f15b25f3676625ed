import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './timeFormat';

// Expected values printed by Go's time.Format(time.RFC1123Z).
describe('formatTimestamp (RFC1123Z, as describe prints times)', () => {
  it('formats UTC instants', () => {
    expect(formatTimestamp('2025-01-06T14:19:09Z')).toBe('Mon, 06 Jan 2025 14:19:09 +0000');
    expect(formatTimestamp('2024-02-29T00:00:00Z')).toBe('Thu, 29 Feb 2024 00:00:00 +0000');
    expect(formatTimestamp('1999-12-31T23:59:59Z')).toBe('Fri, 31 Dec 1999 23:59:59 +0000');
  });
  it("prints Go's zero time for a missing timestamp", () => {
    expect(formatTimestamp(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

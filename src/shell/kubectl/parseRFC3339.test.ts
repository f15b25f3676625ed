import { describe, expect, it } from 'vitest';
import { parseRFC3339 } from './parseRFC3339';

// Expected errors are kubectl 1.32's `kubectl logs POD --since-time=VALUE`.
describe('parseRFC3339 (time.Parse with time.RFC3339)', () => {
  it.each([
    ['2024-08-30T06:00:00Z', Date.UTC(2024, 7, 30, 6)],
    ['2024-08-30T06:00:00.123+02:00', Date.UTC(2024, 7, 30, 4, 0, 0, 123)],
    ['2024-08-30T6:00:00-01:30', Date.UTC(2024, 7, 30, 7, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, ms) => {
    expect(parseRFC3339(text)).toBe(ms);
  });

  it.each([
    ['bogus', 'parsing time "bogus" as "2006-01-02T15:04:05Z07:00": cannot parse "bogus" as "2006"'],
    ['2024', 'parsing time "2024" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "-"'],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2024-08-30T06:00:00', 'parsing time "2024-08-30T06:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-08-30T06:00:00Zabc', 'parsing time "2024-08-30T06:00:00Zabc": extra text: "abc"'],
    ['2024-08-30', 'parsing time "2024-08-30" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2024-08-30T25:00:00Z', 'parsing time "2024-08-30T25:00:00Z": hour out of range'],
    ['2024-02-30T05:00:00Z', 'parsing time "2024-02-30T05:00:00Z": day out of range'],
    ['2024-8-30T06:00:00Z', 'parsing time "2024-8-30T06:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "8-30T06:00:00Z" as "01"'],
    ['2024-08-30T06:00:00+0200', 'parsing time "2024-08-30T06:00:00+0200" as "2006-01-02T15:04:05Z07:00": cannot parse "+0200" as "Z07:00"'],
  ])('rejects %s as Go does', (text, error) => {
    expect(parseRFC3339(text)).toEqual({ error });
  });
});

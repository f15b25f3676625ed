import { describe, expect, it } from 'vitest';
import { getJobName, mostRecentScheduleTime } from './cronJobController';
import { parseStandard, type CronSchedule } from './cronSchedule';

const sched = (spec: string, tz?: string): CronSchedule => {
  const r = parseStandard(spec, tz);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
};
const next = (spec: string, from: string, tz?: string) => new Date(sched(spec, tz).next(Date.parse(from))!).toISOString();

describe('cron schedule (robfig/cron ParseStandard)', () => {
  it.each([
    ['*/5 * * * *', '2025-03-01T09:02:30Z', '2025-03-01T09:05:00.000Z'],
    ['*/1 * * * *', '2025-03-01T09:00:00Z', '2025-03-01T09:01:00.000Z'],
    ['@hourly', '2025-03-01T09:00:00Z', '2025-03-01T10:00:00.000Z'],
    ['@daily', '2025-03-01T09:00:00Z', '2025-03-02T00:00:00.000Z'],
    ['@weekly', '2025-03-01T09:00:00Z', '2025-03-02T00:00:00.000Z'],
    ['@monthly', '2025-03-01T09:00:00Z', '2025-04-01T00:00:00.000Z'],
    ['@yearly', '2025-03-01T09:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['30 10 * * MON-FRI', '2025-03-01T09:00:00Z', '2025-03-03T10:30:00.000Z'],
    ['0 0 1 JAN *', '2025-03-01T09:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['0 0 13 * 5', '2025-03-01T09:00:00Z', '2025-03-07T00:00:00.000Z'],
  ])('%s after %s is %s', (spec, from, want) => {
    expect(next(spec, from)).toBe(want);
  });

  it('reads wall-clock fields in spec.timeZone', () => {
    expect(next('0 9 * * *', '2025-03-01T09:00:00Z', 'Europe/Berlin')).toBe('2025-03-02T08:00:00.000Z');
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@often', 'unrecognized descriptor: @often'],
  ])('rejects %s: %s', (spec, error) => {
    expect(parseStandard(spec)).toEqual({ ok: false, error });
  });
});

describe('CronJob job names and missed runs', () => {
  it('W4: hello scheduled 2025-01-15T10:30:00Z → hello-28948950', () => {
    expect(getJobName('hello', Date.parse('2025-01-15T10:30:00Z'))).toBe('hello-28948950');
  });

  it('W5: backup scheduled 2024-01-01T00:00:00Z → backup-28401120', () => {
    expect(getJobName('backup', Date.parse('2024-01-01T00:00:00Z'))).toBe('backup-28401120');
  });

  it('starts only the most recent missed time, and counts the missed ones', () => {
    const r = mostRecentScheduleTime(sched('*/1 * * * *'), Date.parse('2025-03-01T09:00:00Z'), Date.parse('2025-03-01T09:10:30Z'));
    expect(r).toEqual({ time: Date.parse('2025-03-01T09:10:00Z'), missed: 10 });
  });
});

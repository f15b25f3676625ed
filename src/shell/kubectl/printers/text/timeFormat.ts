import { humanDuration } from '../../../../lib/duration';
import { parseTimestamp } from '../../../../sim/k8s/index';

/**
 * Timestamps as kubectl prints them: `time.RFC1123Z` in describe output and
 * `HumanDuration(now - t)` ("AGE") in tables, `<unknown>` for a zero time.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Mon, 06 Jan 2025 14:19:09 +0000` (the simulated cluster's clock is UTC). */
export function rfc1123z(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** RFC1123Z of an RFC 3339 string; a missing timestamp prints as Go's zero time. */
export function formatTimestamp(ts: unknown): string {
  const ms = typeof ts === 'string' ? parseTimestamp(ts) : undefined;
  return ms === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : rfc1123z(ms);
}

/** `translateTimestampSince`: HumanDuration of now − t, `<unknown>` when t is unset. */
export function since(ts: unknown, now: number): string {
  const ms = typeof ts === 'string' ? parseTimestamp(ts) : undefined;
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}

/** HumanDuration between two timestamps (`to − from`), or undefined when either is unset. */
export function between(from: unknown, to: unknown): string | undefined {
  const a = typeof from === 'string' ? parseTimestamp(from) : undefined;
  const b = typeof to === 'string' ? parseTimestamp(to) : undefined;
  if (a === undefined || b === undefined) return undefined;
  return humanDuration(b - a);
}

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** Go's `quote` in package time: the value in double quotes, `"` and `\` escaped. */
function quote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * kubectl's `util.ParseRFC3339` (Go's `time.Parse(time.RFC3339, s)`): the
 * instant in milliseconds since the epoch, or Go's error text
 * (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
 * @example parseRFC3339('2024-08-30T06:00:00Z') // 1724997600000
 */
export function parseRFC3339(s: string): number | { error: string } {
  let v = s;
  const cannot = (value: string, elem: string) => ({ error: `parsing time ${quote(s)} as ${quote(LAYOUT)}: cannot parse ${quote(value)} as ${quote(elem)}` });
  const outOfRange = (what: string) => ({ error: `parsing time ${quote(s)}: ${what} out of range` });
  const isDigit = (text: string, i: number) => i < text.length && text[i] >= '0' && text[i] <= '9';
  // Go's getnum: one or two digits (exactly two when fixed).
  const getnum = (fixed: boolean): number | undefined => {
    if (!isDigit(v, 0)) return undefined;
    const n = isDigit(v, 1) ? 2 : fixed ? 0 : 1;
    if (n === 0) return undefined;
    const out = Number(v.slice(0, n));
    v = v.slice(n);
    return out;
  };
  const literal = (p: string) => {
    if (!v.startsWith(p)) return false;
    v = v.slice(p.length);
    return true;
  };
  // Each element: its layout text, how to read it, its range.
  const field = (elem: string, fixed: boolean, max: number, name: string): number | { error: string } => {
    const start = v;
    const n = getnum(fixed);
    if (n === undefined) return cannot(start, elem);
    if (n > max || (name === 'month' && n < 1)) return outOfRange(name);
    return n;
  };
  if (v.length < 4 || !/^[+-]?\d+$/.test(v.slice(0, 4))) return cannot(v, '2006');
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  const parts: number[] = [];
  const steps: [string, string, boolean, number, string][] = [
    ['-', '01', true, 12, 'month'],
    ['-', '02', true, 31, 'day'],
    ['T', '15', false, 23, 'hour'],
    [':', '04', true, 59, 'minute'],
    [':', '05', true, 59, 'second'],
  ];
  for (const [sep, elem, fixed, max, name] of steps) {
    if (!literal(sep)) return cannot(v, sep);
    const n = field(elem, fixed, max, name);
    if (typeof n !== 'number') return n;
    parts.push(n);
  }
  const [month, day, hour, minute, second] = parts;
  let ms = 0;
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
    let n = 2;
    while (isDigit(v, n)) n++;
    ms = Math.floor(Number(`0.${v.slice(1, n)}`) * 1000);
    v = v.slice(n);
  }
  let offset = 0;
  if (v.startsWith('Z')) v = v.slice(1);
  else {
    const start = v;
    if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-') || !/^\d\d$/.test(v.slice(1, 3)) || !/^\d\d$/.test(v.slice(4, 6))) return cannot(start, 'Z07:00');
    const hh = Number(v.slice(1, 3));
    const mm = Number(v.slice(4, 6));
    if (mm > 60) return outOfRange('time zone offset minute');
    if (hh > 24) return outOfRange('time zone offset hour');
    offset = (v[0] === '-' ? -1 : 1) * (hh * 60 + mm) * 60_000;
    v = v.slice(6);
  }
  if (v.length > 0) return { error: `parsing time ${quote(s)}: extra text: ${quote(v)}` };
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day');
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime() - offset;
}

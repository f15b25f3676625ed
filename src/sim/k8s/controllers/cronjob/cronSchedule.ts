/**
 * A port of robfig/cron v3's `ParseStandard` and `SpecSchedule.Next`, which
 * the CronJob controller uses: five fields `minute hour dom month dow`,
 * ranges, lists, steps, month and day names, `?`, the `@yearly`…`@hourly`
 * descriptors, `@every <duration>` and a `TZ=`/`CRON_TZ=` prefix. Times are
 * epoch milliseconds; wall-clock fields are read in the schedule's zone.
 */
export interface CronSchedule {
  /** The first activation strictly after `t` (ms), or undefined when there is none within 5 years. */
  next(t: number): number | undefined;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** A field as a set of allowed values plus robfig's "star" bit (`*` or `?` without a step). */
interface FieldSet {
  values: Set<number>;
  star: boolean;
}

export type ParseResult = { ok: true; schedule: CronSchedule; timeZone?: string } | { ok: false; error: string };

/** `cron.ParseStandard`, with robfig's error texts. */
export function parseStandard(spec: string, timeZone?: string): ParseResult {
  if (spec.length === 0) return { ok: false, error: 'empty spec string' };
  let zone = timeZone;
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const i = rest.indexOf(' ');
    const name = rest.slice(rest.indexOf('=') + 1, i < 0 ? undefined : i);
    if (!isValidTimeZone(name)) return { ok: false, error: `provided bad location ${name}: unknown time zone ${name}` };
    zone = name;
    rest = i < 0 ? '' : rest.slice(i).trim();
  }
  if (rest.startsWith('@')) {
    if (rest.startsWith('@every ')) {
      const ms = parseGoDuration(rest.slice(7).trim());
      if (ms === undefined) return { ok: false, error: `failed to parse duration ${rest}: time: invalid duration "${rest.slice(7).trim()}"` };
      const every = Math.max(1000, Math.floor(ms / 1000) * 1000);
      return { ok: true, timeZone: zone, schedule: { next: (t) => Math.floor(t / 1000) * 1000 + every } };
    }
    const expanded = DESCRIPTORS[rest];
    if (!expanded) return { ok: false, error: `unrecognized descriptor: ${rest}` };
    rest = expanded;
  }
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return { ok: false, error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]` };
  const sets: FieldSet[] = [];
  for (let i = 0; i < 5; i++) {
    const r = getField(fields[i], FIELDS[i]);
    if (typeof r === 'string') return { ok: false, error: r };
    sets.push(r);
  }
  return { ok: true, timeZone: zone, schedule: specSchedule(sets, zone) };
}

function getField(field: string, b: Bounds): FieldSet | string {
  const out: FieldSet = { values: new Set(), star: false };
  for (const expr of field.split(',')) {
    const r = getRange(expr, b, out);
    if (r) return r;
  }
  return out;
}

function getRange(expr: string, b: Bounds, out: FieldSet): string | undefined {
  const [rangePart, stepPart, ...extraSlash] = expr.split('/');
  const lowHigh = rangePart.split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowHigh[0] === '*' || lowHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    const s = parseIntOrName(lowHigh[0], b.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowHigh.length === 1) end = s;
    else if (lowHigh.length === 2) {
      const e = parseIntOrName(lowHigh[1], b.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (stepPart !== undefined) {
    if (extraSlash.length) return `too many slashes: ${expr}`;
    const st = mustParseInt(stepPart);
    if (typeof st === 'string') return st;
    step = st;
    // "N/step" means "N-max/step".
    if (lowHigh.length === 1 && !star) end = b.max;
    if (step > 1) star = false;
  }
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  for (let v = start; v <= end; v += step) out.values.add(v);
  if (star) out.star = true;
  return undefined;
}

function parseIntOrName(s: string, names: Record<string, number> | undefined): number | string {
  if (names) {
    const v = names[s.toLowerCase()];
    if (v !== undefined) return v;
  }
  return mustParseInt(s);
}

function mustParseInt(s: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(s)) return `failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n < 0) return `negative number (${n}) not allowed: ${s}`;
  return n;
}

/** Whether Go's `time.LoadLocation` would know the zone (the IANA database as the JS runtime has it). */
export function isValidTimeZone(name: string): boolean {
  if (name === 'UTC' || name === 'Local' || name === '') return name !== '';
  if (/\s/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at instant `t`, in ms. */
export function zoneOffset(t: number, zone: string | undefined): number {
  if (!zone || zone === 'UTC' || zone === 'Local') return 0;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/** `SpecSchedule.Next`, searched on wall-clock time in the zone (field by field, as robfig does). */
function specSchedule(f: FieldSet[], zone: string | undefined): CronSchedule {
  const [minute, hour, dom, month, dow] = f;
  const dayMatches = (d: Date) => {
    const domMatch = dom.values.has(d.getUTCDate());
    const dowMatch = dow.values.has(d.getUTCDay());
    return dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  };
  return {
    next(t) {
      const offset = zoneOffset(t, zone);
      // Wall-clock time as a UTC date, rounded up to the next whole minute.
      const d = new Date(Math.floor((t + offset) / 60_000) * 60_000 + 60_000);
      const limit = d.getUTCFullYear() + 5;
      while (d.getUTCFullYear() <= limit) {
        if (!month.values.has(d.getUTCMonth() + 1)) {
          d.setUTCMonth(d.getUTCMonth() + 1, 1);
          d.setUTCHours(0, 0, 0, 0);
          continue;
        }
        if (!dayMatches(d)) {
          d.setUTCDate(d.getUTCDate() + 1);
          d.setUTCHours(0, 0, 0, 0);
          continue;
        }
        if (!hour.values.has(d.getUTCHours())) {
          d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
          continue;
        }
        if (!minute.values.has(d.getUTCMinutes())) {
          d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
          continue;
        }
        const wall = d.getTime();
        return wall - zoneOffset(wall - offset, zone);
      }
      return undefined;
    },
  };
}

/** Go's `time.ParseDuration` for the units cron uses (h, m, s, ms). */
function parseGoDuration(s: string): number | undefined {
  const re = /([0-9]+(?:\.[0-9]+)?)(ms|h|m|s)/y;
  let total = 0;
  let i = 0;
  if (!s) return undefined;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    i = re.lastIndex;
  }
  return total;
}

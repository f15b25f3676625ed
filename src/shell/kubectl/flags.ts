import { parseDuration } from '../../lib/duration';

/**
 * Command-line flags parsed with spf13/pflag's rules and error sentences:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, combined boolean
 * shorthands (`-it`), `--` ends the flags, flags and arguments interleave.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'int32' | 'duration' | 'stringSlice' | 'stringArray';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default as pflag prints it in help (`false`, `''`, `[]`, `-1`, `0s`). */
  default?: string;
  usage: string;
  /** pflag's `Value.Type()` when it is not the FlagType's (`--vmodule`'s `pattern=N`): help then prints the default unquoted. */
  valueType?: string;
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal). */
  noOptDefault?: string;
  hidden?: boolean;
  deprecated?: string;
  /** cobra's MarkFlagRequired: the command does not run unless the flag is given (even as `--flag=`). */
  required?: boolean;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Names of flags given on the command line. */
  changed: Set<string>;
  args: string[];
  /** Arguments after `--` (cobra's ArgsLenAtDash). */
  dashIndex: number;
  /** Each flag as given, in order, by its long name with its value as written (`-f web.yaml` is `filename`, `web.yaml`; a bare bool `true`). */
  given: { name: string; value: string }[];
}

/** A flag error worded as pflag words it (`unknown flag: --foo`). */
export class FlagError extends Error {}

function defaultValue(spec: FlagSpec): FlagValue {
  switch (spec.type) {
    case 'bool':
      return spec.default === 'true';
    case 'int':
    case 'int32':
      return Number(spec.default ?? '0');
    case 'duration':
      return parseDuration(spec.default ?? '0s') ?? 0;
    case 'stringSlice':
    case 'stringArray':
      return [];
    default:
      return spec.default ?? '';
  }
}

function displayName(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

/** Splits a StringSlice value as pflag does (CSV, so quotes may protect commas). */
function splitCsv(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function setValue(values: Map<string, FlagValue>, changed: Set<string>, spec: FlagSpec, raw: string, given: { name: string; value: string }[]): void {
  const bad = (why: string) => new FlagError(`invalid argument "${raw}" for "${displayName(spec)}" flag: ${why}`);
  switch (spec.type) {
    case 'bool': {
      const v = parseGoBool(raw);
      if (v === undefined) throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      values.set(spec.name, v);
      break;
    }
    case 'int':
    case 'int32': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      const n = Number(raw);
      if (spec.type === 'int32' && (n > 2147483647 || n < -2147483648)) throw bad(`strconv.ParseInt: parsing "${raw}": value out of range`);
      values.set(spec.name, n);
      break;
    }
    case 'duration': {
      const ms = parseDuration(raw);
      if (ms === undefined) throw bad(raw === '' ? `time: invalid duration ""` : `time: invalid duration "${raw}"`);
      values.set(spec.name, ms);
      break;
    }
    case 'stringSlice': {
      const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      values.set(spec.name, [...prev, ...splitCsv(raw)]);
      break;
    }
    case 'stringArray': {
      const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      values.set(spec.name, [...prev, raw]);
      break;
    }
    default:
      values.set(spec.name, raw);
  }
  changed.add(spec.name);
  given.push({ name: spec.name, value: raw });
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Parses `words` against `specs`; throws FlagError with pflag's wording. */
export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const values = new Map<string, FlagValue>();
  for (const s of specs) values.set(s.name, defaultValue(s));
  const changed = new Set<string>();
  const given: { name: string; value: string }[] = [];
  const args: string[] = [];
  let dashIndex = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      dashIndex = args.length;
      args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(values, changed, spec, w.slice(eq + 1), given);
      else if (spec.type === 'bool') setValue(values, changed, spec, 'true', given);
      else if (spec.noOptDefault !== undefined) setValue(values, changed, spec, spec.noOptDefault, given);
      else if (i + 1 < words.length) setValue(values, changed, spec, words[++i], given);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      let j = 1;
      while (j < w.length) {
        const c = w[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${w}`);
        const rest = w.slice(j + 1);
        if (rest.startsWith('=')) {
          setValue(values, changed, spec, rest.slice(1), given);
          break;
        }
        if (spec.type === 'bool') {
          setValue(values, changed, spec, 'true', given);
          j++;
          continue;
        }
        if (spec.noOptDefault !== undefined) {
          setValue(values, changed, spec, rest || spec.noOptDefault, given);
          break;
        }
        if (rest !== '') setValue(values, changed, spec, rest, given);
        else if (i + 1 < words.length) setValue(values, changed, spec, words[++i], given);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(w);
  }
  return { values, changed, args, dashIndex, given };
}

/** Typed accessors over parsed flags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  string(name: string): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : '';
  }
  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : 0;
  }
  /** Milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}

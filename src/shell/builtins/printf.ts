import { finished } from '../execution';
import type { Builtin } from './index';

/**
 * `printf FORMAT [ARGUMENT]…`, as bash's builtin: the escapes (`\n`, `\t`,
 * `\\`, `\xHH`, `\0NNN` …), the conversions `%s %b %q %c %d %i %u %o %x %X
 * %f %e %E %g %G %%` with flags, width and precision (`*` too), and the
 * format used again while arguments remain. A number it cannot read is
 * bash's error (status 1), printed as 0.
 */

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/** A backslash escape at `s[i]` (the backslash): its text and where the text goes on. In a %b argument octal is `\0NNN` and `\c` stops all output. */
function escape(s: string, i: number, inArgument: boolean): { text: string; next: number; stop?: boolean } {
  const c = s[i + 1];
  if (c === undefined) return { text: '\\', next: i + 1 };
  if (inArgument && c === 'c') return { text: '', next: s.length, stop: true };
  if (ESCAPES[c] !== undefined) return { text: ESCAPES[c], next: i + 2 };
  if (c === 'x') {
    const m = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 2));
    if (m) return { text: String.fromCharCode(parseInt(m[0], 16)), next: i + 2 + m[0].length };
    return { text: '\\x', next: i + 2 };
  }
  const octal = inArgument ? /^0[0-7]{0,3}/.exec(s.slice(i + 1)) : /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (octal) return { text: String.fromCharCode(parseInt(octal[0], 8) & 255), next: i + 1 + octal[0].length };
  return { text: `\\${c}`, next: i + 2 };
}

/** `%b`'s argument: its escapes expanded; `\c` ends all output. */
function expandEscapes(arg: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < arg.length; ) {
    if (arg[i] !== '\\') {
      out += arg[i++];
      continue;
    }
    const e = escape(arg, i, true);
    out += e.text;
    if (e.stop) return { text: out, stop: true };
    i = e.next;
  }
  return { text: out, stop: false };
}

/** A word as bash's %q writes it: safe as it is, else with backslashes before what the shell would read. */
function shellQuote(word: string): string {
  if (word === '') return "''";
  return word.replace(/[^A-Za-z0-9_./:=@%+,-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`));
}

/** An integer argument as printf reads one: decimal, 0x hex, 0 octal, or 'c (the character's code). */
function integerArg(arg: string | undefined, report: (message: string) => void): bigint {
  if (arg === undefined || arg === '') return 0n;
  if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
  const t = arg.trim();
  const m = /^([+-]?)(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (!m) {
    report(`printf: ${arg}: invalid number`);
    const lead = /^[+-]?[0-9]+/.exec(t);
    return lead ? BigInt(lead[0]) : 0n;
  }
  const body = m[2];
  const v = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return m[1] === '-' ? -v : v;
}

function floatArg(arg: string | undefined, report: (message: string) => void): number {
  if (arg === undefined || arg === '') return 0;
  const v = Number(arg.trim());
  if (Number.isNaN(v) && !/^[+-]?nan$/i.test(arg.trim())) {
    report(`printf: ${arg}: invalid number`);
    return 0;
  }
  return v;
}

/** C's %e: at least two exponent digits. */
function exponential(v: number, precision: number, upper: boolean): string {
  const s = v.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

/** C's %g: %e or %f, whichever is shorter for the precision, trailing zeros removed unless `#`. */
function general(v: number, precision: number, upper: boolean, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s = exp < -4 || exp >= p ? exponential(v, p - 1, upper) : v.toFixed(Math.max(0, p - 1 - exp));
  if (alt) return s;
  const strip = (m: string) => (m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m);
  const k = s.search(/[eE]/);
  return k < 0 ? strip(s) : strip(s.slice(0, k)) + s.slice(k);
}

function pad(body: string, sign: string, width: number, flags: string, numeric: boolean): string {
  const full = sign + body;
  if (full.length >= width) return full;
  if (flags.includes('-')) return full.padEnd(width);
  if (numeric && flags.includes('0')) return sign + body.padStart(width - sign.length, '0');
  return full.padStart(width);
}

/** One conversion of an argument. */
function convert(conv: string, flags: string, width: number, precision: number | undefined, arg: string | undefined, report: (message: string) => void): { text: string; stop?: boolean } {
  switch (conv) {
    case 's':
    case 'q': {
      let v = arg ?? '';
      if (conv === 'q') v = arg === undefined ? '' : shellQuote(v);
      if (precision !== undefined) v = v.slice(0, precision);
      return { text: pad(v, '', width, flags, false) };
    }
    case 'b': {
      const e = expandEscapes(arg ?? '');
      const v = precision !== undefined ? e.text.slice(0, precision) : e.text;
      return { text: pad(v, '', width, flags, false), stop: e.stop };
    }
    case 'c':
      return { text: pad((arg ?? '').slice(0, 1), '', width, flags, false) };
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      let v = integerArg(arg, report);
      if (conv === 'u' && v < 0n) v += 1n << 64n;
      const neg = v < 0n && conv !== 'o' && conv !== 'x' && conv !== 'X';
      const abs = neg ? -v : v < 0n ? v + (1n << 64n) : v;
      let body = conv === 'o' ? abs.toString(8) : conv === 'x' ? abs.toString(16) : conv === 'X' ? abs.toString(16).toUpperCase() : abs.toString();
      if (precision !== undefined) body = precision === 0 && abs === 0n ? '' : body.padStart(precision, '0');
      if (flags.includes('#') && abs !== 0n) body = conv === 'o' ? `0${body}` : conv === 'x' ? `0x${body}` : conv === 'X' ? `0X${body}` : body;
      const sign = neg ? '-' : flags.includes('+') && conv !== 'u' ? '+' : flags.includes(' ') ? ' ' : '';
      return { text: pad(body, sign, width, precision === undefined ? flags : flags.replace('0', ''), true) };
    }
    default: {
      const v = floatArg(arg, report);
      const p = precision ?? 6;
      const abs = Math.abs(v);
      const body = !Number.isFinite(abs) ? (Number.isNaN(abs) ? 'nan' : 'inf') : conv === 'f' || conv === 'F' ? abs.toFixed(p) : conv === 'e' || conv === 'E' ? exponential(abs, p, conv === 'E') : general(abs, p, conv === 'G', flags.includes('#'));
      const sign = v < 0 || Object.is(v, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      return { text: pad(conv === 'F' || conv === 'E' || conv === 'G' ? body.toUpperCase() : body, sign, width, flags, true) };
    }
  }
}

const CONVERSION = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([sbqcdiuoxXfFeEgG%])/;

export const PRINTF: Builtin = {
  name: 'printf',
  usage: 'printf FORMAT ARG…',
  summary: 'formatted output (printf "%-20s %s\\n" NAME VALUE)',
  run(_env, args, sink) {
    if (args.length === 0) {
      sink.stderr('printf: usage: printf [-v var] format [arguments]\n');
      return finished(2);
    }
    if (args[0] === '-v') {
      sink.stderr('printf: -v: not simulated (use VAR=$(printf …))\n');
      return finished(2);
    }
    const format = args[0] === '--' ? (args[1] ?? '') : args[0];
    const rest = args.slice(args[0] === '--' ? 2 : 1);
    // bash writes a bad number's error as it meets it, its output when the builtin ends.
    let failed = false;
    const report = (message: string) => {
      failed = true;
      sink.stderr(`${message}\n`);
    };
    let out = '';
    let next = 0;
    for (;;) {
      let used = false;
      for (let i = 0; i < format.length; ) {
        const c = format[i];
        if (c === '\\') {
          const e = escape(format, i, false);
          out += e.text;
          i = e.next;
          continue;
        }
        if (c !== '%') {
          out += c;
          i++;
          continue;
        }
        const m = CONVERSION.exec(format.slice(i));
        if (!m) {
          const bad = format[i + 1];
          sink.stdout(out);
          sink.stderr(bad === undefined ? 'printf: `%\': missing format character\n' : `printf: \`${bad}': invalid format character\n`);
          return finished(1);
        }
        i += m[0].length;
        if (m[4] === '%') {
          out += '%';
          continue;
        }
        const takeNumber = (spec: string | undefined): number | undefined => {
          if (spec === undefined) return undefined;
          if (spec !== '*') return spec === '' ? 0 : Number(spec);
          used = true;
          return Number(integerArg(rest[next++], report));
        };
        let width = takeNumber(m[2]) ?? 0;
        let flags = m[1];
        if (width < 0) {
          flags += '-';
          width = -width;
        }
        const precision = takeNumber(m[3]);
        used = true;
        const r = convert(m[4], flags, width, precision !== undefined && precision < 0 ? undefined : precision, rest[next++], report);
        out += r.text;
        if (r.stop) {
          sink.stdout(out);
          return finished(failed ? 1 : 0);
        }
      }
      // The format again while arguments remain (only if it took any).
      if (!used || next >= rest.length) break;
    }
    sink.stdout(out);
    return finished(failed ? 1 : 0);
  },
};

import { collecting, missingFile, parseOptions, splitLines, type FilterSpec } from './filter';

interface Key {
  start: number;
  end: number | undefined;
  numeric: boolean;
  reverse: boolean;
}

/** Fields as sort sees them: a field starts where a run of blanks before it starts (kept unless -b), or at the separator with -t. */
function fieldBounds(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push({ start, end: i });
        start = i + 1;
      }
    }
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ start, end: i });
  }
  return out;
}

function keyText(line: string, key: Key, sep: string | undefined, skipBlanks: boolean): string {
  const fields = fieldBounds(line, sep);
  const from = fields[key.start - 1]?.start ?? line.length;
  const to = key.end === undefined ? line.length : (fields[key.end - 1]?.end ?? line.length);
  const text = line.slice(from, Math.max(from, to));
  return skipBlanks ? text.replace(/^[ \t]+/, '') : text;
}

/** GNU -n: leading blanks, an optional minus, digits and one decimal point; anything else counts as 0. */
function numberOf(text: string): number {
  const m = /^[ \t]*(-?(?:\d+\.?\d*|\.\d+))/.exec(text);
  return m ? Number(m[1]) : 0;
}

const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `-k F[,F]` with optional `n`/`r`/`b` letters after each field number. */
function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.\d+)?([bnr]*)(?:,(\d+)(?:\.\d+)?([bnr]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  const letters = (m[2] ?? '') + (m[4] ?? '');
  return { start: Number(m[1]), end: m[3] ? Number(m[3]) : undefined, numeric: letters.includes('n'), reverse: letters.includes('r') };
}

/**
 * `sort [-r -n -u -f -b] [-k F[,F]] [-t SEP] [FILE]…` in the C locale (byte
 * order): keys compared first, then the whole line as a last resort (not
 * with -u), -r reversing both, as GNU sort.
 */
export const sort: FilterSpec = {
  name: 'sort',
  usage: 'sort [-r -n -k N]',
  summary: 'sort lines (-k 2: by the 2nd column on)',
  start(args, io) {
    const parsed = parseOptions('sort', args, { flags: 'rnufbs', withValue: 'kt', long: { reverse: { key: 'r', value: false }, 'numeric-sort': { key: 'n', value: false }, unique: { key: 'u', value: false }, 'ignore-case': { key: 'f', value: false }, 'ignore-leading-blanks': { key: 'b', value: false }, stable: { key: 's', value: false }, key: { key: 'k', value: true }, 'field-separator': { key: 't', value: true } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'sort --help' for more information.\n`);
      return { code: 2 };
    }
    const on = new Set(parsed.opts.map((o) => o.key));
    const keys: Key[] = [];
    let sep: string | undefined;
    for (const o of parsed.opts) {
      if (o.key === 'k') {
        const k = parseKey(o.value ?? '');
        if (!k) {
          io.err(`sort: invalid number at field start: invalid count at start of '${o.value}'\n`);
          return { code: 2 };
        }
        keys.push(k);
      }
      if (o.key === 't') {
        if ((o.value ?? '').length !== 1) {
          io.err(o.value === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${o.value}'\n`);
          return { code: 2 };
        }
        sep = o.value;
      }
    }
    const numeric = on.has('n');
    const fold = (s: string) => (on.has('f') ? s.toUpperCase() : s);
    const compareText = (a: string, b: string, n: boolean) => (n ? Math.sign(numberOf(a) - numberOf(b)) || 0 : bytewise(fold(a), fold(b)));
    const compareKeys = (a: string, b: string): number => {
      if (keys.length === 0) return compareText(on.has('b') ? a.trimStart() : a, on.has('b') ? b.trimStart() : b, numeric);
      for (const k of keys) {
        const c = compareText(keyText(a, k, sep, on.has('b')), keyText(b, k, sep, on.has('b')), numeric || k.numeric);
        if (c !== 0) return k.reverse ? -c : c;
      }
      return 0;
    };
    const lastResort = !on.has('u') && !on.has('s');
    const compare = (a: string, b: string) => {
      const c = compareKeys(a, b) || (lastResort ? bytewise(a, b) : 0);
      return on.has('r') ? -c : c;
    };
    return collecting(parsed.operands, io, 'sort', (inputs) => {
      const lines: string[] = [];
      for (const input of inputs) {
        if (input.text === undefined) {
          return { out: '', code: missingFile(io, 'sort', input.name, `sort: cannot read: ${input.name}: No such file or directory\n`, 2) };
        }
        lines.push(...splitLines(input.text));
      }
      const sorted = lines.sort(compare);
      const kept = on.has('u') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted;
      return { out: kept.map((l) => `${l}\n`).join(''), code: 0 };
    });
  },
};

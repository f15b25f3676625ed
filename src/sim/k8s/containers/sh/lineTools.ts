import type { Builtin } from './builtins';
import type { Io, ShellApi } from './types';

/**
 * The text of a filter's inputs, joined: each named file (`-` is standard
 * input), or standard input alone. A missing file is reported in the
 * tool's words (coreutils' `gnuVerb` before the name) and leaves `failed` set.
 */
function inputText(sh: ShellApi, tool: string, files: readonly string[], io: Io, gnuVerb = ''): { text: string; failed: boolean } {
  let text = '';
  let failed = false;
  for (const f of files.length ? files : ['-']) {
    const content = f === '-' ? io.stdin : sh.hostRef.files.get(sh.path(f));
    if (content === undefined) {
      io.err(sh.hostRef.noBash ? `${tool}: can't open '${f}': No such file or directory\n` : `${tool}: ${gnuVerb}${f}: No such file or directory\n`);
      failed = true;
      continue;
    }
    text += content.endsWith('\n') || content === '' ? content : `${content}\n`;
  }
  return { text, failed };
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Splits `-abc` into its letters, and takes the value of the letters in `withValue` (`-k2`, `-k 2`). */
function options(args: readonly string[], withValue: string): { on: Set<string>; values: Map<string, string>; operands: string[]; bad?: string } {
  const on = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (withValue.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { on, values, operands, bad: c };
        values.set(c, v);
        break;
      }
      on.add(c);
    }
  }
  return { on, values, operands };
}

/** The leading number of a line for `sort -n` (none sorts as 0). */
function leadingNumber(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** The sort key of a line for `-k N` (fields split at blank runs, as sort does without -t) or `-t SEP -k N`. */
function keyOf(line: string, field: number | undefined, sep: string | undefined): string {
  if (field === undefined) return line;
  const parts = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
  return parts.slice(field - 1).join(sep ?? ' ');
}

function unknownOption(sh: ShellApi, tool: string, opt: string, io: Io): number {
  io.err(sh.hostRef.noBash ? `${tool}: unrecognized option: ${opt}\n` : `${tool}: invalid option -- '${opt}'\nTry '${tool} --help' for more information.\n`);
  return 1;
}

/** `sort`, `uniq`, `cut` and `tr` as busybox (or coreutils, in images with bash) run them. */
export const LINE_TOOLS: Record<string, Builtin> = {
  /** `sort [-rnu] [-t SEP] [-k N] [FILE]…`: lines in byte order (numeric with -n), stable. */
  sort(sh, args, io) {
    const o = options(args, 'tk');
    const badFlag = [...o.on].find((c) => !'rnuf'.includes(c)) ?? o.bad;
    if (badFlag !== undefined) return unknownOption(sh, 'sort', badFlag, io);
    const field = o.values.has('k') ? Number.parseInt(o.values.get('k')!, 10) : undefined;
    const { text, failed } = inputText(sh, 'sort', o.operands, io, 'cannot read: ');
    // busybox dies with status 1; coreutils' sort reports trouble with 2.
    if (failed) return sh.hostRef.noBash ? 1 : 2;
    const fold = (s: string) => (o.on.has('f') ? s.toUpperCase() : s);
    const key = (l: string) => fold(keyOf(l, field, o.values.get('t')));
    const cmp = o.on.has('n') ? (a: string, b: string) => leadingNumber(key(a)) - leadingNumber(key(b)) || (a < b ? -1 : a > b ? 1 : 0) : (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    let lines = linesOf(text).sort(cmp);
    if (o.on.has('r')) lines.reverse();
    if (o.on.has('u')) lines = lines.filter((l, i) => i === 0 || cmp(lines[i - 1], l) !== 0);
    for (const l of lines) io.out(`${l}\n`);
    return 0;
  },
  /** `uniq [-c] [-d] [-u] [FILE]`: adjacent repeated lines once (counted with -c). */
  uniq(sh, args, io) {
    const o = options(args, '');
    const badFlag = [...o.on].find((c) => !'cdu'.includes(c));
    if (badFlag !== undefined) return unknownOption(sh, 'uniq', badFlag, io);
    const { text, failed } = inputText(sh, 'uniq', o.operands.slice(0, 1), io);
    if (failed) return 1;
    const lines = linesOf(text);
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && lines[j] === lines[i]) j++;
      const n = j - i;
      if (!(o.on.has('d') && n < 2) && !(o.on.has('u') && n > 1)) io.out(o.on.has('c') ? `${String(n).padStart(7)} ${lines[i]}\n` : `${lines[i]}\n`);
      i = j;
    }
    return 0;
  },
  /** `cut -f LIST [-d SEP] [-s]` or `cut -c LIST`: the chosen fields (tab-separated by default) or characters. */
  cut(sh, args, io) {
    const o = options(args, 'dfc');
    const list = o.values.get('f') ?? o.values.get('c');
    if (o.bad !== undefined || list === undefined) {
      io.err(sh.hostRef.noBash ? 'cut: expected a list of bytes, characters, or fields\n' : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const wanted = (n: number) =>
      list.split(',').some((r) => {
        const [a, b] = r.includes('-') ? r.split('-') : [r, r];
        return n >= (a === '' ? 1 : Number(a)) && n <= (b === '' ? Infinity : Number(b));
      });
    const { text, failed } = inputText(sh, 'cut', o.operands, io);
    const sep = o.values.get('d') ?? '\t';
    for (const line of linesOf(text)) {
      if (o.values.has('c')) io.out(`${[...line].filter((_, i) => wanted(i + 1)).join('')}\n`);
      else if (!line.includes(sep)) {
        if (!o.on.has('s')) io.out(`${line}\n`);
      } else io.out(`${line.split(sep).filter((_, i) => wanted(i + 1)).join(sep)}\n`);
    }
    return failed ? 1 : 0;
  },
  /** `tr [-d] SET1 [SET2]`: characters of SET1 as those of SET2 (ranges `a-z`, classes `[:upper:]`), or deleted. */
  tr(sh, args, io) {
    const o = options(args, '');
    const sets = o.operands.map(expandSet);
    const del = o.on.has('d');
    if (sets.length === 0 || (!del && sets.length < 2)) {
      io.err(sh.hostRef.noBash ? 'tr: missing operand\n' : "tr: missing operand\nTry 'tr --help' for more information.\n");
      return 1;
    }
    const [from, to] = sets;
    let out = '';
    for (const ch of io.stdin) {
      const i = from.indexOf(ch);
      if (i < 0) out += ch;
      else if (!del) out += to[Math.min(i, to.length - 1)] ?? '';
    }
    io.out(out);
    return 0;
  },
};

const TR_CLASSES: Record<string, string> = { '[:upper:]': 'A-Z', '[:lower:]': 'a-z', '[:digit:]': '0-9', '[:space:]': ' \t\n\r\f\v', '[:alpha:]': 'A-Za-z', '[:alnum:]': 'A-Za-z0-9' };

/** A `tr` set as its characters: ranges expanded, `\n` and `\t` read. */
function expandSet(set: string): string[] {
  let s = set;
  for (const [cls, range] of Object.entries(TR_CLASSES)) s = s.split(cls).join(range);
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

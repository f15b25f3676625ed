import { cut } from '../../../../lib/filters/cut';
import { parseOptions, type FilterSpec } from '../../../../lib/filters/filter';
import { sort } from '../../../../lib/filters/sort';
import { uniq } from '../../../../lib/filters/uniq';
import { wc } from '../../../../lib/filters/wc';
import type { Builtin } from './builtins';

/**
 * One of the terminal's text filters (`lib/filters`) run by a container's
 * shell: on the container's files or the command's standard input, with
 * busybox's words for a missing file in busybox-like images.
 */
function containerFilter(spec: FilterSpec): Builtin {
  return (sh, args, io) => {
    const run = spec.start(args, { err: (t) => io.err(t), files: { read: (p) => sh.hostRef.files.get(sh.path(p)) }, piped: true, busybox: sh.hostRef.noBash === true });
    if ('code' in run) return run.code;
    const first = run.write(io.stdin);
    const end = run.end();
    io.out(first + end.out);
    return end.code;
  };
}

/** `sort`, `uniq`, `cut` and `wc` (the terminal's), and `tr`, as a container's shell runs them. */
export const LINE_TOOLS: Record<string, Builtin> = {
  sort: containerFilter(sort),
  uniq: containerFilter(uniq),
  cut: containerFilter(cut),
  wc: containerFilter(wc),
  /** `tr [-d] SET1 [SET2]`: characters of SET1 as those of SET2 (ranges `a-z`, classes `[:upper:]`), or deleted. */
  tr(sh, args, io) {
    const parsed = parseOptions('tr', args, { flags: 'd', withValue: '', long: { delete: { key: 'd', value: false } } });
    if ('error' in parsed) {
      io.err(`${parsed.error}Try 'tr --help' for more information.\n`);
      return 1;
    }
    const sets = parsed.operands.map(expandSet);
    const del = parsed.opts.some((o) => o.key === 'd');
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

import { collecting, parseOptions, splitLines, terminalInput, type FilterRun, type FilterSpec } from '../../lib/filters/filter';
import { grepMatcher } from '../../lib/posixRegex';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const LONG = {
  'ignore-case': { key: 'i', value: false },
  'invert-match': { key: 'v', value: false },
  count: { key: 'c', value: false },
  'extended-regexp': { key: 'E', value: false },
  'fixed-strings': { key: 'F', value: false },
  'basic-regexp': { key: 'G', value: false },
  'word-regexp': { key: 'w', value: false },
  'line-regexp': { key: 'x', value: false },
  'line-number': { key: 'n', value: false },
  quiet: { key: 'q', value: false },
  silent: { key: 'q', value: false },
  'only-matching': { key: 'o', value: false },
  'with-filename': { key: 'H', value: false },
  'no-filename': { key: 'h', value: false },
  regexp: { key: 'e', value: true },
  'after-context': { key: 'A', value: true },
  'before-context': { key: 'B', value: true },
  context: { key: 'C', value: true },
};

/**
 * `grep [-i -v -c -E -F -w -x -n -o -q] [-A N -B N -C N] PATTERN [FILE]…` as
 * GNU grep: basic regular expressions unless -E, lines streamed as they
 * come, context lines around the selected ones (`-` after the line number
 * where a selected line has `:`, groups apart separated by `--`), status 0
 * when a line was selected, 1 when none, 2 on an error.
 */
export const grep: FilterSpec = {
  name: 'grep',
  usage: 'grep [-i -v -c -E -w -n -A N] PATTERN',
  summary: 'the lines that match',
  start(args, io) {
    const parsed = parseOptions('grep', args, { flags: 'ivcEFGwxnqoHh', withValue: 'eABC', long: LONG });
    if ('error' in parsed) {
      io.err(parsed.error + USAGE);
      return { code: 2 };
    }
    const on = new Set(parsed.opts.map((o) => o.key));
    const patterns = parsed.opts.filter((o) => o.key === 'e').map((o) => o.value ?? '');
    const operands = [...parsed.operands];
    if (patterns.length === 0) {
      if (operands.length === 0) {
        io.err(USAGE);
        return { code: 2 };
      }
      patterns.push(...operands.shift()!.split('\n'));
    }
    const matcher = grepMatcher(patterns, on);
    if ('error' in matcher) {
      io.err(`grep: ${matcher.error}\n`);
      return { code: 2 };
    }
    const { re, all } = matcher;
    const context = contextOf(parsed.opts);
    if ('error' in context) {
      io.err(context.error);
      return { code: 2 };
    }
    const showName = on.has('h') ? false : on.has('H') || operands.length > 1;
    let matched = 0;
    const prefixOf = (n: number, name: string, sep: string) => `${showName ? `${name === '-' ? '(standard input)' : name}${sep}` : ''}${on.has('n') ? `${n}${sep}` : ''}`;
    // Context: the lines held back for -B, the lines still owed to -A, the last line printed (for `--`).
    let held: { line: string; n: number }[] = [];
    let owed = 0;
    let lastShown: { name: string; n: number } | undefined;
    const shown = (n: number, name: string) => {
      const gap = context.any && lastShown !== undefined && (lastShown.name !== name || n > lastShown.n + 1);
      lastShown = { name, n };
      return gap ? '--\n' : '';
    };
    const select = (line: string, n: number, name: string): string => {
      const hit = re.test(line) !== on.has('v');
      if (!hit) {
        if (owed > 0) {
          owed--;
          return shown(n, name) + `${prefixOf(n, name, '-')}${line}\n`;
        }
        if (context.before > 0) {
          held.push({ line, n });
          if (held.length > context.before) held.shift();
        }
        return '';
      }
      matched++;
      if (on.has('q') || on.has('c')) return '';
      let out = '';
      for (const h of held) out += shown(h.n, name) + `${prefixOf(h.n, name, '-')}${h.line}\n`;
      held = [];
      owed = context.after;
      out += shown(n, name);
      const prefix = prefixOf(n, name, ':');
      if (on.has('o') && !on.has('v')) return out + [...line.matchAll(all)].filter((m) => m[0] !== '').map((m) => `${prefix}${m[0]}\n`).join('');
      return `${out}${prefix}${line}\n`;
    };
    const countLine = (name: string, n: number) => (on.has('c') && !on.has('q') ? `${showName ? `${name}:` : ''}${n}\n` : '');
    // Each file starts with nothing held back or owed.
    const startFile = () => {
      held = [];
      owed = 0;
    };
    if (operands.length > 0) return fromFiles(operands, io, select, countLine, () => matched, on.has('q'), startFile);
    if (!io.piped) return terminalInput('grep', io);
    let partial = '';
    let lineNo = 0;
    const run = {
      closed: false,
      write(text: string): string {
        const lines = (partial + text).split('\n');
        partial = lines.pop()!;
        let out = '';
        for (const line of lines) {
          out += select(line, ++lineNo, '-');
          // -q stops at the first match: grep exits and the writer upstream gets SIGPIPE.
          if (on.has('q') && matched > 0) run.closed = true;
        }
        return out;
      },
      end() {
        const out = (partial !== '' ? select(partial, ++lineNo, '-') : '') + countLine('-', matched);
        return { out, code: matched > 0 ? 0 : 1 };
      },
    };
    return run;
  },
};

/** grep over its file operands (`-` is standard input), once all input is in. */
function fromFiles(operands: string[], io: Parameters<FilterSpec['start']>[1], select: (line: string, n: number, name: string) => string, countLine: (name: string, n: number) => string, matched: () => number, quiet: boolean, startFile: () => void): FilterRun | { code: number } {
  return collecting(operands, io, 'grep', (inputs, err) => {
    let out = '';
    let error = false;
    for (const { name, text, dir } of inputs) {
      if (text === undefined) {
        err(`grep: ${name}: ${dir ? 'Is a directory' : 'No such file or directory'}\n`);
        error = true;
        continue;
      }
      const before = matched();
      startFile();
      splitLines(text).forEach((line, i) => (out += select(line, i + 1, name)));
      out += countLine(name, matched() - before);
    }
    return { out, code: quiet && matched() > 0 ? 0 : error ? 2 : matched() > 0 ? 0 : 1 };
  });
}

/** The -A/-B/-C context lengths (-C sets both; a later -A or -B overrides it), or GNU grep's error. */
function contextOf(opts: readonly { key: string; value?: string }[]): { before: number; after: number; any: boolean } | { error: string } {
  let before = 0;
  let after = 0;
  for (const o of opts) {
    if (o.key !== 'A' && o.key !== 'B' && o.key !== 'C') continue;
    const v = o.value ?? '';
    if (!/^\d+$/.test(v)) return { error: `grep: ${v}: invalid context length argument\n` };
    const n = Number(v);
    if (o.key !== 'B') after = n;
    if (o.key !== 'A') before = n;
  }
  return { before, after, any: before > 0 || after > 0 };
}

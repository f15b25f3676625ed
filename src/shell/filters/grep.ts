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
};

/**
 * `grep [-i -v -c -E -F -w -x -n -o -q] PATTERN [FILE]…` as GNU grep: basic
 * regular expressions unless -E, lines streamed as they come, status 0 when a
 * line was selected, 1 when none, 2 on an error.
 */
export const grep: FilterSpec = {
  name: 'grep',
  usage: 'grep [-i -v -c -E -w -n] PATTERN',
  summary: 'the lines that match',
  start(args, io) {
    const parsed = parseOptions('grep', args, { flags: 'ivcEFGwxnqoHh', withValue: 'e', long: LONG });
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
    const showName = on.has('h') ? false : on.has('H') || operands.length > 1;
    let matched = 0;
    const select = (line: string, n: number, name: string): string => {
      const hit = re.test(line) !== on.has('v');
      if (!hit) return '';
      matched++;
      if (on.has('q') || on.has('c')) return '';
      const prefix = `${showName ? `${name === '-' ? '(standard input)' : name}:` : ''}${on.has('n') ? `${n}:` : ''}`;
      if (on.has('o') && !on.has('v')) return [...line.matchAll(all)].filter((m) => m[0] !== '').map((m) => `${prefix}${m[0]}\n`).join('');
      return `${prefix}${line}\n`;
    };
    const countLine = (name: string, n: number) => (on.has('c') && !on.has('q') ? `${showName ? `${name}:` : ''}${n}\n` : '');
    if (operands.length > 0) return fromFiles(operands, io, select, countLine, () => matched, on.has('q'));
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
function fromFiles(operands: string[], io: Parameters<FilterSpec['start']>[1], select: (line: string, n: number, name: string) => string, countLine: (name: string, n: number) => string, matched: () => number, quiet: boolean): FilterRun | { code: number } {
  return collecting(operands, io, 'grep', (inputs, err) => {
    let out = '';
    let error = false;
    for (const { name, text } of inputs) {
      if (text === undefined) {
        err(`grep: ${name}: No such file or directory\n`);
        error = true;
        continue;
      }
      const before = matched();
      splitLines(text).forEach((line, i) => (out += select(line, i + 1, name)));
      out += countLine(name, matched() - before);
    }
    return { out, code: quiet && matched() > 0 ? 0 : error ? 2 : matched() > 0 ? 0 : 1 };
  });
}

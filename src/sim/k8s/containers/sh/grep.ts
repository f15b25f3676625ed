import { parseOptions } from '../../../../lib/filters/filter';
import { grepMatcher } from '../../../../lib/posixRegex';
import type { Io, ShellApi } from './types';

/** GNU grep's long options (Debian images) by the letter they stand for; `--regexp` takes the pattern. */
const LONG: Record<string, { key: string; value: boolean }> = Object.fromEntries([
  ...Object.entries({ 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'extended-regexp': 'E', 'fixed-strings': 'F', 'word-regexp': 'w', 'line-regexp': 'x', 'line-number': 'n', quiet: 'q', silent: 'q', 'only-matching': 'o', 'with-filename': 'H', 'no-filename': 'h', 'files-with-matches': 'l', 'files-without-match': 'L', 'no-messages': 's', recursive: 'r' }).map(([name, key]) => [name, { key, value: false }]),
  ['regexp', { key: 'e', value: true }],
]);

const GNU_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/**
 * The options given (getopt's reading, as the terminal's filters do), the
 * patterns (`-e`) and the operands, or the message of a bad option: GNU
 * grep's, or busybox's words in an image without bash.
 */
function parse(sh: ShellApi, args: readonly string[]): { on: Set<string>; patterns: string[]; operands: string[] } | { error: string } {
  const parsed = parseOptions('grep', args, { flags: 'ivcEFwxnqoHhlLsr', withValue: 'e', long: LONG });
  if ('error' in parsed) {
    if (!sh.hostRef.noBash) return { error: `${parsed.error}${GNU_USAGE}` };
    return { error: parsed.error.replace(/^grep: invalid option -- '(.)'/, 'grep: unrecognized option: $1').replace(/^grep: option requires an argument -- '(.)'/, 'grep: option requires an argument: $1') };
  }
  const on = new Set(parsed.opts.map((o) => o.key));
  const patterns = parsed.opts.filter((o) => o.key === 'e').map((o) => o.value ?? '');
  return { on, patterns, operands: parsed.operands };
}

/** The files under directory `dir` (for -r), in name order. */
function filesUnder(sh: ShellApi, dir: string): string[] {
  const root = sh.path(dir).replace(/\/$/, '');
  const prefix = `${root}/`;
  const out: string[] = [];
  for (const k of sh.hostRef.files.keys()) if (k.startsWith(prefix) && !k.endsWith('/')) out.push(k);
  return out.sort();
}

/**
 * `grep [-ivcEFwxnqoHhlLsr] [-e PATTERN]… PATTERN [FILE]…` in a container:
 * busybox's (or GNU's, in images with bash) lines that match a basic
 * regular expression (extended with -E, fixed strings with -F), read from
 * the named files or standard input. Status 0 when a line was selected,
 * 1 when none, 2 on an error (a missing file, a bad pattern or option).
 */
export function grep(sh: ShellApi, args: string[], io: Io): number {
  const parsed = parse(sh, args);
  if ('error' in parsed) {
    io.err(parsed.error);
    return 2;
  }
  const { on, patterns, operands } = parsed;
  if (patterns.length === 0) {
    if (operands.length === 0) {
      io.err(sh.hostRef.noBash ? 'BusyBox grep: a pattern is needed\n' : GNU_USAGE);
      return 2;
    }
    patterns.push(...operands.shift()!.split('\n'));
  }
  const matcher = grepMatcher(patterns, on);
  if ('error' in matcher) {
    io.err(`grep: ${matcher.error}\n`);
    return 2;
  }
  const { re, all } = matcher;

  // The inputs: each operand (a directory's files with -r), or standard input.
  const inputs: { name: string; text: string | undefined; dir?: boolean }[] = [];
  for (const f of operands.length ? operands : ['-']) {
    if (f === '-') {
      inputs.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    const text = sh.hostRef.files.get(sh.path(f));
    const under = text === undefined ? filesUnder(sh, f) : [];
    if (under.length > 0 && on.has('r')) for (const k of under) inputs.push({ name: f.replace(/\/$/, '') + k.slice(sh.path(f).replace(/\/$/, '').length), text: sh.hostRef.files.get(k) });
    else inputs.push({ name: f, text, dir: under.length > 0 });
  }
  const showName = on.has('h') ? false : on.has('H') || inputs.length > 1 || on.has('r');
  let selected = 0;
  let error = false;
  for (const input of inputs) {
    if (input.text === undefined) {
      error = true;
      if (!on.has('s')) io.err(input.dir ? `grep: ${input.name}: Is a directory\n` : `grep: ${input.name}: No such file or directory\n`);
      continue;
    }
    const lines = input.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      if (re.test(line) === on.has('v')) continue;
      count++;
      if (on.has('q')) return 0;
      if (on.has('c') || on.has('l') || on.has('L')) continue;
      const prefix = `${showName ? `${input.name}:` : ''}${on.has('n') ? `${n + 1}:` : ''}`;
      if (on.has('o') && !on.has('v')) {
        for (const m of line.matchAll(all)) if (m[0] !== '') io.out(`${prefix}${m[0]}\n`);
      } else io.out(`${prefix}${line}\n`);
    }
    selected += count;
    if (on.has('c')) io.out(`${showName ? `${input.name}:` : ''}${count}\n`);
    else if (on.has('l') && count > 0) io.out(`${input.name}\n`);
    else if (on.has('L') && count === 0) io.out(`${input.name}\n`);
  }
  if (error && !(on.has('q') && selected > 0)) return 2;
  return selected > 0 ? 0 : 1;
}

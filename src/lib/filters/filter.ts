/** The files a filter reads its operands from. */
export interface FilterFiles {
  /** File contents, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** A folder's entries (undefined when `path` is no folder): a folder named as a file is `Is a directory`. */
  list?(path: string): string[] | undefined;
}

/**
 * A text filter of the terminal's pipelines (`grep`, `head`, `wc`, …), which
 * a container's shell runs too (`sort`, `uniq`, `cut`): it reads standard
 * input (or the files named as operands, from the editor's tabs or the
 * container) and writes standard output, with GNU coreutils' and GNU grep's
 * options, output and error messages (C locale: ASCII quotes, byte order).
 */
export interface FilterSpec {
  name: string;
  /** Its options as `help` lists them: `grep [-i -v …] PATTERN`. */
  usage: string;
  /** What it does, for `help`. */
  summary: string;
  /** Parses `args` and starts; a usage error is already printed when a status comes back. */
  start(args: readonly string[], io: FilterIo): FilterRun | { code: number };
}

export interface FilterIo {
  /** Standard error (the terminal). */
  err(text: string): void;
  /** Where file operands are read: the editor's tabs in the browser, disk in the CLI, a container's files. */
  files: FilterFiles;
  /** Whether standard input is a pipe; false when the filter is the first command of the line (the terminal). */
  piped: boolean;
  /** Busybox's applet runs it (a container without bash): a missing file is its `can't open`, status 1. */
  busybox?: boolean;
}

/** A file operand that does not exist, said as the tool says it (`gnu`, with `gnuCode`; busybox: `can't open`, 1): the status. */
export function missingFile(io: FilterIo, tool: string, file: string, gnu: string, gnuCode: number): number {
  io.err(io.busybox ? `${tool}: can't open '${file}': No such file or directory\n` : gnu);
  return io.busybox ? 1 : gnuCode;
}

/** A started filter. */
export interface FilterRun {
  /** A chunk of standard input; returns what the filter writes at once (grep and head stream line by line). */
  write(text: string): string;
  /** End of input: the rest of the output and the exit status. */
  end(): { out: string; code: number };
  /** Set once the filter reads no more (head has its lines): a writer upstream then gets SIGPIPE. */
  readonly closed: boolean;
}

/** A short option letter or a long name, and its value when it takes one. */
export type Opt = { key: string; value?: string };

export interface OptSpec {
  /** Short options without a value, e.g. `ivcEwn`. */
  flags: string;
  /** Short options that take a value, e.g. `nk`. */
  withValue: string;
  /** Long options: name → the short key it means (or its own key) and whether it takes a value. */
  long?: Record<string, { key: string; value: boolean }>;
}

/**
 * GNU getopt_long: option clusters (`-iv`), values attached or next (`-n5`,
 * `-n 5`, `--lines=5`), options after operands, `--` ends options; `-` alone
 * is an operand (standard input). Errors carry getopt's wording.
 */
export function parseOptions(name: string, args: readonly string[], spec: OptSpec): { opts: Opt[]; operands: string[] } | { error: string } {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const longName = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(longName));
      const exact = matches.includes(longName) ? longName : matches.length === 1 ? matches[0] : undefined;
      if (!exact) return { error: matches.length > 1 ? `${name}: option '${a}' is ambiguous\n` : `${name}: unrecognized option '${a}'\n` };
      const def = spec.long![exact];
      if (def.value) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return { error: `${name}: option '--${exact}' requires an argument\n` };
        opts.push({ key: def.key, value });
      } else {
        if (eq >= 0) return { error: `${name}: option '--${exact}' doesn't allow an argument\n` };
        opts.push({ key: def.key });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.withValue.includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `${name}: option requires an argument -- '${c}'\n` };
          opts.push({ key: c, value });
          break;
        }
        if (!spec.flags.includes(c)) return { error: `${name}: invalid option -- '${c}'\n` };
        opts.push({ key: c });
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** One input of a filter: a file operand (`text` undefined when there is no such file) or standard input (`-`). */
export interface Input {
  name: string;
  text: string | undefined;
  /** The operand is a folder, not a file (`text` is undefined). */
  dir?: boolean;
}

/** An operand read: its text, or none, and then whether it names a folder. */
function input(name: string, text: string | undefined, io: FilterIo): Input {
  return text === undefined && io.files.list?.(name) !== undefined ? { name, text, dir: true } : { name, text };
}

/** What a filter prints when it would read the terminal: real tools wait for typed input (Ctrl+D ends it), which this terminal cannot give. */
export function terminalInput(name: string, io: FilterIo): { code: number } {
  io.err(`${name}: reading standard input from the terminal is not simulated; pipe into it (kubectl get pods | ${name} …) or name a file of the editor\n`);
  return { code: 1 };
}

/** Splits text into lines without their `\n`; a last line without `\n` counts as a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A filter that needs all its input before it writes (sort, wc, tail, base64):
 * `finish` gets standard input, or the file operands' texts when there are any.
 */
export function collecting(operands: readonly string[], io: FilterIo, name: string, finish: (inputs: Input[], err: (t: string) => void) => { out: string; code: number }): FilterRun | { code: number } {
  if (operands.length === 0 && !io.piped) return terminalInput(name, io);
  let stdin = '';
  return {
    closed: false,
    write(text) {
      stdin += text;
      return '';
    },
    end() {
      const inputs: Input[] = operands.length === 0 ? [{ name: '-', text: stdin }] : operands.map((o) => input(o, o === '-' ? stdin : io.files.read(o), io));
      return finish(inputs, io.err);
    },
  };
}

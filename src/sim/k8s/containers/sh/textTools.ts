import type { Builtin } from './builtins';
import { grep } from './grep';
import type { Io, ShellApi } from './types';

/**
 * A filter's inputs: each named file (`-` is standard input), or standard
 * input alone without files; a missing file is busybox's error and status 1.
 */
function eachInput(sh: ShellApi, tool: string, files: readonly string[], io: Io, each: (content: string) => void): number {
  let st = 0;
  for (const f of files.length ? files : ['-']) {
    const content = f === '-' ? io.stdin : sh.hostRef.files.get(sh.path(f));
    if (content === undefined) {
      io.err(`${tool}: ${f}: No such file or directory\n`);
      st = 1;
      continue;
    }
    each(content);
  }
  return st;
}

/** The text filters a container's shell has: `head`, `tail` (with `-f`), `grep`, `rev` (busybox's). */
export const TEXT_TOOLS: Record<string, Builtin> = {
  /** `head [-n N | -N] [FILE]…`: the first lines (of stdin without files). */
  head(sh, args, io) {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-n') n = Number(args[++i] ?? 10);
      else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else if (!a.startsWith('-') || a === '-') files.push(a);
    }
    const first = (text: string) => {
      const lines = text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      return lines.slice(0, n).map((l) => `${l}\n`).join('');
    };
    return eachInput(sh, 'head', files, io, (content) => io.out(first(content)));
  },
  /** busybox `tail [-n N] [-f|-F] [FILE]…`: the last lines, then (following) what is appended, checked every second. */
  *tail(sh, args, io) {
    let n = 10;
    let follow = false;
    let retry = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-n') n = Number(args[++i] ?? 10);
      else if (/^-n\d+$/.test(a) || /^-\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else if (a === '-f') follow = true;
      else if (a === '-F') follow = retry = true;
      else if (!a.startsWith('-') || a === '-') files.push(a);
    }
    const last = (text: string) => {
      const lines = text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      return lines.slice(Math.max(0, lines.length - n)).map((l) => `${l}\n`).join('');
    };
    if (files.length === 0) {
      io.out(last(io.stdin));
      return 0;
    }
    const seen = new Map<string, number>();
    let st = 0;
    for (const f of files) {
      const content = sh.hostRef.files.get(sh.path(f));
      if (content === undefined) {
        io.err(`tail: can't open '${f}': No such file or directory\n`);
        st = 1;
        continue;
      }
      io.out(last(content));
      seen.set(f, content.length);
    }
    if (!follow || (seen.size === 0 && !retry)) return st;
    for (;;) {
      yield { sleep: 1000 };
      for (const f of files) {
        const content = sh.hostRef.files.get(sh.path(f));
        if (content === undefined) continue;
        const before = seen.get(f);
        if (before === undefined || content.length < before) io.out(content);
        else if (content.length > before) io.out(content.slice(before));
        seen.set(f, content.length);
      }
    }
  },
  /** `grep` with its options, on files or standard input (`grep.ts`). */
  grep,
  /** busybox `rev [FILE]…`: each line reversed (stdin without files). */
  rev(sh, args, io) {
    const files = args.filter((a) => !a.startsWith('-'));
    return eachInput(sh, 'rev', files, io, (content) => {
      const lines = content.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) io.out(`${[...l].reverse().join('')}\n`);
    });
  },
};

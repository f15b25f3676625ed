import type { Redirect, Word } from './ast';
import type { Io } from './types';

/**
 * The output of a command with its redirections applied: files (`>`, `>>`),
 * `<` input, `2>&1` / `1>&2`, `/dev/null`, and the log's own `/dev/stdout`
 * and `/dev/stderr`. Undefined (after sh's message) when an input file is missing.
 */
export function redirectIo(list: Redirect[], io: Io, files: Map<string, string>, resolve: (p: string) => string, word: (w: Word) => string): Io | undefined {
  let out = io;
  for (const r of list) {
    const target = word(r.target);
    if (r.op === '>&') {
      if (target === '1' && r.fd === 2) out = { ...out, err: out.out };
      else if (target === '2' && r.fd === 1) out = { ...out, out: out.err };
      continue;
    }
    if (r.op === '<') {
      const content = files.get(resolve(target));
      if (content === undefined) {
        io.err(`sh: can't open ${target}: no such file\n`);
        return undefined;
      }
      out = { ...out, stdin: content };
      continue;
    }
    const path = resolve(target);
    if (path === '/dev/null') {
      const sink = () => undefined;
      out = r.fd === 2 ? { ...out, err: sink } : { ...out, out: sink };
      continue;
    }
    if (path === '/dev/stdout' || path === '/proc/1/fd/1') continue;
    if (path === '/dev/stderr' || path === '/proc/1/fd/2') {
      out = r.fd === 2 ? out : { ...out, out: out.err };
      continue;
    }
    if (r.op === '>') files.set(path, '');
    else if (!files.has(path)) files.set(path, '');
    const write = (t: string) => files.set(path, (files.get(path) ?? '') + t);
    out = r.fd === 2 ? { ...out, err: write } : { ...out, out: write };
  }
  return out;
}


import { ShellSyntaxError, type Redirect, type Word } from './ast';

/** A token of the shell lexer. */
export type Tok = { k: 'word'; word: Word; raw: string } | { k: 'op'; v: string } | { k: 'nl' } | { k: 'eof' };

/** Reserved words (and `{`, `}`, `!`), recognised only as a plain unquoted word. */
export const KEYWORDS = new Set(['while', 'until', 'do', 'done', 'for', 'in', 'if', 'then', 'elif', 'else', 'fi', '{', '}', '!']);

/** Whether a word token is written plainly (no quotes or expansions): only then can it be a reserved word. */
export function isPlain(t: Tok & { k: 'word' }): boolean {
  return t.word.length === 1 && t.word[0].t === 'lit' && t.word[0].v === t.raw;
}

/** sh's `syntax error: unexpected "X"` (or `end of file`), with what it was expecting. */
export function unexpected(t: Tok, expecting?: string): ShellSyntaxError {
  const what = t.k === 'eof' ? 'end of file' : `"${t.k === 'op' ? t.v : t.k === 'word' ? t.raw : 'newline'}"`;
  return new ShellSyntaxError(`syntax error: unexpected ${what}${expecting ? ` (expecting "${expecting}")` : ''}`);
}

/** A redirection from its operator (`>`, `2>>`, `>&`, `<`) and target token. */
export function redirectOf(op: string, target: Tok): Redirect {
  const m = /^(\d*)(>>|>&|>|<)$/.exec(op)!;
  const kind = m[2] as Redirect['op'];
  const fd = m[1] ? Number(m[1]) : kind === '<' ? 0 : 1;
  if (target.k !== 'word') throw new ShellSyntaxError('syntax error: unexpected redirection');
  return { fd, op: kind, target: target.word };
}

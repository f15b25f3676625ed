import { arithmetic } from './arithmetic';

/**
 * bash's parameter operators on a value: removing a matching prefix or
 * suffix (`${p#pod/}`, `${name%%-*}`), replacing a pattern (`${v/a/b}`,
 * `${v//a/b}`), a substring (`${v:1:3}`, `${v: -2}`) and case
 * (`${v^^}`, `${v,,}`, `${v^}`). Patterns are shell globs (`*`, `?`,
 * `[…]`, `\x`) whose quoted pieces match literally.
 */

/** An error of an expansion, as bash words it (`${x:?}`, a bad offset): the command does not run. */
export class ExpansionError extends Error {}

/** A pattern's pieces: glob text, or literal text (quoted, or a quoted expansion's value). */
export interface PatternPiece {
  text: string;
  glob: boolean;
}

/** Text that a regular expression matches literally. */
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** A glob as an anchored regular expression source (without the anchors). */
function globSource(pieces: readonly PatternPiece[]): string {
  let out = '';
  for (const { text, glob } of pieces) {
    if (!glob) {
      out += literal(text);
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '*') out += '[\\s\\S]*';
      else if (c === '?') out += '[\\s\\S]';
      else if (c === '\\' && i + 1 < text.length) out += literal(text[++i]);
      else if (c === '[') {
        const close = text.indexOf(']', i + 2);
        if (close < 0) out += '\\[';
        else {
          let set = text.slice(i + 1, close);
          const negate = set.startsWith('!') || set.startsWith('^');
          if (negate) set = set.slice(1);
          out += `[${negate ? '^' : ''}${set.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
          i = close;
        }
      } else out += literal(c);
    }
  }
  return out;
}

/** `${v#p}`, `${v##p}` (from the start, shortest or longest match), `${v%p}`, `${v%%p}` (from the end). */
export function trimPattern(value: string, pieces: readonly PatternPiece[], fromStart: boolean, longest: boolean): string {
  const re = new RegExp(`^(?:${globSource(pieces)})$`);
  const n = value.length;
  for (let k = 0; k <= n; k++) {
    const len = longest ? n - k : k;
    const cut = fromStart ? value.slice(0, len) : value.slice(n - len);
    if (re.test(cut)) return fromStart ? value.slice(len) : value.slice(0, n - len);
  }
  return value;
}

/** `${v/p/r}` (first, longest match), `${v//p/r}` (every one), `${v/#p/r}` (at the start), `${v/%p/r}` (at the end). */
export function replacePattern(value: string, pieces: readonly PatternPiece[], replacement: string, all: boolean, anchor: 'start' | 'end' | undefined): string {
  if (pieces.every((p) => p.text === '')) return value;
  const re = new RegExp(`^(?:${globSource(pieces)})$`);
  const n = value.length;
  /** Where the longest non-empty match starting at `start` ends (-1: none). */
  const longestAt = (start: number): number => {
    for (let end = n; end > start; end--) if (re.test(value.slice(start, end))) return end;
    return -1;
  };
  if (anchor === 'start') {
    const end = longestAt(0);
    return end < 0 ? value : replacement + value.slice(end);
  }
  if (anchor === 'end') {
    for (let start = 0; start < n; start++) if (re.test(value.slice(start))) return value.slice(0, start) + replacement;
    return value;
  }
  let out = '';
  let i = 0;
  while (i < n) {
    const end = longestAt(i);
    if (end < 0) {
      out += value[i++];
      continue;
    }
    out += replacement;
    i = end;
    if (!all) return out + value.slice(i);
  }
  return out;
}

/** `${v:offset}`, `${v:offset:length}`: arithmetic offsets; a negative offset counts from the end, a negative length stops that far from the end. */
export function substring(value: string, offset: string, length: string | undefined, get: (name: string) => string | undefined): string {
  const num = (expr: string): number => {
    const r = arithmetic(expr, get);
    if ('error' in r) throw new ExpansionError(r.error);
    return Number(r.value);
  };
  const chars = [...value];
  let from = num(offset);
  if (from < 0) from = Math.max(0, chars.length + from);
  if (from > chars.length) return '';
  if (length === undefined) return chars.slice(from).join('');
  let len = num(length);
  if (len < 0) {
    const to = chars.length + len;
    if (to < from) throw new ExpansionError(`${length.trim()}: substring expression < 0`);
    return chars.slice(from, to).join('');
  }
  return chars.slice(from, from + len).join('');
}

/** `${v^^}` / `${v,,}` (every character), `${v^}` / `${v,}` (the first). */
export function changeCase(value: string, upper: boolean, all: boolean): string {
  const f = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
  if (all) return f(value);
  const [first = '', ...rest] = [...value];
  return f(first) + rest.join('');
}

/**
 * The parts of the grammar that differ between the shells of the images:
 * `${…}` parameter bodies, and bash's indexed arrays (`a=(x y z)`,
 * `a[i]=v`, `${a[i]}`, `${a[@]}`, `${#a[@]}`). busybox ash and dash have no
 * arrays: there `a=(…)` is `syntax error: unexpected "("` and `${a[0]}` is
 * `syntax error: bad substitution`, as the parser reports when `bash` is off.
 */

import { ShellSyntaxError, type Word, type WordPart } from './ast';
import { unexpected, type Tok } from './tokens';

/** The part for `${BODY}`; `word` parses an operator's argument (`${X:-default}`) or a subscript. */
export function braceParam(body: string, quoted: boolean, bash: boolean, word: (src: string) => Word): WordPart {
  const len = /^#([A-Za-z_]\w*|[?#$0-9@*])$/.exec(body);
  if (len) return { t: 'var', name: len[1], quoted, length: true };
  if (bash) {
    const arr = /^(#?)([A-Za-z_]\w*)\[(.+)\]$/s.exec(body);
    if (arr) {
      const sub = arr[3];
      const part: WordPart = { t: 'var', name: arr[2], quoted, index: sub === '@' || sub === '*' ? sub : word(sub) };
      if (arr[1]) part.length = true;
      return part;
    }
  }
  const m = /^([A-Za-z_]\w*|[?#$0-9])(?:(:-|-|:=|:\+)(.*))?$/s.exec(body);
  if (!m) throw new ShellSyntaxError(`syntax error: bad substitution`);
  const part: WordPart = { t: 'var', name: m[1], quoted };
  if (m[2]) {
    part.op = m[2] as ':-';
    part.arg = word(m[3]);
  }
  return part;
}

/** The words of a bash array literal, after its `(`, up to and including the closing `)`. */
export function arrayLiteral(next: () => Tok): Word[] {
  const items: Word[] = [];
  for (;;) {
    const t = next();
    if (t.k === 'nl') continue;
    if (t.k === 'op' && t.v === ')') return items;
    if (t.k !== 'word') throw unexpected(t);
    items.push(t.word);
  }
}

/** bash's `NAME[SUBSCRIPT]=` at the start of a word: the name, the subscript text, the rest of the literal. */
export function elementAssignment(lit: string): { name: string; subscript: string; rest: string } | undefined {
  const m = /^([A-Za-z_]\w*)\[([^\]]+)\]=/.exec(lit);
  return m ? { name: m[1], subscript: m[2], rest: lit.slice(m[0].length) } : undefined;
}

/**
 * mitchellh/go-wordwrap `WrapString`, which kubectl explain's `wrap` uses:
 * breaks lines at spaces so none exceeds `limit` (a word longer than the
 * limit stays whole), keeps the text's own line breaks, and drops the
 * spaces where it breaks.
 */
export function wrapString(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length > limit) current = 0;
        else buf += space;
      } else buf += space + word;
      space = '';
      word = '';
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) buf += space;
  } else buf += space + word;
  return buf;
}

/** The explain templates' `indent`: pads the start and every line after a newline. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replace(/\n/g, `\n${pad}`);
}

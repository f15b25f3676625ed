/**
 * Splits a command line into words the way a POSIX shell does for simple
 * commands: `'…'` keeps everything literally, `"…"` allows `\"`, `\\`, `\$`
 * and `` \` `` escapes, a bare backslash escapes the next character, and an
 * unquoted `#` at the start of a word begins a comment.
 * @example tokenize(`kubectl label pod x 'a=b c'`).words // ['kubectl','label','pod','x','a=b c']
 */
export interface TokenizeResult {
  words: string[];
  /** Set when a quote was left open (`unterminated quote`), as a shell would refuse to run it. */
  error?: string;
}

/** Splits `line` into shell words. */
export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { words, error: `unexpected EOF while looking for matching \`''` };
      word += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      if (!closed) return { words, error: 'unexpected EOF while looking for matching `"\'' };
      continue;
    }
    if (c === '\\') {
      if (i + 1 < n) word += line[i + 1];
      i += 2;
      continue;
    }
    word += c;
    i++;
  }
  if (inWord) words.push(word);
  return { words };
}

/** Quotes a word for display so that `tokenize` would read it back unchanged. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Splits a command line into words the way a POSIX shell does for simple
 * commands: `'…'` keeps everything literally, `"…"` allows `\"`, `\\`, `\$`
 * and `` \` `` escapes, a bare backslash escapes the next character, and an
 * unquoted `#` at the start of a word begins a comment. An unquoted `|`
 * separates the stages of a pipeline; the other control and redirection
 * operators (`;`, `&&`, `||`, `&`, `>`, `>>`, `<`) are refused with a clear
 * error, since this terminal runs one pipeline per line and has no files to
 * redirect to.
 * @example tokenize(`kubectl label pod x 'a=b c'`).words // ['kubectl','label','pod','x','a=b c']
 * @example tokenize(`kubectl get pods | grep web`).stages // [['kubectl','get','pods'],['grep','web']]
 */
export interface TokenizeResult {
  /** The words of the first (often the only) command of the line. */
  words: string[];
  /** Each command of the pipeline, in order (one entry when there is no `|`). */
  stages: string[][];
  /** Set when the line cannot run: an open quote, a misplaced `|`, an operator not simulated. */
  error?: string;
}

const NOT_SIMULATED_REDIRECT = "is not simulated in this terminal (redirection: there are no files to write to or read from); pipes ('|') work";
const NOT_SIMULATED_LIST = "is not simulated in this terminal: type one command per line; pipes ('|') work";

/** The operator starting at `line[i]` and the error it gets, if it is one this terminal refuses. */
function refusedOperator(line: string, i: number): string | undefined {
  const c = line[i];
  const two = line.slice(i, i + 2);
  if (c === '>' || c === '<') {
    const op = two === '>>' || two === '>&' || two === '<<' ? two : c;
    return `'${op}' ${NOT_SIMULATED_REDIRECT}`;
  }
  if (two === '&&' || two === '||') return `'${two}' ${NOT_SIMULATED_LIST}`;
  if (c === ';') return `';' ${NOT_SIMULATED_LIST}`;
  if (c === '&') return `'&' is not simulated in this terminal (background jobs): type one command per line`;
  return undefined;
}

/** Splits `line` into shell words, grouped into pipeline stages. */
export function tokenize(line: string): TokenizeResult {
  const stages: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = line.length;
  const fail = (error: string): TokenizeResult => ({ words: stages[0] ?? words, stages: [...stages, words], error });
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    const refused = refusedOperator(line, i);
    if (refused) return fail(refused);
    if (c === '|') {
      endWord();
      if (words.length === 0) return fail("syntax error near unexpected token `|'");
      stages.push(words);
      words = [];
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return fail(`unexpected EOF while looking for matching \`''`);
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
      if (!closed) return fail('unexpected EOF while looking for matching `"\'');
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
  endWord();
  if (stages.length > 0 && words.length === 0) return fail('syntax error: unexpected end of file');
  stages.push(words);
  return { words: stages[0], stages };
}

/** Quotes a word for display so that `tokenize` would read it back unchanged. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

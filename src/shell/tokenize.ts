import type { Part } from './expansion';
import { readExpansion } from './readExpansion';

/**
 * Splits a command line into words the way a POSIX shell does for simple
 * commands: `'…'` keeps everything literally, `"…"` allows `\"`, `\\`, `\$`
 * and `` \` `` escapes, a bare backslash escapes the next character, and an
 * unquoted `#` at the start of a word begins a comment. An unquoted `|`
 * separates the stages of a pipeline; the other control and redirection
 * operators (`;`, `&&`, `||`, `&`, `>`, `>>`, `<`) are refused with a clear
 * error, since this terminal runs one pipeline per line and has no files to
 * redirect to. `$NAME`, `${…}`, `$(…)` and backquotes are kept as parts
 * of their words for the shell to expand (see `expansion.ts`).
 * @example tokenize(`kubectl label pod x 'a=b c'`).words // ['kubectl','label','pod','x','a=b c']
 * @example tokenize(`kubectl get pods | grep web`).stages // [['kubectl','get','pods'],['grep','web']]
 */
export interface TokenizeResult {
  /** The words of the first (often the only) command of the line. */
  words: string[];
  /** Each command of the pipeline, in order (one entry when there is no `|`). */
  stages: string[][];
  /** Each stage's words as parts, for the shell's expansions. */
  parts: Part[][][];
  /** Each stage's words as typed (quotes and all): what a bash script would say. */
  raw: string[][];
  /**
   * Whether a word has an expansion (`$NAME`, `${…}`, `$(…)`, `` `…` ``):
   * `words` and `stages` then show it as typed, unexpanded (`kubectl delete pod $POD`).
   */
  expands: boolean;
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
  const parts: Part[][][] = [];
  const raw: string[][] = [];
  let words: string[] = [];
  let wordParts: Part[][] = [];
  let raws: string[] = [];
  let word = '';
  let current: Part[] = [];
  let inWord = false;
  let wordStart = 0;
  let expanding = false;
  let i = 0;
  const n = line.length;
  const fail = (error: string): TokenizeResult => ({ words: stages[0] ?? words, stages: [...stages, words], parts: [...parts, wordParts], raw: [...raw, raws], expands: expanding, error });
  /** Literal text of the word (quoted: not to be split, not an assignment's name). */
  const text = (t: string, quoted: boolean) => {
    word += t;
    const last = current[current.length - 1];
    if (last !== undefined && last.kind === 'text' && last.quoted === quoted) current[current.length - 1] = { ...last, text: last.text + t };
    else current.push({ kind: 'text', text: t, quoted });
  };
  /** An expansion starting at `line[i]` ('$' or '`'); returns where the word goes on, or an error. */
  const expansion = (quoted: boolean): string | undefined => {
    const found = readExpansion(line, i, quoted);
    if ('error' in found) return found.error;
    if (found.part === undefined) text(line.slice(i, found.end), quoted);
    else {
      word += line.slice(i, found.end);
      current.push(found.part);
      expanding = true;
    }
    i = found.end;
    return undefined;
  };
  const endWord = () => {
    if (inWord) {
      words.push(word);
      wordParts.push(current);
      raws.push(line.slice(wordStart, i));
    }
    word = '';
    current = [];
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
      parts.push(wordParts);
      raw.push(raws);
      words = [];
      wordParts = [];
      raws = [];
      i++;
      continue;
    }
    if (!inWord) wordStart = i;
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return fail(`unexpected EOF while looking for matching \`''`);
      text(line.slice(i + 1, end), true);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      // An empty "" still makes the word (and a field).
      text('', true);
      while (i < n) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n && '"\\$`'.includes(line[i + 1])) {
          text(line[i + 1], true);
          i += 2;
          continue;
        }
        if (d === '$' || d === '`') {
          const error = expansion(true);
          if (error) return fail(error);
          continue;
        }
        text(d, true);
        i++;
      }
      if (!closed) return fail('unexpected EOF while looking for matching `"\'');
      continue;
    }
    if (c === '\\') {
      if (i + 1 < n) text(line[i + 1], true);
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const error = expansion(false);
      if (error) return fail(error);
      continue;
    }
    text(c, false);
    i++;
  }
  endWord();
  if (stages.length > 0 && words.length === 0) return fail('syntax error: unexpected end of file');
  stages.push(words);
  parts.push(wordParts);
  raw.push(raws);
  return { words: stages[0], stages, parts, raw, expands: expanding };
}

/** Quotes a word for display so that `tokenize` would read it back unchanged. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

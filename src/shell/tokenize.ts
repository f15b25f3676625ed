import type { Part } from './expansion';
import { readExpansion } from './readExpansion';

/**
 * Splits a command line into words the way a POSIX shell does for simple
 * commands: `'…'` keeps everything literally, `"…"` allows `\"`, `\\`, `\$`
 * and `` \` `` escapes, a bare backslash escapes the next character, and an
 * unquoted `#` at the start of a word begins a comment. An unquoted `|`
 * separates the stages of a pipeline, and `&&`, `||` and `;` join pipelines
 * into a list; the other operators (`&`, `>`, `>>`, `<`) are refused with a
 * clear error, since this terminal runs no background jobs and has no files
 * to redirect to. `$NAME`, `${…}`, `$(…)` and backquotes are kept as parts
 * of their words for the shell to expand (see `expansion.ts`).
 * @example tokenize(`kubectl label pod x 'a=b c'`).words // ['kubectl','label','pod','x','a=b c']
 * @example tokenize(`kubectl get pods | grep web`).stages // [['kubectl','get','pods'],['grep','web']]
 */
/** A pipeline of a list (`a | b && c; d`): its commands `stages[start..end)`, its text, and the operator that follows it. */
export interface ListItem {
  start: number;
  end: number;
  text: string;
  op?: '&&' | '||' | ';';
}

export interface TokenizeResult {
  /** The words of the first (often the only) command of the line. */
  words: string[];
  /**
   * Every command of the line, in order: the stages of its pipeline (one
   * entry when there is no `|`), or of all its pipelines when it is a list.
   */
  stages: string[][];
  /** The line's pipelines, joined by `&&`, `||` or `;` (one item for a plain pipeline). */
  list: ListItem[];
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

/** The operator starting at `line[i]` and the error it gets, if it is one this terminal refuses. */
function refusedOperator(line: string, i: number): string | undefined {
  const c = line[i];
  const two = line.slice(i, i + 2);
  if (c === '>' || c === '<') {
    const op = two === '>>' || two === '>&' || two === '<<' ? two : c;
    return `'${op}' ${NOT_SIMULATED_REDIRECT}`;
  }
  if (c === '&' && two !== '&&') return `'&' is not simulated in this terminal (background jobs): type one command per line`;
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
  const list: ListItem[] = [];
  /** Where the current pipeline starts: its first stage and its first character. */
  let itemStage = 0;
  let itemFrom = 0;
  let i = 0;
  const n = line.length;
  const fail = (error: string): TokenizeResult => ({ words: stages[0] ?? words, stages: [...stages, words], list, parts: [...parts, wordParts], raw: [...raw, raws], expands: expanding, error });
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
  /** The command read so far becomes a stage (its words, their parts, their text). */
  const endStage = () => {
    stages.push(words);
    parts.push(wordParts);
    raw.push(raws);
    words = [];
    wordParts = [];
    raws = [];
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
    const op = c === ';' ? ';' : line.startsWith('&&', i) ? '&&' : line.startsWith('||', i) ? '||' : undefined;
    if (op !== undefined) {
      // A list: this pipeline ends here; the next one runs after it (`&&`: if it succeeded, `||`: if it failed).
      endWord();
      if (words.length === 0) return fail(`syntax error near unexpected token \`${op}'`);
      endStage();
      list.push({ start: itemStage, end: stages.length, text: line.slice(itemFrom, i).trim(), op });
      i += op.length;
      itemStage = stages.length;
      itemFrom = i;
      continue;
    }
    if (c === '|') {
      endWord();
      if (words.length === 0) return fail("syntax error near unexpected token `|'");
      endStage();
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
  // `a;` ends the list; `a &&`, `a ||` and `a |` want more.
  if (words.length === 0 && list.length > 0 && stages.length === itemStage && list[list.length - 1].op === ';') {
    list[list.length - 1].op = undefined;
    return { words: stages[0], stages, list, parts, raw, expands: expanding };
  }
  if (stages.length > 0 && words.length === 0) return fail('syntax error: unexpected end of file');
  endStage();
  list.push({ start: itemStage, end: stages.length, text: line.slice(itemFrom).trim() });
  return { words: stages[0], stages, list, parts, raw, expands: expanding };
}

/** Quotes a word for display so that `tokenize` would read it back unchanged. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

import { HOME } from './files/paths';
import { tildeExpanded, type Part } from './expansion';
import { readExpansion } from './readExpansion';
import { heredocParts, NOT_SIMULATED_REDIRECT, redirectOp, type Redirect, type RedirectOp } from './redirect';
import { CommandStart } from './notSimulatedSyntax';

/**
 * Splits a command line into words the way a POSIX shell does for simple
 * commands: `'…'` keeps everything literally, `"…"` allows `\"`, `\\`, `\$`
 * and `` \` `` escapes, a bare backslash escapes the next character (and
 * a backslash before a line break joins the lines), and an unquoted `#` at
 * the start of a word begins a comment. An unquoted `|` separates the
 * stages of a pipeline; `&&`, `||`, `;` and a line break join pipelines
 * into a list. Redirections (`<<EOF`, `<<-EOF`, `<<<`, `<`, `>`, `>>`,
 * `2>`, `&>`, `2>&1`, `>&2`) are kept per command, here-documents with the
 * lines that follow their line (see `redirect.ts`); a final `&` makes the
 * line a background job, one elsewhere is refused. `$NAME`, `${…}`, `$(…)`
 * and backquotes are kept as parts of their words for the shell to expand.
 * @example tokenize(`kubectl label pod x 'a=b c'`).words // ['kubectl','label','pod','x','a=b c']
 * @example tokenize(`kubectl get pods | grep web`).stages // [['kubectl','get','pods'],['grep','web']]
 */
/** A pipeline of a list (`a | b && c; d`): its commands `stages[start..end)`, its text (with its here-documents), and the operator that follows it. */
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
  /** The line's pipelines, joined by `&&`, `||`, `;` or a line break (one item for a plain pipeline). */
  list: ListItem[];
  /** Each stage's words as parts, for the shell's expansions. */
  parts: Part[][][];
  /** Each stage's words as typed (quotes and all): what a bash script would say. */
  raw: string[][];
  /** Each stage's redirections, in the order written. */
  redirects: Redirect[][];
  /** Where each stage starts in the line: its first word's (or redirection's) first character. */
  starts: number[];
  /**
   * Whether a word or a redirection has an expansion (`$NAME`, `${…}`, `$(…)`, `` `…` ``):
   * `words` and `stages` then show it as typed, unexpanded (`kubectl delete pod $POD`).
   */
  expands: boolean;
  /** Set when the line cannot run: an open quote, a misplaced `|`, an operator not simulated. */
  error?: string;
  /**
   * Set when more lines would complete the command (an open quote, a
   * here-document without its end line, a line ending in `|`, `&&`, `||` or
   * `\`): an interactive shell asks for them with its `> ` prompt. Run as
   * it is (a script's end), the line fails with `error`, or for a
   * here-document runs with `warning`.
   */
  incomplete?: 'quote' | 'heredoc' | 'operator' | 'backslash';
  /** bash's warning for a here-document that the text's end closed. */
  warning?: string;
  /** Where the `&` that ends the line is (`COMMAND &`): the rest describes the line before it, a background job (`jobs.ts`). */
  background?: number;
}

/** A redirection whose word comes next: what it becomes once the word is read. */
interface Awaiting {
  op: RedirectOp;
  fd: number | undefined;
}

/** A here-document waiting for its lines (they follow the line that has the `<<`). */
interface OpenHeredoc {
  redirect: Extract<Redirect, { kind: 'heredoc' }>;
  /** The list item whose command reads it. */
  item: number;
  /** The line of the text its `<<` is on (bash's warning names it). */
  lineNo: number;
}

/** bash's warning for a here-document that the end of the text closed. */
function endOfFileWarning(doc: OpenHeredoc): string {
  return `warning: here-document at line ${doc.lineNo} delimited by end-of-file (wanted \`${doc.redirect.delimiter}')`;
}

/** Splits `line` into shell words, grouped into pipeline stages. */
export function tokenize(line: string): TokenizeResult {
  const stages: string[][] = [];
  const parts: Part[][][] = [];
  const raw: string[][] = [];
  const redirects: Redirect[][] = [];
  const starts: number[] = [];
  /** Where the command being read starts (-1: nothing of it read yet). */
  let stageFrom = -1;
  let words: string[] = [];
  let wordParts: Part[][] = [];
  let raws: string[] = [];
  let stageRedirects: Redirect[] = [];
  let word = '';
  let current: Part[] = [];
  let inWord = false;
  let wordQuoted = false;
  let wordStart = 0;
  let expanding = false;
  let awaiting: Awaiting | undefined;
  const open: OpenHeredoc[] = [];
  /** Each list item's here-document lines, as typed (delimiter lines included). */
  const bodies = new Map<number, string>();
  let warning: string | undefined;
  const list: ListItem[] = [];
  /** Where the current pipeline starts: its first stage and its first character. */
  let itemStage = 0;
  let itemFrom = 0;
  const commandStart = new CommandStart(); // finds a construct not simulated at the start of a command
  let i = 0;
  const n = line.length;
  const fail = (error: string, incomplete?: TokenizeResult['incomplete']): TokenizeResult => ({
    words: stages[0] ?? words, stages: [...stages, words], list, parts: [...parts, wordParts], raw: [...raw, raws],
    redirects: [...redirects, stageRedirects], starts: [...starts, stageFrom], expands: expanding, error, incomplete,
  });
  /** Literal text of the word (quoted: not to be split, not an assignment's name). */
  const text = (t: string, quoted: boolean) => {
    word += t;
    if (quoted) wordQuoted = true;
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
  /** The word read so far ends: a word of the command, or the word a redirection was waiting for. */
  const endWord = () => {
    if (inWord) {
      const home = tildeExpanded(current);
      if (home) [current, word] = [home, HOME + word.slice(1)];
      if (awaiting) redirected(awaiting, line.slice(wordStart, i));
      else {
        if (stageRedirects.length === 0) commandStart.see(words.length, word, wordQuoted);
        words.push(word);
        wordParts.push(current);
        raws.push(line.slice(wordStart, i));
      }
    }
    word = '';
    current = [];
    inWord = false;
    wordQuoted = false;
  };
  /** A redirection with its word read. */
  const redirected = (a: Awaiting, rawWord: string) => {
    awaiting = undefined;
    const op = a.op;
    if (op === '<<' || op === '<<-') {
      const redirect: OpenHeredoc['redirect'] = { kind: 'heredoc', delimiter: word, quoted: wordQuoted, strip: op === '<<-', body: [], text: '' };
      stageRedirects.push(redirect);
      open.push({ redirect, item: list.length, lineNo: line.slice(0, wordStart).split('\n').length });
    } else if (op === '<<<') stageRedirects.push({ kind: 'herestring', word: current, raw: rawWord });
    else if (op === '<') stageRedirects.push({ kind: 'read', target: current, raw: rawWord });
    else {
      const fd = op === '&>' || op === '&>>' || op === '>&' ? 'both' : a.fd === 2 ? 2 : 1;
      stageRedirects.push({ kind: 'write', fd, append: op === '>>' || op === '&>>', target: current, raw: rawWord, op: `${a.fd ?? ''}${op}` });
    }
  };
  /** The command read so far becomes a stage (its words, their parts, their text, its redirections). */
  const endStage = () => {
    stages.push(words);
    parts.push(wordParts);
    raw.push(raws);
    redirects.push(stageRedirects);
    starts.push(stageFrom);
    stageFrom = -1;
    words = [];
    wordParts = [];
    raws = [];
    stageRedirects = [];
  };
  /** Whether the command being read has anything (a word or a redirection). */
  const hasCommand = () => words.length > 0 || stageRedirects.length > 0;
  /** The lines after a line break that has open here-documents: their bodies, up to each one's delimiter line. */
  const readBodies = (): string | undefined => {
    for (const doc of open.splice(0)) {
      const r = doc.redirect;
      const from = i;
      let body = '';
      let closed = false;
      while (i < n) {
        const eol = line.indexOf('\n', i);
        const text = line.slice(i, eol < 0 ? n : eol);
        i = eol < 0 ? n : eol + 1;
        const content = r.strip ? text.replace(/^\t+/, '') : text;
        if (content === r.delimiter) {
          closed = true;
          break;
        }
        body += `${content}\n`;
      }
      if (!closed) {
        warning = endOfFileWarning(doc);
        open.length = 0;
        open.push(doc);
      }
      const parsed = r.quoted ? [{ kind: 'text' as const, text: body, quoted: true }] : heredocParts(body);
      if ('error' in parsed) return parsed.error;
      if (parsed.some((p) => p.kind !== 'text')) expanding = true;
      r.body = parsed;
      r.text = body;
      bodies.set(doc.item, `${bodies.get(doc.item) ?? ''}\n${line.slice(from, i).replace(/\n$/, '')}`);
      if (!closed) return undefined;
    }
    return undefined;
  };
  while (i < n) {
    if (commandStart.refused !== undefined) return fail(commandStart.refused);
    const c = line[i];
    if (c === '\n') {
      endWord();
      if (awaiting) return fail("syntax error near unexpected token `newline'");
      const eolAt = i++;
      const bad = open.length > 0 ? readBodies() : undefined;
      if (bad !== undefined) return fail(bad);
      // A line break ends a pipeline as `;` does, unless the line ended in `|`, `&&` or `||` (or had nothing).
      if (hasCommand()) {
        endStage();
        list.push({ start: itemStage, end: stages.length, text: line.slice(itemFrom, eolAt).trim(), op: ';' });
        itemStage = stages.length;
        itemFrom = i;
      } else if (stages.length === itemStage) itemFrom = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      const eol = line.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    const rop = redirectOp(line, i);
    if (rop !== undefined) {
      if (stageFrom < 0) stageFrom = i;
      // `2>` and `2>&1`: a lone unquoted digit right before the operator names the stream.
      let fd: number | undefined;
      if (inWord && !wordQuoted && /^[0-9]$/.test(word) && current.length === 1 && i === wordStart + 1) {
        fd = Number(word);
        word = '';
        current = [];
        inWord = false;
      } else endWord();
      if (awaiting) return fail(`syntax error near unexpected token \`${rop}'`);
      if (rop === '<>' || rop === '<&') return fail(`'${rop}' ${NOT_SIMULATED_REDIRECT}`);
      i += rop.length;
      if (rop === '>&' && /[0-9-]/.test(line[i] ?? '') && !/[^\s|;&<>]/.test(line[i + 1] ?? ' ')) {
        // `2>&1`, `>&2`; `>&-` closes the stream (nothing more reaches it).
        const to = line[i];
        i++;
        const from = fd === 2 ? 2 : 1;
        if (to === '-') stageRedirects.push({ kind: 'write', fd: from, append: false, target: [{ kind: 'text', text: '/dev/null', quoted: false }], raw: '/dev/null', op: `${from}>` });
        else if (to === '1' || to === '2') stageRedirects.push({ kind: 'dup', fd: from, to: to === '1' ? 1 : 2, op: `${fd ?? ''}>&${to}` });
        else return fail(`${to}: Bad file descriptor`);
        continue;
      }
      awaiting = { op: rop, fd };
      continue;
    }
    if (c === '&' && !line.startsWith('&&', i)) {
      endWord();
      if (awaiting || !hasCommand()) return fail("syntax error near unexpected token `&'");
      if (/^[ \t]*(#.*)?$/.test(line.slice(i + 1))) return { ...tokenize(line.slice(0, i)), background: i };
      return fail(`'&' is simulated at the end of a line only (COMMAND &, a background job): put the command after it on a line of its own`);
    }
    const op = c === ';' ? ';' : line.startsWith('&&', i) ? '&&' : line.startsWith('||', i) ? '||' : undefined;
    if (op !== undefined) {
      // A list: this pipeline ends here; the next one runs after it (`&&`: if it succeeded, `||`: if it failed).
      endWord();
      if (awaiting || !hasCommand()) return fail(`syntax error near unexpected token \`${op}'`);
      endStage();
      list.push({ start: itemStage, end: stages.length, text: line.slice(itemFrom, i).trim(), op });
      i += op.length;
      itemStage = stages.length;
      itemFrom = i;
      continue;
    }
    if (c === '|') {
      endWord();
      if (awaiting || !hasCommand()) return fail("syntax error near unexpected token `|'");
      endStage();
      i++;
      continue;
    }
    if (c === '\\' && line[i + 1] === '\n') {
      // A line continuation: the two lines are one.
      i += 2;
      continue;
    }
    if (!inWord) wordStart = i;
    if (stageFrom < 0) stageFrom = i;
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return fail(`unexpected EOF while looking for matching \`''`, 'quote');
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
        if (d === '\\' && line[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (d === '\\' && i + 1 < n && '"\\$`'.includes(line[i + 1])) {
          text(line[i + 1], true);
          i += 2;
          continue;
        }
        if (d === '$' || d === '`') {
          const error = expansion(true);
          if (error) return fail(error, error.startsWith('unexpected EOF') ? 'quote' : undefined);
          continue;
        }
        text(d, true);
        i++;
      }
      if (!closed) return fail('unexpected EOF while looking for matching `"\'', 'quote');
      continue;
    }
    if (c === '\\') {
      if (i + 1 < n) text(line[i + 1], true);
      else if (inWord && word === '') inWord = false;
      i += 2;
      if (i > n) return finish(true);
      continue;
    }
    if (c === '$' || c === '`') {
      const error = expansion(false);
      if (error) return fail(error, error.startsWith('unexpected EOF') ? 'quote' : undefined);
      continue;
    }
    text(c, false);
    i++;
  }
  return finish(false);

  /** The text has ended: the last pipeline, or what it still lacks. */
  function finish(backslash: boolean): TokenizeResult {
    endWord();
    if (commandStart.refused !== undefined) return fail(commandStart.refused);
    if (awaiting) return fail("syntax error near unexpected token `newline'");
    const withBodies = (item: ListItem, k: number): ListItem => (bodies.has(k) ? { ...item, text: `${item.text}${bodies.get(k)}` } : item);
    const incomplete: TokenizeResult['incomplete'] = backslash ? 'backslash' : open.length > 0 ? 'heredoc' : undefined;
    if (open.length > 0) {
      // A here-document's line break is still to come: its body is empty, as bash reads it at the end of a script.
      for (const doc of open) warning ??= endOfFileWarning(doc);
    }
    // `a;` or a final line break ends the list; `a &&`, `a ||` and `a |` want more.
    if (!hasCommand() && list.length > 0 && stages.length === itemStage && list[list.length - 1].op === ';') {
      list[list.length - 1].op = undefined;
      return { words: stages[0], stages, list: list.map(withBodies), parts, raw, redirects, starts, expands: expanding, incomplete, warning };
    }
    if (stages.length > 0 && !hasCommand()) return fail('syntax error: unexpected end of file', 'operator');
    endStage();
    list.push({ start: itemStage, end: stages.length, text: line.slice(itemFrom).trim() });
    return { words: stages[0], stages, list: list.map(withBodies), parts, raw, redirects, starts, expands: expanding, incomplete, warning };
  }
}

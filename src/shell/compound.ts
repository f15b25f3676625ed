import type { Part } from './expansion';
import { tokenize, type ListItem, type TokenizeResult } from './tokenize';

/**
 * bash's compound commands over a tokenized list: `for NAME in WORDS; do
 * LIST; done`, `while LIST; do LIST; done`, `until …`, `if LIST; then LIST;
 * [elif LIST; then LIST;]… [else LIST;] fi`, `! PIPELINE`, and `break` /
 * `continue` [N]. A reserved word counts only where a command starts (the
 * first word of a pipeline, unquoted, no redirection before it), as in bash:
 * `echo done` prints "done". The pipelines between the reserved words stay
 * text, run by the shell line by line, so each sees the variables set
 * before it (`for i in 1 2; do echo $i; done`).
 */

export type Op = NonNullable<ListItem['op']>;

/** A command of a list, with the operator that joins it to the next one. */
export type Node = (
  | { kind: 'simple'; text: string }
  | { kind: 'jump'; jump: 'break' | 'continue'; levels: number | string }
  | { kind: 'for'; name: string; words: Part[][] | undefined; body: Node[] }
  | { kind: 'while'; until: boolean; cond: Node[]; body: Node[] }
  | { kind: 'if'; clauses: { cond: Node[]; body: Node[] }[]; otherwise: Node[] | undefined }
) & {
  op?: Op;
  negate: boolean;
  /** A pipe or redirections after a compound's `done` or `fi` (`| sort`, `> pods.txt`): its output goes there. */
  tail?: string;
  /** The pipeline before a compound that a pipe feeds (`kubectl get pods -o name` in `… | while read p`): its input. */
  head?: string;
};

export type Parsed = { nodes: Node[] } | { error: string; incomplete: boolean };

const OPENERS = new Set(['for', 'while', 'until', 'if']);
const CLOSERS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi']);
const JUMPS = new Set(['break', 'continue']);

/** A pipeline of the list still to parse: its text (here-documents included) and its operator. */
interface Segment {
  text: string;
  op?: Op;
}

/** The reserved word a segment starts with (as typed: unquoted, nothing before it), and the text after it. */
function leadingWord(text: string): { word: string; rest: string } | undefined {
  const m = /^(!|[a-z]+)(?=$|[\s;&|])/.exec(text);
  if (!m) return undefined;
  const word = m[1];
  if (word !== '!' && !OPENERS.has(word) && !CLOSERS.has(word) && !JUMPS.has(word)) return undefined;
  return { word, rest: text.slice(word.length).trimStart() };
}

/** Whether a tokenized line has a compound command (or `!`, `break`, `continue`) anywhere a command starts. */
export function hasCompound(t: TokenizeResult): boolean {
  return t.list.some((item) => leadingWord(item.text) !== undefined) || t.raw.some((words, s) => OPENERS.has(words[0]) && !t.list.some((item) => item.start === s));
}

/** A pipeline whose later stage is a compound (`kubectl get pods -o name | while read p`): the text before its `|`, and the compound's. */
function pipedInto(text: string): { head: string; rest: string } | undefined {
  const t = tokenize(text);
  for (let k = 1; k < t.stages.length; k++) {
    const at = t.starts[k];
    if (!OPENERS.has(t.raw[k][0]) || !text.startsWith(t.raw[k][0], at)) continue;
    return { head: text.slice(0, at).replace(/\s*\|\s*$/, ''), rest: text.slice(at) };
  }
  return undefined;
}

class ParseError {
  constructor(
    readonly message: string,
    readonly incomplete = false,
  ) {}
}

const unexpected = (token: string) => new ParseError(`syntax error near unexpected token \`${token}'`);
const endOfFile = () => new ParseError('syntax error: unexpected end of file', true);

/** A recursive-descent parser over the list's pipelines, splitting a reserved word off the front of one as it is read. */
class Parser {
  private i = 0;

  constructor(private readonly segs: Segment[]) {}

  /** Commands up to (not including) a pipeline starting with one of `stops`, or to the end when `stops` is empty. */
  list(stops: ReadonlySet<string>): Node[] {
    const nodes: Node[] = [];
    while (this.i < this.segs.length) {
      const lead = leadingWord(this.segs[this.i].text);
      if (lead && stops.has(lead.word)) return nodes;
      if (lead && CLOSERS.has(lead.word)) throw unexpected(lead.word);
      nodes.push(this.command());
    }
    if (stops.size > 0) throw endOfFile();
    return nodes;
  }

  /** The reserved word at the front of the current pipeline, taken off it; the operator of the pipeline when nothing of it is left. */
  private take(word: string): { op?: Op; whole: boolean } {
    const seg = this.segs[this.i];
    const lead = leadingWord(seg.text);
    if (!lead || lead.word !== word) throw lead ? unexpected(lead.word) : endOfFile();
    if (lead.rest === '') {
      this.i++;
      return { op: seg.op, whole: true };
    }
    this.segs[this.i] = { text: lead.rest, op: seg.op };
    return { whole: false };
  }

  private peek(): string | undefined {
    return this.i < this.segs.length ? leadingWord(this.segs[this.i].text)?.word : undefined;
  }

  /**
   * A closing word (`done`, `fi`), the operator after it, and what follows
   * it in its pipeline: a pipe or redirections of the whole compound
   * (`done | sort`, `done > pods.txt`), kept as text, or nothing.
   */
  private close(word: string): { op?: Op; tail?: string } {
    if (this.i >= this.segs.length) throw endOfFile();
    const { op, whole } = this.take(word);
    if (whole) return { op };
    const rest = this.segs[this.i];
    if (/^(?:[|<>]|&>|[0-9]+[<>])/.test(rest.text)) {
      this.i++;
      return { op: rest.op, tail: rest.text };
    }
    throw unexpected(rest.text.split(/\s/)[0]);
  }

  /** One command: a compound, `!` before one, a jump or a plain pipeline. */
  private command(): Node {
    const seg = this.segs[this.i];
    const lead = leadingWord(seg.text);
    const piped = lead === undefined ? pipedInto(seg.text) : undefined;
    if (piped !== undefined) {
      // `… | while read p; do …; done`: the compound reads what the pipeline before it writes.
      this.segs[this.i] = { text: piped.rest, op: seg.op };
      return { ...this.command(), head: piped.head };
    }
    if (lead === undefined) {
      this.i++;
      return { kind: 'simple', text: seg.text, op: seg.op, negate: false };
    }
    if (lead.word === '!') {
      const bang = this.take('!');
      if (bang.whole) throw unexpected(bang.op ?? 'newline');
      const node = this.command();
      return { ...node, negate: !node.negate };
    }
    if (JUMPS.has(lead.word)) {
      this.i++;
      const words = tokenize(seg.text).stages[0];
      const arg = words[1];
      const levels = arg === undefined ? 1 : /^[0-9]+$/.test(arg) ? Number(arg) : arg;
      return { kind: 'jump', jump: lead.word as 'break' | 'continue', levels, op: seg.op, negate: false };
    }
    if (lead.word === 'for') return this.forLoop();
    if (lead.word === 'while' || lead.word === 'until') return this.whileLoop(lead.word);
    return this.ifCommand();
  }

  private forLoop(): Node {
    const word = this.take('for');
    if (word.whole) throw unexpected(word.op ?? 'newline');
    const header = this.segs[this.i];
    const t = tokenize(header.text);
    const [name, inWord] = t.raw[0];
    if (t.stages.length > 1 || t.redirects[0].length > 0) throw unexpected(t.stages.length > 1 ? '|' : t.raw[0][0]);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`\`${name}': not a valid identifier`);
    if (inWord !== undefined && inWord !== 'in') throw unexpected(inWord);
    if (header.op === '&&' || header.op === '||') throw unexpected(header.op);
    this.i++;
    if (this.i >= this.segs.length) throw endOfFile();
    const words = inWord === undefined ? undefined : t.parts[0].slice(2);
    const body = this.doGroup();
    return { kind: 'for', name, words, body, ...this.close('done'), negate: false };
  }

  private whileLoop(word: 'while' | 'until'): Node {
    this.take(word);
    const cond = this.list(new Set(['do']));
    if (cond.length === 0) throw unexpected('do');
    const body = this.doGroup();
    return { kind: 'while', until: word === 'until', cond, body, ...this.close('done'), negate: false };
  }

  /** `do LIST` up to its `done` (left for the caller). */
  private doGroup(): Node[] {
    if (this.peek() !== 'do') throw this.i >= this.segs.length ? endOfFile() : unexpected(this.segs[this.i].text.split(/\s/)[0]);
    this.take('do');
    const body = this.list(new Set(['done']));
    if (body.length === 0) throw unexpected('done');
    return body;
  }

  private ifCommand(): Node {
    this.take('if');
    const clauses: { cond: Node[]; body: Node[] }[] = [];
    let otherwise: Node[] | undefined;
    for (;;) {
      const cond = this.list(new Set(['then']));
      if (cond.length === 0) throw unexpected('then');
      this.take('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      if (body.length === 0) throw unexpected(this.peek() ?? 'fi');
      clauses.push({ cond, body });
      const next = this.peek();
      if (next === 'elif') {
        this.take('elif');
        continue;
      }
      if (next === 'else') {
        this.take('else');
        otherwise = this.list(new Set(['fi']));
        if (otherwise.length === 0) throw unexpected('fi');
      }
      return { kind: 'if', clauses, otherwise, ...this.close('fi'), negate: false };
    }
  }
}

/**
 * The line's list as commands, when it has a compound command (or `!`,
 * `break`, `continue`) where a command starts; undefined when it is a
 * plain list. A compound still open at the end is incomplete (an
 * interactive shell asks for more lines).
 */
export function parseCompound(t: TokenizeResult): Parsed | undefined {
  if (!hasCompound(t)) return undefined;
  try {
    return { nodes: new Parser(t.list.map((item) => ({ text: item.text, op: item.op }))).list(new Set()) };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message, incomplete: e.incomplete };
    throw e;
  }
}

/** Whether a tokenized line is a compound command still waiting for its closing word (`done`, `fi`). */
export function compoundOpen(t: TokenizeResult): boolean {
  const r = parseCompound(t);
  return r !== undefined && 'error' in r && r.incomplete;
}

/**
 * How many reserved words open stage `stage` of a tokenized line (`do`,
 * `then`, `while`, `!` …, as `hasCompound` reads them: only at the start of
 * a pipeline), and whether the last is `for` (the stage is then a loop's
 * header, `for NAME in WORDS`, not a command). What tools that read a
 * line's commands (undo, replay bounds, the export) skip.
 */
export function reservedPrefix(t: TokenizeResult, stage: number): { skip: number; forHeader: boolean } {
  const item = t.list.find((it) => it.start === stage);
  let skip = 0;
  // A compound a pipe feeds (`… | while read p`) starts a stage of its pipeline.
  const raw = t.raw[stage] ?? [];
  const piped = item === undefined && OPENERS.has(raw[0]) ? raw.join(' ') : undefined;
  for (let text = item?.text ?? piped ?? '', lead = leadingWord(text); lead !== undefined && !JUMPS.has(lead.word); lead = leadingWord(text)) {
    skip++;
    if (lead.word === 'for') return { skip, forHeader: true };
    text = lead.rest;
  }
  return { skip, forHeader: false };
}

/** What follows a pipeline of the list when the list is written on one line: its operator (`; `, ` && `), a space after `do`/`then`/`else`, nothing after the last. */
export function joinerAfter(t: TokenizeResult, item: ListItem): string {
  if (item.op === undefined) return '';
  if (item.op !== ';') return ` ${item.op} `;
  return opensCommand(t, item) ? ' ' : '; ';
}

/** Reserved words after which a command starts (`do kubectl get po`: Tab completes kubectl's words). */
export const BEFORE_COMMAND = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '!']);

/**
 * Whether a pipeline of the list is only reserved words after which a
 * command follows (`do`, `then`, `else` on a line of their own): written
 * on one line, the next command joins it with a space (`do;` is no bash).
 */
function opensCommand(t: TokenizeResult, item: ListItem): boolean {
  if (item.end - item.start !== 1) return false;
  const raw = t.raw[item.start];
  return reservedPrefix(t, item.start).skip === raw.length && raw.length > 0 && !/^(done|fi)$/.test(raw[raw.length - 1]);
}

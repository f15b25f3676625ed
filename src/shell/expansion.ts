import { HOME } from './files/paths';
import { changeCase, ExpansionError, replacePattern, substring, trimPattern, type PatternPiece } from './parameterOps';

/**
 * The shell's word expansions, as bash does them for the subset this
 * terminal runs: parameters (`$NAME`, `${NAME}`, `${NAME:-word}`, `$?`, the
 * operators of `parameterOps.ts`),
 * command substitution (`$(…)` and `` `…` ``), arithmetic (`$((…))`) and the field splitting of
 * unquoted results. A word is kept as parts by `tokenize`; expanding it
 * gives zero or more fields (an unquoted expansion that is empty gives none,
 * one with blanks in it gives several).
 * @example fields([{ kind: 'subst', line: 'kubectl get pods -o name', quoted: false }], () => 'pod/a\npod/b\n') // ['pod/a', 'pod/b']
 */

/** A piece of a shell word. `quoted`: it was inside quotes (its expansion is not split into fields). */
export type Part =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; length?: boolean; fallback?: Fallback; op?: ParameterOp }
  | { kind: 'subst'; line: string; quoted: boolean }
  /** `$((expr))`: arithmetic expansion (see `arithmetic.ts`). */
  | { kind: 'arith'; expr: string; quoted: boolean };

/**
 * `${NAME:-word}` (a default when NAME is unset or, with the colon, empty)
 * or, `alternate`, `${NAME:+word}` (the word when NAME is set and, with the
 * colon, not empty; else nothing).
 */
export interface Fallback {
  colon: boolean;
  word: Part[];
  alternate: boolean;
  /** `${NAME:=word}`: the default is also assigned. */
  assign?: boolean;
  /** `${NAME:?word}`: an unset NAME is an error (the word its message). */
  error?: boolean;
}

/** `${NAME#pattern}`, `${NAME/pattern/string}`, `${NAME:offset:length}`, `${NAME^^}` … (see `parameterOps.ts`). */
export type ParameterOp =
  | { kind: 'trim'; fromStart: boolean; longest: boolean; pattern: Part[] }
  | { kind: 'replace'; all: boolean; anchor?: 'start' | 'end'; pattern: Part[]; with: Part[] }
  | { kind: 'slice'; offset: string; length?: string }
  | { kind: 'case'; upper: boolean; all: boolean };

/** What an expansion stands for: a parameter's value, or a command substitution's output (trailing newlines removed). */
export type ValueOf = (part: Exclude<Part, { kind: 'text' }>) => string;

/** Characters that may follow `$` alone as a special parameter. */
export const SPECIAL_PARAMETERS = '?$#0123456789@*!-';

/** Whether any part of the word is an expansion. */
export function expands(word: readonly Part[]): boolean {
  return word.some((p) => p.kind !== 'text');
}

/** The command substitutions of a word, in the order bash runs them (a `${NAME:-$(…)}` default's too). */
export function substitutions(word: readonly Part[]): Extract<Part, { kind: 'subst' }>[] {
  const out: Extract<Part, { kind: 'subst' }>[] = [];
  for (const p of word) {
    if (p.kind === 'subst') out.push(p);
    else if (p.kind === 'var') for (const w of innerWords(p)) out.push(...substitutions(w));
  }
  return out;
}

/** The words inside a parameter expansion: its default, its pattern and replacement. */
function innerWords(p: Extract<Part, { kind: 'var' }>): Part[][] {
  const out: Part[][] = [];
  if (p.fallback) out.push(p.fallback.word);
  if (p.op?.kind === 'trim') out.push(p.op.pattern);
  if (p.op?.kind === 'replace') out.push(p.op.pattern, p.op.with);
  return out;
}

/** A pattern's parts as glob pieces: unquoted text and unquoted expansions match as globs, the rest literally. */
function patternPieces(word: readonly Part[], valueOf: ValueOf): PatternPiece[] {
  return word.map((p) => (p.kind === 'text' ? { text: p.text, glob: !p.quoted } : { text: valueOf(p), glob: !p.quoted }));
}

/** How `parameter` reads and sets variables. */
export interface Variables {
  get(name: string): string | undefined;
  /** For `${NAME:=word}`. */
  set?(name: string, value: string): void;
}

/**
 * A parameter's value (`get` answers undefined for an unset one) with its
 * form applied: `${#NAME}`, `${NAME:-word}`, `${NAME:+word}`,
 * `${NAME:=word}`, `${NAME:?word}`, or an operator (`${NAME#pattern}` …).
 * Throws `ExpansionError` where bash fails the command.
 */
export function parameter(part: Extract<Part, { kind: 'var' }>, vars: Variables, valueOf: ValueOf): string {
  const value = vars.get(part.name);
  if (part.length) return String([...(value ?? '')].length);
  const f = part.fallback;
  if (f !== undefined) {
    const missing = value === undefined || (f.colon && value === '');
    if (f.alternate) return missing ? '' : joined(f.word, valueOf);
    if (!missing) return value;
    const word = joined(f.word, valueOf);
    if (f.error) throw new ExpansionError(`${part.name}: ${word === '' ? (f.colon ? 'parameter null or not set' : 'parameter not set') : word}`);
    if (f.assign) {
      if (!/^[A-Za-z_]/.test(part.name)) throw new ExpansionError(`$${part.name}: cannot assign in this way`);
      vars.set?.(part.name, word);
    }
    return word;
  }
  const op = part.op;
  const v = value ?? '';
  if (op === undefined) return v;
  switch (op.kind) {
    case 'trim':
      return trimPattern(v, patternPieces(op.pattern, valueOf), op.fromStart, op.longest);
    case 'replace':
      return replacePattern(v, patternPieces(op.pattern, valueOf), joined(op.with, valueOf), op.all, op.anchor);
    case 'slice':
      return substring(v, op.offset, op.length, (n) => vars.get(n));
    case 'case':
      return changeCase(v, op.upper, op.all);
  }
}

/** A word's parts expanded and joined, without field splitting (an assignment's value, a quoted default). */
export function joined(word: readonly Part[], valueOf: ValueOf): string {
  let out = '';
  for (const p of word) out += p.kind === 'text' ? p.text : valueOf(p);
  return out;
}

/** The fields a word expands to (bash's field splitting on blanks, with the default IFS). */
export function fields(word: readonly Part[], valueOf: ValueOf): string[] {
  const out: string[] = [];
  let cur = '';
  // Whether the field being built exists even if empty (a quoted '' or "$EMPTY" makes one).
  let have = false;
  for (const p of word) {
    if (p.kind === 'text') {
      cur += p.text;
      have = have || p.quoted || p.text !== '';
      continue;
    }
    const value = valueOf(p);
    if (p.quoted) {
      cur += value;
      have = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) {
        if (have) out.push(cur);
        cur = '';
        have = false;
      }
      if (pieces[k] !== '') {
        cur += pieces[k];
        have = true;
      }
    }
  }
  if (have) out.push(cur);
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` is a valid shell variable name. */
export function isName(name: string): boolean {
  return NAME.test(name);
}

/** `NAME=value` as an assignment word: an unquoted name and `=` first, the rest its value (undefined: not an assignment). */
export function assignmentOf(word: readonly Part[]): { name: string; value: Part[] } | undefined {
  const first = word[0];
  if (first === undefined || first.kind !== 'text' || first.quoted) return undefined;
  const eq = first.text.indexOf('=');
  if (eq <= 0 || !isName(first.text.slice(0, eq))) return undefined;
  const rest = first.text.slice(eq + 1);
  return { name: first.text.slice(0, eq), value: rest === '' ? word.slice(1) : [{ ...first, text: rest }, ...word.slice(1)] };
}

/** A command substitution's output as bash gives it: every trailing newline removed. */
export function substitutionOutput(stdout: string): string {
  return stdout.replace(/\n+$/, '');
}

/**
 * Tilde expansion: a word whose unquoted start is `~` alone or `~/…` with
 * the home folder in its place (bash's `$HOME`); undefined when it has none.
 * @example tildeExpanded([{ kind: 'text', text: '~/base', quoted: false }]) // [{ kind: 'text', text: '/home/learner/base', quoted: false }]
 */
export function tildeExpanded(word: readonly Part[]): Part[] | undefined {
  const first = word[0];
  if (first === undefined || first.kind !== 'text' || first.quoted || !(first.text.startsWith('~/') || (first.text === '~' && word.length === 1))) return undefined;
  return [{ ...first, text: HOME + first.text.slice(1) }, ...word.slice(1)];
}

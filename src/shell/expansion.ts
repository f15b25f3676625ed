/**
 * The shell's word expansions, as bash does them for the subset this
 * terminal runs: parameters (`$NAME`, `${NAME}`, `${NAME:-word}`, `$?`),
 * command substitution (`$(…)` and `` `…` ``), arithmetic (`$((…))`) and the field splitting of
 * unquoted results. A word is kept as parts by `tokenize`; expanding it
 * gives zero or more fields (an unquoted expansion that is empty gives none,
 * one with blanks in it gives several).
 * @example fields([{ kind: 'subst', line: 'kubectl get pods -o name', quoted: false }], () => 'pod/a\npod/b\n') // ['pod/a', 'pod/b']
 */

/** A piece of a shell word. `quoted`: it was inside quotes (its expansion is not split into fields). */
export type Part =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; length?: boolean; fallback?: Fallback }
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
}

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
    else if (p.kind === 'var' && p.fallback) out.push(...substitutions(p.fallback.word));
  }
  return out;
}

/** A parameter's value (`get` answers undefined for an unset one) with its `${#NAME}`, `${NAME:-word}` or `${NAME:+word}` form applied. */
export function parameter(part: Extract<Part, { kind: 'var' }>, get: (name: string) => string | undefined, valueOf: ValueOf): string {
  const value = get(part.name);
  if (part.length) return String([...(value ?? '')].length);
  const f = part.fallback;
  if (f === undefined) return value ?? '';
  const missing = value === undefined || (f.colon && value === '');
  if (f.alternate) return missing ? '' : joined(f.word, valueOf);
  return missing ? joined(f.word, valueOf) : value;
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

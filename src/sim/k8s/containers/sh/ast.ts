/** The syntax tree of the container shell (`parse.ts` builds it, `interpret.ts` runs it). */

/** A word: a list of parts concatenated after expansion. */
export type WordPart =
  | { t: 'lit'; v: string }
  | {
      t: 'var';
      name: string;
      quoted: boolean;
      op?: ':-' | '-' | ':=' | ':+';
      arg?: Word;
      /** `${#NAME}`: the length (of the value, or the number of elements with `[@]`). */
      length?: boolean;
      /** bash `${NAME[i]}` (the subscript, an arithmetic expression) or `${NAME[@]}` / `${NAME[*]}`. */
      index?: Word | '@' | '*';
    }
  | { t: 'sub'; script: Script; quoted: boolean }
  | { t: 'arith'; expr: string };
export type Word = WordPart[];

/** `NAME=value`, or in bash `NAME=(a b c)` (`array`) and `NAME[i]=value` (`index`). */
export interface Assign {
  name: string;
  value: Word;
  array?: Word[];
  index?: Word;
}

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

export type Command =
  | { t: 'simple'; assigns: Assign[]; words: Word[]; redirects: Redirect[] }
  | { t: 'while'; until: boolean; cond: Script; body: Script; redirects: Redirect[] }
  | { t: 'for'; name: string; items: Word[] | null; body: Script; redirects: Redirect[] }
  | { t: 'if'; branches: { cond: Script; body: Script }[]; otherwise: Script | null; redirects: Redirect[] }
  | { t: 'group'; body: Script; subshell: boolean; redirects: Redirect[] };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}
export type Script = AndOr[];

export class ShellSyntaxError extends Error {}

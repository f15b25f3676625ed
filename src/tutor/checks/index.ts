import type { Comparison, Expectation } from '../types';

/**
 * The expectations a check's probe can state, one per line under its `$ command`
 * (the registry the parser and the evaluator read). Each reads the command's
 * standard output, trimmed, except `exit`.
 */
export interface ExpectationKind {
  type: Expectation['type'];
  /** The syntax, for `lessons/README.md` and error messages. */
  syntax: string;
  /** The expectation a line states, undefined when the line is not of this kind, or an error text. */
  parse(line: string): Expectation | string | undefined;
  /** Whether `output` (trimmed stdout) and `exitCode` satisfy it. */
  test(e: Expectation, output: string, exitCode: number): boolean;
  /** The expectation in words (the same syntax it was written in). */
  describe(e: Expectation): string;
}

const COMPARISONS: readonly Comparison[] = ['==', '!=', '>=', '<=', '>', '<'];
const NUMBER = /^-?\d+(\.\d+)?$/;

function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** `OP N` at the start of `text`, if it is one. */
function comparison(text: string): { op: Comparison; value: number } | string | undefined {
  const op = COMPARISONS.find((c) => text.startsWith(c));
  if (!op) return undefined;
  const rest = text.slice(op.length).trim();
  if (!NUMBER.test(rest)) return `"${op}" needs a number after it, got "${rest}"`;
  return { op, value: Number(rest) };
}

/** The text after a one- or two-character marker and one space. */
function after(line: string, marker: string): string | undefined {
  if (line === marker) return '';
  return line.startsWith(`${marker} `) ? line.slice(marker.length + 1) : undefined;
}

const nonEmptyLines = (output: string) => output.split('\n').filter((l) => l.trim() !== '').length;

export const EXPECTATIONS: readonly ExpectationKind[] = [
  {
    type: 'exit',
    syntax: 'exit N',
    parse(line) {
      const m = /^exit\s+(\S+)$/.exec(line);
      if (!m) return undefined;
      return /^\d+$/.test(m[1]) ? { type: 'exit', code: Number(m[1]) } : `"exit" needs a whole number, got "${m[1]}"`;
    },
    test: (e, _o, exitCode) => e.type === 'exit' && exitCode === e.code,
    describe: (e) => (e.type === 'exit' ? `exit ${e.code}` : ''),
  },
  {
    type: 'lines',
    syntax: 'lines OP N',
    parse(line) {
      const m = /^lines\s+(.*)$/.exec(line);
      if (!m) return undefined;
      const c = comparison(m[1]);
      if (c === undefined) return `"lines" needs a comparison (==, !=, >, >=, <, <=) and a number, got "${m[1]}"`;
      return typeof c === 'string' ? c : { type: 'lines', ...c };
    },
    test: (e, output) => e.type === 'lines' && compare(nonEmptyLines(output), e.op, e.value),
    describe: (e) => (e.type === 'lines' ? `lines ${e.op} ${e.value}` : ''),
  },
  {
    type: 'number',
    syntax: 'OP N  (==, !=, >, >=, <, <=)',
    parse(line) {
      const c = comparison(line);
      return c === undefined || typeof c === 'string' ? c : { type: 'number', ...c };
    },
    test: (e, output) => e.type === 'number' && NUMBER.test(output) && compare(Number(output), e.op, e.value),
    describe: (e) => (e.type === 'number' ? `${e.op} ${e.value}` : ''),
  },
  {
    type: 'notContains',
    syntax: '!~ TEXT',
    parse(line) {
      const text = after(line, '!~');
      if (text === undefined) return undefined;
      return text ? { type: 'notContains', text } : '"!~" needs the text that must not appear';
    },
    test: (e, output) => e.type === 'notContains' && !output.includes(e.text),
    describe: (e) => (e.type === 'notContains' ? `!~ ${e.text}` : ''),
  },
  {
    type: 'contains',
    syntax: '~ TEXT',
    parse(line) {
      const text = after(line, '~');
      if (text === undefined) return undefined;
      return text ? { type: 'contains', text } : '"~" needs the text that must appear';
    },
    test: (e, output) => e.type === 'contains' && output.includes(e.text),
    describe: (e) => (e.type === 'contains' ? `~ ${e.text}` : ''),
  },
  {
    type: 'equals',
    syntax: '= TEXT',
    parse(line) {
      const text = after(line, '=');
      return text === undefined ? undefined : { type: 'equals', text: text.trim() };
    },
    test: (e, output) => e.type === 'equals' && output === e.text,
    describe: (e) => (e.type === 'equals' ? `= ${e.text}` : ''),
  },
  {
    type: 'matches',
    syntax: '/REGEX/FLAGS',
    parse(line) {
      const m = /^\/(.+)\/([a-z]*)$/.exec(line);
      if (!m) return undefined;
      try {
        new RegExp(m[1], m[2]);
      } catch (err) {
        return `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`;
      }
      return { type: 'matches', source: m[1], flags: m[2] };
    },
    test: (e, output) => e.type === 'matches' && new RegExp(e.source, e.flags).test(output),
    describe: (e) => (e.type === 'matches' ? `/${e.source}/${e.flags}` : ''),
  },
];

const kindOf = (e: Expectation): ExpectationKind => {
  const kind = EXPECTATIONS.find((k) => k.type === e.type);
  if (!kind) throw new Error(`unknown expectation type ${e.type}`);
  return kind;
};

/**
 * The expectation an expectation line states, or why it is not one.
 * @example parseExpectation('>= 3') // { type: 'number', op: '>=', value: 3 }
 */
export function parseExpectation(line: string): Expectation | string {
  const text = line.trim();
  for (const kind of EXPECTATIONS) {
    const r = kind.parse(text);
    if (r !== undefined) return r;
  }
  return `not an expectation: "${text}" (one of: ${EXPECTATIONS.map((k) => k.syntax).join(', ')})`;
}

/** Whether a command's trimmed stdout and exit status satisfy `e`. */
export function testExpectation(e: Expectation, output: string, exitCode: number): boolean {
  return kindOf(e).test(e, output, exitCode);
}

/** `e` in the syntax a lesson writes it. */
export function describeExpectation(e: Expectation): string {
  return kindOf(e).describe(e);
}

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { aggregateMessage, goQuote, isQualifiedName, isValidLabelValue } from '../../sim/k8s/index';

/**
 * `metav1.ParseToLabelSelector` (apimachinery `pkg/apis/meta/v1/helpers.go`)
 * over `labels.ParseToRequirements` (`pkg/labels/selector.go`): the lexer,
 * parser and requirement validation, with apimachinery's error sentences.
 */
export interface ParsedLabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] }[];
}

type Tok = 'id' | 'eos' | 'error' | ')' | ',' | '!' | '==' | '=' | '>' | '<' | '!=' | '(' | 'in' | 'notin';
type Op = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';
interface Item {
  tok: Tok;
  lit: string;
}

const SYMBOLS = new Set<string>([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const isSpecial = (c: string) => '=!(),><'.includes(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** `Lexer.Lex` over the whole string (the parser scans everything first). */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    if (i >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[i])) {
      // Longest run of symbols that is still a token.
      let buffer = '';
      let last: Item | undefined;
      while (i < s.length && isSpecial(s[i])) {
        buffer += s[i];
        if (SYMBOLS.has(buffer)) last = { tok: buffer as Tok, lit: buffer };
        else if (last) break;
        i++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    const start = i;
    while (i < s.length && !isSpace(s[i]) && !isSpecial(s[i])) i++;
    const word = s.slice(start, i);
    items.push({ tok: word === 'in' || word === 'notin' ? word : 'id', lit: word });
  }
}

class LabelParseError extends Error {}

/** `field.Invalid(path, value, detail).Error()` for a string value. */
const invalid = (path: string, value: string, detail: string) => `${path}: Invalid value: ${goQuote(value)}: ${detail}`;

interface Req {
  key: string;
  op: Op;
  values: string[];
}

/** `labels.NewRequirement`'s checks (the parser's own key check names no path). */
function newRequirement(key: string, op: Op, values: string[]): Req {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid('key', key, keyErrs.join('; ')));
  if (op === 'gt' || op === 'lt') {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalid(`values[${i}][${key}]`, v, vErrs.join('; ')));
  });
  if (errs.length) throw new LabelParseError(aggregateMessage(errs));
  return { key, op, values };
}

/** `Parser.parse`. */
function parseRequirements(text: string): Req[] {
  const items = lex(text);
  let pos = 0;
  // In value position `in`/`notin` are plain identifiers.
  const look = (values: boolean): Item => {
    const it = items[Math.min(pos, items.length - 1)];
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  };
  const consume = (values: boolean): Item => {
    const it = look(values);
    if (pos < items.length - 1) pos++;
    return it;
  };
  const fail = (m: string): never => {
    throw new LabelParseError(m);
  };
  const sorted = (v: Set<string>) => [...v].sort();
  const parseValues = (): string[] => {
    const open = consume(true);
    if (open.tok !== '(') fail(`found '${open.lit}' expected: '('`);
    const first = look(true);
    if (first.tok === ')') {
      consume(true);
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const t = consume(true);
      if (t.tok === 'id') {
        set.add(t.lit);
        const next = look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') break;
        fail(`found '${next.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (set.size === 0) set.add('');
        const next = look(true);
        if (next.tok === ')') {
          set.add('');
          break;
        }
        if (next.tok === ',') {
          consume(true);
          set.add('');
        }
      } else fail(`found '${t.lit}', expected: ',', or identifier`);
    }
    if (consume(true).tok !== ')') fail(`found '${first.lit}', expected: ')'`);
    return sorted(set);
  };
  const parseRequirement = (): Req => {
    let t = consume(true);
    let negate = false;
    if (t.tok === '!') {
      negate = true;
      t = consume(true);
    }
    if (t.tok !== 'id') fail(`found '${t.lit}', expected: identifier`);
    const keyErrs = isQualifiedName(t.lit);
    if (keyErrs.length) fail(invalid('<nil>', t.lit, keyErrs.join('; ')));
    const after = look(true).tok;
    if (negate || after === 'eos' || after === ',') return newRequirement(t.lit, negate ? '!' : 'exists', []);
    const opItem = consume(false);
    const ops: Partial<Record<Tok, Op>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    const op = ops[opItem.tok] ?? fail(`found '${opItem.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    if (op === 'in' || op === 'notin') return newRequirement(t.lit, op, parseValues());
    const v = look(true);
    if (v.tok === 'eos' || v.tok === ',') return newRequirement(t.lit, op, ['']);
    consume(true);
    if (v.tok !== 'id') fail(`found '${v.lit}', expected: identifier`);
    return newRequirement(t.lit, op, [v.lit]);
  };
  const reqs: Req[] = [];
  for (;;) {
    const t = look(true);
    if (t.tok === 'eos') break;
    if (t.tok !== 'id' && t.tok !== '!') fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      if (e instanceof LabelParseError) throw new LabelParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const sep = consume(true);
    if (sep.tok === 'eos') break;
    if (sep.tok !== ',') fail(`found '${sep.lit}', expected: ',' or 'end of string'`);
    const next = look(true);
    if (next.tok !== 'id' && next.tok !== '!') fail(`found '${next.lit}', expected: identifier after ','`);
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * `metav1.ParseToLabelSelector`: `=`/`==` become matchLabels, set-based
 * requirements matchExpressions; `!=`, `>` and `<` are refused.
 * @example parseToLabelSelector('app=web,tier in (a,b)')
 */
export function parseToLabelSelector(text: string): ParsedLabelSelector | { error: string } {
  let reqs: Req[];
  try {
    reqs = parseRequirements(text);
  } catch (e) {
    if (e instanceof LabelParseError) return { error: `couldn't parse the selector string "${text}": ${e.message}` };
    throw e;
  }
  const out: ParsedLabelSelector = { matchLabels: {}, matchExpressions: [] };
  const ops = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const;
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') out.matchLabels[r.key] = r.values[0];
    else if (r.op === 'gt' || r.op === 'lt') return { error: `${goQuote(r.op)} isn't supported in label selectors` };
    else if (r.op === '!=') return { error: `${goQuote(r.op)} is not a valid label selector operator` };
    else out.matchExpressions.push({ key: r.key, operator: ops[r.op], values: r.values });
  }
  return out;
}

/** Go's `%v` of `[]metav1.LabelSelectorRequirement`: `[{app In [a b]}]`. */
export function formatMatchExpressions(exprs: ParsedLabelSelector['matchExpressions']): string {
  return `[${exprs.map((e) => `{${e.key} ${e.operator} [${e.values.join(' ')}]}`).join(' ')}]`;
}

/** The parsed selector as the API object carries it: empty parts and the values of Exists/DoesNotExist left out (Go's omitempty). */
export function asLabelSelector(parsed: ParsedLabelSelector): LabelSelector {
  const out: LabelSelector = {};
  if (Object.keys(parsed.matchLabels).length > 0) out.matchLabels = parsed.matchLabels;
  if (parsed.matchExpressions.length > 0) out.matchExpressions = parsed.matchExpressions.map((e) => (e.values.length > 0 ? e : { key: e.key, operator: e.operator }));
  return out;
}

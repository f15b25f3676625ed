/**
 * Go's text/template, the part `kubectl get -o go-template` templates use:
 * text and `{{…}}` actions (with `{{-`/`-}}` trimming and comments),
 * pipelines joined by `|`, fields (`.metadata.name`), variables (`$`,
 * `$x := …`), literals, parenthesised pipelines with fields after them
 * (`(index .spec.ports 0).nodePort`), and `if`/`else if`/`else`, `range`
 * (with `$i, $e :=`), `with` and `end`. Errors read as Go's parser words
 * them (`template: output:1: unexpected EOF`).
 */

export type Arg =
  | { kind: 'field'; path: string[] }
  | { kind: 'var'; name: string; path: string[] }
  | { kind: 'string'; value: string }
  /** A Go constant: an integer literal is an int (a bigint here), others a float64. */
  | { kind: 'number'; value: number | bigint; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'ident'; name: string }
  | { kind: 'pipe'; pipe: Pipeline; path: string[] };

export interface Pipeline {
  /** Variables declared (`$x := …`, `$i, $e := …`) or assigned (`$x = …`). */
  decl: string[];
  assign: boolean;
  cmds: Arg[][];
  /** The action's text, for execution errors (`<index .x 5>`). */
  text: string;
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline }
  | { kind: 'if' | 'with' | 'range'; pipe: Pipeline; list: Node[]; elseList: Node[] };

export class TemplateError extends Error {}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

/** Splits the template into text and action bodies (trim markers applied, comments dropped). */
function split(src: string): ({ text: string } | { action: string; line: number })[] {
  const out: ({ text: string } | { action: string; line: number })[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text) out.push({ text });
      break;
    }
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) out.push({ text });
    const line = src.slice(0, open).split('\n').length;
    const close = closingOf(src, start, line);
    let body = src.slice(start, close);
    trimNext = /\s-$/.test(body);
    if (trimNext) body = body.slice(0, -1);
    i = close + 2;
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue;
    out.push({ action: body.trim(), line });
  }
  return out;
}

/** Where the action opened before `from` ends (`}}` outside a quoted string). */
function closingOf(src: string, from: number, line: number): number {
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '"') {
      for (j++; j < src.length && src[j] !== '"'; j++) if (src[j] === '\\') j++;
    } else if (c === '`') j = src.indexOf('`', j + 1) < 0 ? src.length : src.indexOf('`', j + 1);
    else if (c === '}' && src[j + 1] === '}') return j;
  }
  throw new TemplateError(`template: output:${line}: unclosed action`);
}

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(`[^`]*`)|(:=|=|\||\(|\)|,)|(\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|(\.(?:[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)?)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\.[A-Za-z0-9_.]+)|(\S))/y;

/** A token of an action; `spaced`: blanks came before it. */
type Token = { t: 'str' | 'raw' | 'op' | 'var' | 'field' | 'num' | 'ident'; v: string; spaced: boolean };

function tokens(body: string, line: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < body.length && (m = TOKEN.exec(body))) {
    const [all, str, raw, op, v, field, num, ident, chain, bad] = m;
    const spaced = /^\s/.test(all);
    if (str !== undefined) out.push({ t: 'str', v: str, spaced });
    else if (raw !== undefined) out.push({ t: 'raw', v: raw.slice(1, -1), spaced });
    else if (op !== undefined) out.push({ t: 'op', v: op, spaced });
    else if (v !== undefined) out.push({ t: 'var', v, spaced });
    else if (field !== undefined) out.push({ t: 'field', v: field, spaced });
    else if (num !== undefined) out.push({ t: 'num', v: num, spaced });
    else if (ident !== undefined) out.push({ t: 'ident', v: ident, spaced });
    else if (chain !== undefined) out.push({ t: 'field', v: chain, spaced });
    else if (bad !== undefined) throw new TemplateError(`template: output:${line}: unexpected ${JSON.stringify(bad)} in command`);
    if (m[0] === '') break;
  }
  return out;
}

/** A Go string literal's value (`"a\n"` → a, newline). */
function unquote(lit: string, line: number): string {
  try {
    return JSON.parse(lit.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'").replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string;
  } catch {
    throw new TemplateError(`template: output:${line}: malformed string ${lit}`);
  }
}

const pathOf = (s: string) => s.split('.').filter((p) => p !== '');

/** Parses the action body `body` into a pipeline. */
function pipeline(body: string, line: number): Pipeline {
  const toks = tokens(body, line);
  let k = 0;
  const decl: string[] = [];
  let assign = false;
  // `$x :=`, `$i, $e :=`, `$x =`.
  const eqAt = toks.findIndex((t) => t.t === 'op' && (t.v === ':=' || t.v === '='));
  if (eqAt > 0 && toks.slice(0, eqAt).every((t, i) => (i % 2 === 0 ? t.t === 'var' : t.t === 'op' && t.v === ','))) {
    for (let i = 0; i < eqAt; i += 2) decl.push(toks[i].v);
    assign = toks[eqAt].v === '=';
    k = eqAt + 1;
  }
  const cmds: Arg[][] = [];
  const parse = (stopAtParen: boolean): Arg[][] => {
    const out: Arg[][] = [[]];
    while (k < toks.length) {
      const t = toks[k++];
      if (t.t === 'op' && t.v === '|') {
        if (out[out.length - 1].length === 0) throw new TemplateError(`template: output:${line}: missing command`);
        out.push([]);
        continue;
      }
      if (t.t === 'op' && t.v === ')') {
        if (!stopAtParen) throw new TemplateError(`template: output:${line}: unexpected ")" in command`);
        return out;
      }
      if (t.t === 'op' && t.v === '(') {
        const inner = parse(true);
        let path: string[] = [];
        // `(index .spec.ports 0).nodePort`: a field right after the parenthesis applies to its value.
        if (toks[k]?.t === 'field' && !toks[k].spaced) path = pathOf(toks[k++].v);
        out[out.length - 1].push({ kind: 'pipe', pipe: { decl: [], assign: false, cmds: inner, text: '' }, path });
        continue;
      }
      out[out.length - 1].push(operand(t, line));
    }
    if (stopAtParen) throw new TemplateError(`template: output:${line}: unclosed left paren`);
    return out;
  };
  cmds.push(...parse(false));
  if (cmds.length === 0 || cmds[cmds.length - 1].length === 0) throw new TemplateError(`template: output:${line}: missing value for command`);
  return { decl, assign, cmds, text: body };
}

function operand(t: Token, line: number): Arg {
  switch (t.t) {
    case 'str':
      return { kind: 'string', value: unquote(t.v, line) };
    case 'raw':
      return { kind: 'string', value: t.v };
    case 'num':
      return { kind: 'number', value: /^-?\d+$/.test(t.v) ? BigInt(t.v) : Number(t.v), text: t.v };
    case 'field':
      return { kind: 'field', path: pathOf(t.v) };
    case 'var': {
      const [name, ...path] = t.v.split('.');
      return { kind: 'var', name, path };
    }
    case 'ident':
      if (t.v === 'true' || t.v === 'false') return { kind: 'bool', value: t.v === 'true' };
      if (t.v === 'nil') return { kind: 'nil' };
      if (KEYWORDS.has(t.v)) throw new TemplateError(`template: output:${line}: unexpected <${t.v}> in command`);
      return { kind: 'ident', name: t.v };
    default:
      throw new TemplateError(`template: output:${line}: unexpected ${JSON.stringify(t.v)} in operand`);
  }
}

/** Parses a template (`template.New("output").Parse`), or throws TemplateError with Go's message. */
export function parseGoTemplate(src: string): Node[] {
  const parts = split(src);
  let i = 0;
  /** Nodes until `{{end}}` or `{{else…}}` (returned with the keyword that stopped them). */
  const list = (inBlock: boolean): { nodes: Node[]; stop?: { word: 'end' | 'else'; rest: string; line: number } } => {
    const nodes: Node[] = [];
    while (i < parts.length) {
      const p = parts[i++];
      if ('text' in p) {
        nodes.push({ kind: 'text', text: p.text });
        continue;
      }
      const word = /^([a-z]+)\b\s*([\s\S]*)$/.exec(p.action);
      const kw = word?.[1];
      if (kw === 'end' || kw === 'else') {
        if (!inBlock) throw new TemplateError(`template: output:${p.line}: unexpected {{${kw}}}`);
        return { nodes, stop: { word: kw, rest: word![2], line: p.line } };
      }
      if (kw === 'if' || kw === 'range' || kw === 'with') nodes.push(block(kw, word![2], p.line));
      else if (kw === 'define' || kw === 'template' || kw === 'block' || kw === 'break' || kw === 'continue') throw new TemplateError(`template: output:${p.line}: {{${kw}}} is not simulated in this playground`);
      else nodes.push({ kind: 'action', pipe: pipeline(p.action, p.line) });
    }
    if (inBlock) throw new TemplateError(`template: output:${parts.length ? lineOf(parts) : 1}: unexpected EOF`);
    return { nodes };
  };
  const block = (kind: 'if' | 'range' | 'with', rest: string, line: number): Node => {
    if (rest.trim() === '') throw new TemplateError(`template: output:${line}: missing value for ${kind}`);
    const pipe = pipeline(rest, line);
    const body = list(true);
    let elseList: Node[] = [];
    const stop = body.stop!;
    if (stop.word === 'else') {
      // `{{else if …}}` (and `else with`) nest a block in the else branch, ended by the same {{end}}.
      const chained = /^(if|with)\b\s*([\s\S]*)$/.exec(stop.rest);
      if (chained) elseList = [block(chained[1] as 'if' | 'with', chained[2], stop.line)];
      else {
        const tail = list(true);
        if (tail.stop?.word !== 'end') throw new TemplateError(`template: output:${stop.line}: expected end; found {{else}}`);
        elseList = tail.nodes;
      }
    }
    return { kind, pipe, list: body.nodes, elseList };
  };
  return list(false).nodes;
}

function lineOf(parts: ReturnType<typeof split>): number {
  for (let j = parts.length - 1; j >= 0; j--) {
    const p = parts[j];
    if ('action' in p) return p.line;
  }
  return 1;
}

import { decodeBase64 } from '../../../../../lib/base64';
import { utf8Length } from '../../../../../lib/encodeBase64';
import { goFloat, goQuote, goSprint } from '../../text/goFormat';
import type { Arg, Node, Pipeline } from './parseGoTemplate';

/**
 * Executes a parsed Go template on the object as kubectl's GoTemplatePrinter
 * hands it over: JSON decoded with encoding/json, so every number is a
 * float64 (`{{printf "%d" .spec.replicas}}` prints `%!d(float64=3)`, and
 * `eq .spec.replicas 3` is an int against a float64, an error, as on a real
 * cluster); integer literals and `len` are ints (bigints here). Missing map keys give `<no value>`
 * (`missingkey=default`, kubectl's `--allow-missing-template-keys`).
 * The functions are text/template's builtins and kubectl's `exists` and
 * `base64decode`.
 */

/** A value that is not there (a missing map key): Go's invalid reflect.Value. */
const MISSING = Symbol('missing');
type Value = unknown;

export class ExecError extends Error {}

interface Scope {
  vars: Map<string, Value>;
  parent?: Scope;
}

function lookupVar(s: Scope, name: string): Value {
  for (let c: Scope | undefined = s; c; c = c.parent) if (c.vars.has(name)) return c.vars.get(name);
  throw new ExecError(`undefined variable: ${name}`);
}

function setVar(s: Scope, name: string, v: Value): void {
  for (let c: Scope | undefined = s; c; c = c.parent) {
    if (c.vars.has(name)) {
      c.vars.set(name, v);
      return;
    }
  }
  throw new ExecError(`undefined variable: ${name}`);
}

/** Go's `truth`: false for a missing value, nil, false, 0, "" and empty slices and maps. */
function truthy(v: Value): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === 0 || v === 0n || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function typeName(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** fmt's %v of a decoded JSON value (float64 numbers). */
function sprint(v: Value): string {
  return v === MISSING ? '<no value>' : goSprint(v, goFloat);
}

/** A field of `v` (a map key; a missing key is MISSING, a field of MISSING too). */
function field(v: Value, name: string): Value {
  if (v === MISSING) return MISSING;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return Object.prototype.hasOwnProperty.call(v, name) ? (v as Record<string, unknown>)[name] : MISSING;
  if (v === null || v === undefined) throw new ExecError(`nil pointer evaluating interface {}.${name}`);
  throw new ExecError(`can't evaluate field ${name} in type ${typeName(v)}`);
}

/** fmt.Sprintf for the verbs templates use: %v %s %f %e %g %q %t %%, with flags, width and precision (others of a float64, %d among them, give Go's bad-verb text). */
export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let a = 0;
  const re = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(format))) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, width, prec, verb] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (a >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const v = args[a++];
    let s: string;
    if (verb === 'v' || (verb === 's' && typeof v === 'string')) s = sprint(v);
    else if (verb === 's') s = typeof v === 'number' || typeof v === 'boolean' ? `%!s(${typeName(v)}=${sprint(v)})` : sprint(v);
    else if (verb === 'q' && typeof v === 'string') s = goQuote(v);
    else if (verb === 't' && typeof v === 'boolean') s = String(v);
    else if (verb === 'd' && typeof v === 'bigint') s = String(v);
    else if ((verb === 'f' || verb === 'F' || verb === 'e' || verb === 'g') && typeof v === 'number') s = verb === 'g' ? goFloat(v) : verb === 'e' ? v.toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, 'e$10$2') : v.toFixed(prec === undefined ? 6 : Number(prec));
    // JSON numbers are float64: %d and %x of one are Go's bad-verb text.
    else s = `%!${verb}(${typeName(v)}=${sprint(v)})`;
    const w = width === undefined ? 0 : Number(width);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && (typeof v === 'number' || typeof v === 'bigint') ? s.padStart(w, '0') : s.padStart(w);
    out += s;
  }
  out += format.slice(last);
  if (a < args.length) out += `%!(EXTRA ${args.slice(a).map((v) => `${typeName(v)}=${sprint(v)}`).join(', ')})`;
  return out;
}

/** fmt.Sprint: a space between operands when neither is a string. */
function goPrint(args: Value[]): string {
  let out = '';
  args.forEach((v, i) => {
    if (i > 0 && typeof v !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprint(v);
  });
  return out;
}

/** text/template's comparison: same basic kinds only (an int against a float64 is an error). */
function compare(name: string, a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if ((name === 'eq' || name === 'ne') && typeof a === typeof b && (typeof a === 'boolean' || a === null)) return a === b ? 0 : 1;
  throw new ExecError(`error calling ${name}: incompatible types for comparison`);
}

const FUNCS: Record<string, (args: Value[]) => Value> = {
  len: ([v]) => {
    if (typeof v === 'string') return BigInt(utf8Length(v));
    if (Array.isArray(v)) return BigInt(v.length);
    if (v !== null && typeof v === 'object') return BigInt(Object.keys(v).length);
    throw new ExecError(`error calling len: len of type ${typeName(v)}`);
  },
  index: ([v, ...keys]) => {
    let cur = v;
    for (const k of keys) {
      if (Array.isArray(cur)) {
        if (typeof k !== 'bigint') throw new ExecError(`error calling index: cannot index slice/array with type ${typeName(k)}`);
        if (k < 0n || k >= BigInt(cur.length)) throw new ExecError(`error calling index: index out of range: ${k}`);
        cur = cur[Number(k)];
      } else if (cur !== null && typeof cur === 'object') {
        cur = Object.prototype.hasOwnProperty.call(cur, String(k)) ? (cur as Record<string, unknown>)[String(k)] : null;
      } else throw new ExecError(`error calling index: cannot index slice/array with nil`);
    }
    return cur;
  },
  print: (args) => goPrint(args),
  println: (args) => `${args.map(sprint).join(' ')}\n`,
  printf: ([f, ...rest]) => sprintf(String(f), rest),
  not: ([v]) => !truthy(v),
  and: (args) => args.find((v) => !truthy(v)) ?? args[args.length - 1],
  or: (args) => args.find((v) => truthy(v)) ?? args[args.length - 1],
  eq: ([a, ...bs]) => bs.some((b) => compare('eq', a, b) === 0),
  ne: ([a, b]) => compare('ne', a, b) !== 0,
  lt: ([a, b]) => compare('lt', a, b) < 0,
  le: ([a, b]) => compare('le', a, b) <= 0,
  gt: ([a, b]) => compare('gt', a, b) > 0,
  ge: ([a, b]) => compare('ge', a, b) >= 0,
  // kubectl's own: exists (a path of keys and indexes is there) and base64decode.
  exists: ([v, ...path]) => {
    let cur = v;
    for (const k of path) {
      if (Array.isArray(cur) && typeof k === 'bigint' && k >= 0n && k < BigInt(cur.length)) cur = cur[Number(k)];
      else if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, String(k))) cur = (cur as Record<string, unknown>)[String(k)];
      else return false;
    }
    return true;
  },
  base64decode: ([v]) => {
    const text = decodeBase64(String(v));
    if (text === undefined) throw new ExecError('error calling base64decode: illegal base64 data at input byte 0');
    return text;
  },
};

/** Whether `name` is a function templates may call (a parse error names it otherwise). */
export function isTemplateFunc(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCS, name);
}

function evalArg(arg: Arg, dot: Value, scope: Scope): Value {
  switch (arg.kind) {
    case 'field':
      return arg.path.reduce(field, dot);
    case 'var':
      return arg.path.reduce(field, lookupVar(scope, arg.name));
    case 'string':
    case 'number':
    case 'bool':
      return arg.value;
    case 'nil':
      throw new ExecError('nil is not a command');
    case 'pipe':
      return arg.path.reduce(field, evalPipe(arg.pipe, dot, scope));
    case 'ident':
      return call(arg.name, [], dot, scope, undefined);
  }
}

function call(name: string, args: Arg[], dot: Value, scope: Scope, final: Value | typeof NONE): Value {
  const fn = FUNCS[name];
  if (!fn) throw new ExecError(`function "${name}" not defined`);
  const values = args.map((a) => evalArg(a, dot, scope));
  if (final !== NONE) values.push(final);
  return fn(values.map((v) => (v === MISSING ? null : v)));
}

const NONE = Symbol('none');

function evalPipe(pipe: Pipeline, dot: Value, scope: Scope): Value {
  let value: Value | typeof NONE = NONE;
  for (const cmd of pipe.cmds) {
    const [head, ...rest] = cmd;
    if (head.kind === 'ident') value = call(head.name, rest, dot, scope, value);
    else {
      if (rest.length > 0 || value !== NONE) throw new ExecError(`can't give argument to non-function ${describe(head)}`);
      value = evalArg(head, dot, scope);
    }
  }
  const v = value === NONE ? undefined : value;
  if (pipe.decl.length === 1) {
    if (pipe.assign) setVar(scope, pipe.decl[0], v);
    else scope.vars.set(pipe.decl[0], v);
  }
  return v;
}

function describe(a: Arg): string {
  if (a.kind === 'field') return `.${a.path.join('.')}`;
  if (a.kind === 'var') return [a.name, ...a.path].join('.');
  if (a.kind === 'string') return goQuote(a.value);
  return a.kind === 'number' ? a.text : String((a as { value?: unknown }).value ?? a.kind);
}

/** A pipeline's value, an error naming the action it is in (`executing "output" at <index .x 5>: …`). */
function pipeValue(pipe: Pipeline, dot: Value, scope: Scope): Value {
  try {
    return evalPipe(pipe, dot, scope);
  } catch (e) {
    if (e instanceof ExecError && !e.message.startsWith('executing')) throw new ExecError(`executing "output" at <${pipe.text.trim()}>: ${e.message}`);
    throw e;
  }
}

/** Writes the nodes with `dot` as `.` (and `$` in `scope`). */
function run(nodes: readonly Node[], dot: Value, scope: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') out.push(n.text);
    else if (n.kind === 'action') {
      const v = pipeValue(n.pipe, dot, scope);
      if (n.pipe.decl.length === 0) out.push(sprint(v));
    } else if (n.kind === 'if' || n.kind === 'with') {
      const inner: Scope = { vars: new Map(), parent: scope };
      const v = pipeValue(n.pipe, dot, inner);
      if (truthy(v)) run(n.list, n.kind === 'with' ? v : dot, inner, out);
      else run(n.elseList, dot, { vars: new Map(), parent: scope }, out);
    } else {
      const outer: Scope = { vars: new Map(), parent: scope };
      const v = pipeValue({ ...n.pipe, decl: [] }, dot, outer);
      const entries: [Value, Value][] = Array.isArray(v) ? v.map((e, i) => [BigInt(i), e]) : v !== null && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]) : [];
      if (v !== null && v !== undefined && v !== MISSING && typeof v !== 'object') throw new ExecError(`executing "output" at <${n.pipe.text}>: range can't iterate over ${sprint(v)}`);
      if (entries.length === 0) run(n.elseList, dot, outer, out);
      for (const [k, e] of entries) {
        const inner: Scope = { vars: new Map(), parent: outer };
        if (n.pipe.decl.length === 1) inner.vars.set(n.pipe.decl[0], e);
        if (n.pipe.decl.length === 2) {
          inner.vars.set(n.pipe.decl[0], k);
          inner.vars.set(n.pipe.decl[1], e);
        }
        run(n.list, e, inner, out);
      }
    }
  }
}

/** The template's output for `data` (its `$`), or throws ExecError with text/template's message. */
export function execGoTemplate(nodes: readonly Node[], data: Value): string {
  const out: string[] = [];
  run(nodes, data, { vars: new Map([['$', data]]) }, out);
  return out.join('');
}

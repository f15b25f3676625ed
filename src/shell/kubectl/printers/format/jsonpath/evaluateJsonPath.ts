import { goSprint } from '../../text/goFormat';
import { CompareError, compareValues } from './compareValues';
import type { JpNode, ListNode } from './nodes';

/**
 * client-go's `JSONPath.FindResults` over decoded JSON (the unstructured
 * content kubectl hands to the engine). `null` stands for a Go nil held in
 * an interface; a missing key is simply absent. Map iteration (wildcard,
 * recursive descent) is in key order here; Go's is random.
 */

export class JsonPathError extends Error {}

/** Go's name for the dynamic type of a decoded JSON value. */
export function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v && typeof v === 'object') return 'map[string]interface {}';
  return 'interface {}';
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => v[k]);
  if (typeof v === 'string') return utf8Bytes(v);
  return [];
}

/** The UTF-8 bytes of a string (Go indexes strings by byte). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

interface RangeState {
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEndNode: JpNode | undefined;
}

/** Evaluation switches (`AllowMissingKeys`). */
export interface EvalOptions {
  allowMissingKeys: boolean;
}

function evalField(input: unknown[], name: string, opts: EvalOptions): unknown[] {
  const results: unknown[] = [];
  if (input.length === 0) return results;
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
  }
  if (results.length === 0 && !opts.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
  return results;
}

function evalArray(input: unknown[], node: Extract<JpNode, { type: 'array' }>): unknown[] {
  const result: unknown[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
    const p = node.params.map((x) => ({ ...x }));
    const len = v.length;
    if (!p[0].known) p[0].value = 0;
    if (p[0].value < 0) p[0].value += len;
    if (!p[1].known) p[1].value = len;
    if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
    if (p[1].value !== p[0].value) {
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JsonPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
    } else {
      return result;
    }
    const slice = v.slice(p[0].value, p[1].value);
    let step = 1;
    if (p[2].known) {
      if (p[2].value <= 0) throw new JsonPathError('step must be > 0');
      step = p[2].value;
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

function evalRecursive(input: unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    const kids = children(v);
    if (kids.length !== 0) {
      result.push(v);
      result.push(...evalRecursive(kids));
    }
  }
  return result;
}

class Evaluator {
  constructor(
    private readonly opts: EvalOptions,
    private readonly state: RangeState,
  ) {}

  walk(input: unknown[], node: JpNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return evalField(input, node.value, this.opts);
      case 'array':
        return evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null || v === undefined ? [] : children(v)));
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  evalList(input: unknown[], node: ListNode): unknown[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.state.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.state.inRange > 0) {
        this.state.endRange++;
        return [];
      }
      throw new JsonPathError('not in range, nothing to end');
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalFilter(input: unknown[], node: Extract<JpNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: unknown[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        let pass: boolean;
        try {
          pass = compareValues(node.operator, lefts[0], rights[0]);
        } catch (e) {
          if (e instanceof CompareError) throw new JsonPathError(e.message);
          throw e;
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }

  findResults(data: unknown, nodes: JpNode[]): unknown[][] {
    const cur = [data];
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      // an end node breaks the current block
      if (this.state.endRange > 0 && this.state.endRange <= this.state.inRange) {
        this.state.endRange--;
        this.state.lastEndNode = node;
        break;
      }
      // a range node starts a loop over its results
      if (this.state.beginRange > 0) {
        this.state.beginRange--;
        this.state.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, rest));
        else this.findResults(undefined, rest);
        this.state.inRange--;
        // resume after the end node that closed this range
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.state.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }
}

/** Evaluates a parsed template against `data`; throws JsonPathError with client-go's message. */
export function findResults(root: ListNode, data: unknown, opts: EvalOptions): unknown[][] {
  const state: RangeState = { beginRange: 0, inRange: 0, endRange: 0, lastEndNode: undefined };
  return new Evaluator(opts, state).findResults(data, root.nodes);
}

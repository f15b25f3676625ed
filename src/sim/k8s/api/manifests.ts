import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node, type YAMLError } from 'yaml';
import { goYamlMessage, type Chunk } from './manifestErrors';
import { resolvePlainScalar, resolveTaggedScalar, yamlKeyString } from './manifestScalars';

/**
 * Multi-document manifests (YAML or JSON) read the way kubectl reads them:
 * documents split on `---` lines (apimachinery's YAMLReader), each converted
 * to JSON with go-yaml v2's YAML 1.1 rules (sigs.k8s.io/yaml), empty documents
 * dropped, lists flattened, and every field's source position kept for errors.
 */
export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ManifestDocument {
  /** 0-based index of the document in the file (empty documents are skipped but counted). */
  index: number;
  /** Plain JSON value of the document (or of one item of a flattened list). */
  value: unknown;
  start: SourcePosition;
  /** Position of the key (or item) at a field path; falls back to the nearest existing ancestor. */
  positionOf(path: readonly (string | number)[]): SourcePosition;
}

export interface ManifestSyntaxError {
  /** kubectl's text after `error parsing FILE: `, e.g. `error converting YAML to JSON: yaml: line 5: …`. */
  message: string;
  position: SourcePosition;
  documentIndex: number;
}

export interface ParsedManifests {
  documents: ManifestDocument[];
  error?: ManifestSyntaxError;
}

type Path = readonly (string | number)[];

/** Thrown inside conversion: a go-yaml decode error (unknown anchor, bad tag). */
class ConvertError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses every document of a manifest file; documents before a syntax error are still returned. */
export function parseManifests(text: string): ParsedManifests {
  const lines = lineStarts(text);
  const posAt = (offset: number): SourcePosition => positionAt(lines, text, offset);
  const documents: ManifestDocument[] = [];
  const firstChar = /\S/.exec(text)?.[0];
  if (firstChar === '{') return parseJsonStream(text, posAt);
  const split = splitDocuments(text);
  for (let index = 0; index < split.chunks.length; index++) {
    const chunk = split.chunks[index];
    const result = parseChunk(chunk, index, posAt);
    if ('error' in result) return { documents, error: result.error };
    documents.push(...result.documents);
  }
  if (split.error) return { documents, error: { message: split.error.message, position: posAt(split.error.offset), documentIndex: split.chunks.length } };
  return { documents };
}

/** apimachinery `YAMLReader.Read`: lines starting with `---` separate documents; only a comment may follow. */
function splitDocuments(text: string): { chunks: Chunk[]; error?: { message: string; offset: number } } {
  const chunks: Chunk[] = [];
  let start = -1;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, end);
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') return { chunks, error: { message: `invalid Yaml document separator: ${trimmed}`, offset: pos } };
      if (start >= 0) chunks.push({ offset: start, text: text.slice(start, pos) });
      start = -1;
    } else if (start < 0) start = pos;
    pos = end;
  }
  if (start >= 0) chunks.push({ offset: start, text: text.slice(start) });
  return { chunks };
}

function parseChunk(chunk: Chunk, index: number, posAt: (offset: number) => SourcePosition): { documents: ManifestDocument[] } | { error: ManifestSyntaxError } {
  // go-yaml reads only the first document of a chunk (a `...` end marker ends it).
  const docs = parseAllDocuments(chunk.text, { uniqueKeys: false, schema: 'failsafe', prettyErrors: false, strict: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { documents: [] };
  const errors: readonly YAMLError[] = doc.errors;
  if (errors.length > 0) {
    const { message, offset } = goYamlMessage(chunk, errors);
    return { error: { message: `error converting YAML to JSON: ${message}`, position: posAt(chunk.offset + offset), documentIndex: index } };
  }
  const root = doc.contents as Node | null;
  if (!root) return { documents: [] };
  const anchors = new Map<string, Node>();
  let value: unknown;
  try {
    value = toJson(root, anchors);
  } catch (e) {
    if (!(e instanceof ConvertError)) throw e;
    return { error: { message: `error converting YAML to JSON: yaml: ${e.message}`, position: posAt(chunk.offset + e.offset), documentIndex: index } };
  }
  if (value === null) return { documents: [] };
  const nodeAt = (path: Path): Node => findNode(root, path, anchors);
  const offsetOf = (node: Node): number => chunk.offset + (node.range?.[0] ?? 0);
  const rootStart = posAt(offsetOf(root));
  const documents: ManifestDocument[] = [];
  const make = (v: unknown, prefix: Path): ManifestDocument => ({
    index,
    value: v,
    start: prefix.length ? posAt(offsetOf(nodeAt(prefix))) : rootStart,
    positionOf: (path) => posAt(offsetOf(nodeAt([...prefix, ...path]))),
  });
  for (const [v, prefix] of flattenLists(value, [])) documents.push(make(v, prefix));
  return { documents };
}

/** kubectl's builder flattens lists (any object with `items`), recursively; items inherit `<Kind minus List>`. */
function flattenLists(value: unknown, prefix: Path): [unknown, Path][] {
  if (!isListObject(value)) return [[value, prefix]];
  const list = value as { apiVersion?: unknown; kind?: unknown; items: unknown };
  if (!Array.isArray(list.items)) return [];
  const itemKind = typeof list.kind === 'string' ? list.kind.replace(/List$/, '') : '';
  const out: [unknown, Path][] = [];
  list.items.forEach((item, i) => {
    let v = item;
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      if (!o.kind && !o.apiVersion && itemKind) v = { ...o, kind: itemKind, apiVersion: list.apiVersion };
    }
    out.push(...flattenLists(v, [...prefix, 'items', i]));
  });
  return out;
}

function isListObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).items != null;
}

/** sigs.k8s.io/yaml: YAML node → JSON value, with go-yaml v2's scalar resolution and merge keys. */
function toJson(node: Node, anchors: Map<string, Node>, budget: AliasBudget = new AliasBudget()): unknown {
  budget.count(node);
  if (node.anchor) anchors.set(node.anchor, node);
  if (isAlias(node)) {
    const target = anchors.get(node.source);
    if (!target) throw new ConvertError(`unknown anchor '${node.source}' referenced`, node.range?.[0] ?? 0);
    budget.aliasDepth++;
    try {
      return toJson(target, new Map(anchors), budget);
    } finally {
      budget.aliasDepth--;
    }
  }
  if (isScalar(node)) {
    const raw = String(node.value ?? '');
    const offset = node.range?.[0] ?? 0;
    if (node.tag && node.tag !== '!') {
      const r = resolveTaggedScalar(node.tag, raw, node.type === 'PLAIN');
      if ('error' in r) throw new ConvertError(r.error, offset);
      return r.value;
    }
    return node.type === 'PLAIN' ? resolvePlainScalar(raw) : raw;
  }
  if (isSeq(node)) return node.items.map((item) => (item ? toJson(item as Node, anchors, budget) : null));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const key = keyNode ? toJson(keyNode, anchors, budget) : null;
      if (keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN' && key === '<<') {
        mergeInto(out, valueNode ? toJson(valueNode, anchors, budget) : null);
        continue;
      }
      out[yamlKeyString(key)] = valueNode ? toJson(valueNode, anchors, budget) : null;
    }
    return out;
  }
  return null;
}

/**
 * go-yaml v2's guard against alias bombs ("billion laughs"), which kubectl's YAML decoding
 * inherits: once more than 100 nodes were decoded through aliases and over 1,000 in all,
 * the share decoded through aliases may be at most 99 % up to 400,000 nodes, falling
 * linearly to 10 % at 4,000,000 (decode.go, allowedAliasRatio).
 */
class AliasBudget {
  aliasDepth = 0;
  private decoded = 0;
  private aliased = 0;

  count(node: Node): void {
    this.decoded++;
    if (this.aliasDepth > 0) this.aliased++;
    if (this.aliased > 100 && this.decoded > 1000 && this.aliased / this.decoded > allowedAliasRatio(this.decoded)) {
      throw new ConvertError('document contains excessive aliasing', node.range?.[0] ?? 0);
    }
  }
}

function allowedAliasRatio(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - (0.89 * (decoded - low)) / (high - low);
}

/** go-yaml v2 `d.merge`: a map, or a list of maps, set key by key where the `<<` stands. */
function mergeInto(out: Record<string, unknown>, value: unknown): void {
  const maps = Array.isArray(value) ? [...value].reverse() : [value];
  for (const m of maps) if (m && typeof m === 'object' && !Array.isArray(m)) Object.assign(out, m);
}

/** The node at a path (the key node for map entries), or the nearest existing ancestor. */
function findNode(root: Node, path: Path, anchors: Map<string, Node>): Node {
  let node: Node = root;
  let at: Node = root;
  for (const step of path) {
    while (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return at;
      node = target;
    }
    if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) return at;
      node = at = item;
    } else if (isMap(node)) {
      let found: { key: Node; value: Node | null } | undefined;
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (k && isScalar(k) && String(k.value) === String(step)) found = { key: k, value: pair.value as Node | null };
      }
      if (!found) return at;
      at = found.key;
      if (!found.value) return at;
      node = found.value;
    } else return at;
  }
  return at;
}

/** kubectl's JSON stream path: concatenated JSON objects, Go `encoding/json` syntax errors. */
function parseJsonStream(text: string, posAt: (offset: number) => SourcePosition): ParsedManifests {
  const documents: ManifestDocument[] = [];
  let pos = 0;
  let index = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) return { documents };
    const end = scanJsonValue(text, pos);
    if (typeof end !== 'number') {
      const lineStart = text.lastIndexOf('\n', end.offset - 1) + 1;
      const line = (text.slice(0, lineStart).match(/\n/g) ?? []).length;
      return { documents, error: { message: `json: line ${line}: ${end.message}`, position: posAt(end.offset), documentIndex: index } };
    }
    const slice = text.slice(pos, end);
    const sub = parseChunk({ offset: pos, text: slice }, index, posAt);
    if ('error' in sub) return { documents, error: sub.error };
    documents.push(...sub.documents);
    pos = end;
    index++;
  }
}

/** Finds the end of one JSON value starting at `start`, or Go's syntax error text and offset. */
function scanJsonValue(text: string, start: number): number | { message: string; offset: number } {
  try {
    let depth = 0;
    let i = start;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          JSON.parse(text.slice(start, i + 1));
          return i + 1;
        }
      }
    }
    JSON.parse(text.slice(start));
    return text.length;
  } catch {
    return goJsonSyntaxError(text, start);
  }
}

/** A Go `encoding/json` syntax error for the first invalid character of the value at `start`. */
function goJsonSyntaxError(text: string, start: number): { message: string; offset: number } {
  const stack: ('{' | '[')[] = [];
  type State = 'value' | 'key' | 'colon' | 'afterKeyValue' | 'afterElement' | 'firstKeyOrEnd' | 'firstValueOrEnd';
  let state: State = 'value';
  const bad = (i: number, what: string) => ({ message: `invalid character ${goChar(text[i])} ${what}`, offset: i });
  const afterValue = (): State => (stack.length === 0 ? 'value' : stack[stack.length - 1] === '{' ? 'afterKeyValue' : 'afterElement');
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (state === 'key' || state === 'firstKeyOrEnd') {
      if (c === '}' && state === 'firstKeyOrEnd') {
        stack.pop();
        state = afterValue();
        continue;
      }
      if (c !== '"') return bad(i, 'looking for beginning of object key string');
      i = skipString(text, i);
      state = 'colon';
    } else if (state === 'colon') {
      if (c !== ':') return bad(i, 'after object key');
      state = 'value';
    } else if (state === 'afterKeyValue' || state === 'afterElement') {
      const close = state === 'afterKeyValue' ? '}' : ']';
      if (c === ',') state = state === 'afterKeyValue' ? 'key' : 'value';
      else if (c === close) {
        stack.pop();
        state = afterValue();
        if (stack.length === 0) return { message: 'unexpected end of JSON input', offset: text.length };
      } else return bad(i, state === 'afterKeyValue' ? 'after object key:value pair' : 'after array element');
    } else {
      if (c === ']' && state === 'firstValueOrEnd') {
        stack.pop();
        state = afterValue();
        continue;
      }
      if (c === '{' || c === '[') {
        stack.push(c);
        state = c === '{' ? 'firstKeyOrEnd' : 'firstValueOrEnd';
        continue;
      }
      const lit = /^(?:"(?:[^"\\\n]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!lit) return bad(i, 'looking for beginning of value');
      i += lit[0].length - 1;
      state = afterValue();
    }
  }
  return { message: 'unexpected end of JSON input', offset: text.length };
}

function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return text.length;
}

/** Go's `quoteChar`: `'x'`, `'\''`, `'"'`. */
function goChar(c: string | undefined): string {
  if (c === undefined) return "''";
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  return `'${c}'`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], text: string, offset: number): SourcePosition {
  const o = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - starts[lo] + 1 };
}

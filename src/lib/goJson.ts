/**
 * Go `encoding/json` as kubectl and the API server use it: map keys sorted, HTML characters
 * escaped (`<` → `\u003c`), `MarshalIndent(v, "", "    ")` for `-o json`
 * and compact `Marshal` inside jsonpath output.
 */

function quoteJson(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

function encode(v: unknown, indent: string | undefined, depth: number, sorted = true): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteJson(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  const nl = indent === undefined ? '' : `\n${indent.repeat(depth + 1)}`;
  const close = indent === undefined ? '' : `\n${indent.repeat(depth)}`;
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + encode(x, indent, depth + 1, sorted)).join(',')}${close}]`;
  }
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (sorted) keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) return '{}';
    return `{${keys.map((k) => `${nl}${quoteJson(k)}${colon}${encode(obj[k], indent, depth + 1, sorted)}`).join(',')}${close}}`;
  }
  return 'null';
}

/** Compact `json.Marshal`. */
export function jsonMarshal(value: unknown): string {
  return encode(value, undefined, 0);
}

/** `kubectl -o json`: `json.MarshalIndent(v, "", "    ")` plus a trailing newline. */
export function toJson(value: unknown): string {
  return `${encode(value, '    ', 0)}\n`;
}

/**
 * `-o json` of a Go struct (what kubectl builds itself, or its kubeconfig):
 * the keys in the order the value has them, which the caller put in the
 * struct's field order (map-typed fields already sorted).
 */
export function toStructJson(value: unknown): string {
  return `${encode(value, '    ', 0, false)}\n`;
}

/**
 * The JSON the API server writes on the wire (what `kubectl get --raw`
 * prints): compact, fields in the Go structs' order — TypeMeta, ObjectMeta
 * in its declaration order, then the kind's own top-level fields — and map
 * keys sorted. Below the top level, fields come sorted (exact for maps such
 * as labels and data; struct order inside spec/status is not modelled).
 */

const TOP = ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'binaryData', 'stringData', 'type', 'spec', 'status'];
const OBJECT_META = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

function ordered(obj: Record<string, unknown>, order: readonly string[], encodeValue: (key: string, value: unknown) => string): string {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${jsonMarshal(k)}:${encodeValue(k, obj[k])}`).join(',')}}`;
}

/** One API object as the server encodes it. */
export function wireJson(obj: unknown): string {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return jsonMarshal(obj);
  return ordered(obj as Record<string, unknown>, TOP, (k, v) =>
    k === 'metadata' && v !== null && typeof v === 'object' ? ordered(v as Record<string, unknown>, OBJECT_META, (_, mv) => jsonMarshal(mv)) : jsonMarshal(v),
  );
}

/** A `metav1.WatchEvent` line of a watch stream. */
export function wireWatchEvent(type: string, object: unknown): string {
  return `{"type":${jsonMarshal(type)},"object":${wireJson(object)}}\n`;
}

/**
 * JSON re-indented as Go's `json.Indent(dst, src, "", "  ")` does (what the
 * API server sends a curl, wget or browser client; kubectl's
 * view-last-applied -o json): leading space and space between tokens
 * dropped, a line per member and element, `": "` after keys, `{}` and `[]`
 * kept empty, strings as written, trailing space (an annotation's newline) kept.
 */
export function indentJson(src: string): string {
  const body = src.trim();
  const trailing = src.slice(src.trimEnd().length);
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      out += c;
      if (c === '\\') out += body[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < body.length && ' \t\n\r'.includes(body[j])) j++;
      if (body[j] === close) {
        out += c + close;
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += `,${newline()}`;
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out + trailing;
}

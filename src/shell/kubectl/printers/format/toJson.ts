/**
 * Go `encoding/json` as kubectl uses it: map keys sorted, HTML characters
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

function encode(v: unknown, indent: string | undefined, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteJson(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  const nl = indent === undefined ? '' : `\n${indent.repeat(depth + 1)}`;
  const close = indent === undefined ? '' : `\n${indent.repeat(depth)}`;
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + encode(x, indent, depth + 1)).join(',')}${close}]`;
  }
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) return '{}';
    return `{${keys.map((k) => `${nl}${quoteJson(k)}${colon}${encode(obj[k], indent, depth + 1)}`).join(',')}${close}}`;
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

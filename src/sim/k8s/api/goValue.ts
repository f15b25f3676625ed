/**
 * Renders values the way Go's fmt prints them inside API error messages
 * (`%q` for strings, `%#v` for maps), so field errors read byte-for-byte
 * like the real API server's.
 */

/** A value whose Go rendering is already known (e.g. `v1.LabelSelector{…}`). */
export class GoLiteral {
  constructor(readonly text: string) {}
}

/** Go `%q` of a string (strconv.Quote). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `map[string]string{"a":"b", "c":"d"}` with keys sorted, as `%#v` prints a label map. */
export function goStringMap(map: Record<string, string> | undefined): string {
  if (map === undefined) return 'map[string]string(nil)';
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(map[k])}`).join(', ')}}`;
}

/** The value part of a field error: strings quoted, numbers and booleans plain, null as `null`. */
export function goValue(value: unknown): string {
  if (value instanceof GoLiteral) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[]string{${value.map((v) => goQuote(v)).join(', ')}}`;
    return `[]interface {}{${value.map(goValue).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === 'string')) return goStringMap(value as Record<string, string>);
    return `map[string]interface {}{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${goQuote(k)}:${goValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

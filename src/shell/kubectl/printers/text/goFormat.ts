/**
 * How Go's fmt prints the generic values kubectl holds after decoding JSON
 * into `interface{}` (string, int64, float64, bool, nil, maps, slices):
 * `%v` (custom-columns cells, describe of unstructured fields) and `%#v`
 * (the object dump in jsonpath error messages).
 */

/** `strconv.IsPrint`: letters, marks, numbers, punctuation and symbols (plus the ASCII space). */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go `strconv.Quote`: printable runes kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c === 0x20 || PRINTABLE.test(ch)) out += ch;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Go `%v` of a float64 (strconv 'g' with the shortest digits: `0.5`, `123456`, `1e+06`). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, e] = n.toExponential().split('e');
  const exp = Number(e);
  // shortest precision: %e when exp < -4 || exp >= 6
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** A JSON number as decoded by kubectl's unstructured decoder: integers are int64, the rest float64. */
export function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? BigInt(n).toString() : goFloat(n);
}

/**
 * Go `%v` (fmt.Sprint) of a decoded JSON value: `map[a:1 b:x]`, `[a b]`,
 * `<nil>`. Numbers as kubectl's unstructured decoder holds them (int64 or
 * float64), or as `number` says (encoding/json's float64: `goFloat`); a
 * bigint is a Go int.
 */
export function goSprint(value: unknown, number: (n: number) => string = goNumber): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => goSprint(v, number)).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(obj[k], number)}`).join(' ')}]`;
  }
  return String(value);
}

/** Go `%#v` of a decoded JSON value held in an `interface{}`. */
export function goSharpV(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSharpV).join(', ')}}`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(obj[k])}`).join(', ')}}`;
  }
  return String(value);
}

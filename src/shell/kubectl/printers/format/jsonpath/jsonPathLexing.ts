/**
 * The lexical pieces of client-go's jsonpath parser: rune classes, Go's
 * `%#U`, `strconv.Atoi` and the quote-tolerant `UnquoteExtend`.
 */

export const EOF_RUNE = '';

/** A jsonpath syntax error with client-go's message. */
export class JsonPathSyntaxError extends Error {}

function isSpace(r: string) {
  return r === ' ' || r === '\t';
}
/** CR or LF. */
export function isEndOfLine(r: string) {
  return r === '\r' || r === '\n';
}
/** A Unicode decimal digit (`unicode.IsDigit`). */
export function isDigit(r: string) {
  return /^\p{Nd}$/u.test(r);
}
/** `_`, a letter or a digit. */
export function isAlphaNumeric(r: string) {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}
/** A rune that ends an identifier or number. */
export function isTerminator(r: string) {
  if (r === EOF_RUNE || isSpace(r) || isEndOfLine(r)) return true;
  return '.,[]$@{}'.includes(r);
}

/** Go `%#U` of a rune: `U+0023 '#'`. */
export function goRuneU(r: string): string {
  const code = r.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** `[start:end:step]` with optional parts. */
export const sliceOperatorRex = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
/** A single-quoted map key `['key']`. */
export const dictKeyRex = /^'([^']*)'$/;
/** `left op right` of a filter, split at the first operator run. */
export const filterRex = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** Go `strconv.Atoi` (decimal, optional sign, int64 range). */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Go `strconv.UnquoteChar`-based unquoting that also accepts single quotes. */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0];
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === quote) return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case "'":
      case '"':
        if (e !== quote) return undefined;
        out += e;
        break;
      case 'x':
      case 'u':
      case 'U': {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i, i + n);
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
        out += String.fromCodePoint(parseInt(hex, 16));
        i += n;
        break;
      }
      default:
        if (e !== undefined && /[0-7]/.test(e)) {
          const oct = body.slice(i - 1, i + 2);
          if (!/^[0-7]{3}$/.test(oct)) return undefined;
          out += String.fromCharCode(parseInt(oct, 8));
          i += 2;
          break;
        }
        return undefined;
    }
  }
  return out;
}

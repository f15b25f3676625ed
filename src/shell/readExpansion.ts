import { isName, SPECIAL_PARAMETERS, type Part } from './expansion';

/**
 * Reads the expansion that starts at `line[i]` (a `$` or a backquote), as
 * bash's parser does: `$NAME`, `$?` and the other special parameters,
 * `${…}`, `$(…)` (to its matching parenthesis, past quotes and nested
 * substitutions) and `` `…` ``. A `$` that starts none of these is a
 * literal `$` (no part). `quoted`: the expansion is inside double quotes.
 */
export function readExpansion(line: string, i: number, quoted: boolean): { end: number; part?: Part } | { error: string } {
  if (line[i] === '`') {
    let inner = '';
    for (let j = i + 1; j < line.length; j++) {
      const c = line[j];
      if (c === '`') return { end: j + 1, part: { kind: 'subst', line: inner, quoted } };
      // Inside backquotes a backslash escapes only $, ` and \.
      if (c === '\\' && j + 1 < line.length && '$`\\'.includes(line[j + 1])) {
        inner += line[++j];
        continue;
      }
      inner += c;
    }
    return { error: 'unexpected EOF while looking for matching ``\'' };
  }
  const next = line[i + 1];
  if (next === '(') {
    if (line[i + 2] === '(') return arithmeticAt(line, i, quoted);
    const close = matching(line, i + 2, ')');
    if (close < 0) return { error: "unexpected EOF while looking for matching `)'" };
    return { end: close + 1, part: { kind: 'subst', line: line.slice(i + 2, close), quoted } };
  }
  if (next === '{') {
    const close = matching(line, i + 2, '}');
    if (close < 0) return { error: "unexpected EOF while looking for matching `}'" };
    const part = braced(line.slice(i + 2, close), quoted);
    return typeof part === 'string' ? { error: part } : { end: close + 1, part };
  }
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    let j = i + 2;
    while (j < line.length && /[A-Za-z0-9_]/.test(line[j])) j++;
    return { end: j, part: { kind: 'var', name: line.slice(i + 1, j), quoted } };
  }
  if (next !== undefined && SPECIAL_PARAMETERS.includes(next)) return { end: i + 2, part: { kind: 'var', name: next, quoted } };
  return { end: i + 1 };
}

/**
 * The index of the `close` (')' or '}') that ends the construct whose body
 * starts at `from`, skipping quoted text, escapes and nested `$(…)`, `${…}`
 * and parentheses; -1 when the line ends first.
 */
function matching(line: string, from: number, close: ')' | '}'): number {
  let depth = 1;
  for (let j = from; j < line.length; j++) {
    const c = line[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === "'" && close === ')') {
      const end = line.indexOf("'", j + 1);
      if (end < 0) return -1;
      j = end;
      continue;
    }
    if (c === '"') {
      j++;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (j >= line.length) return -1;
      continue;
    }
    if (c === '`') {
      const end = line.indexOf('`', j + 1);
      if (end < 0) return -1;
      j = end;
      continue;
    }
    if (c === '$' && (line[j + 1] === '(' || line[j + 1] === '{')) {
      const inner = matching(line, j + 2, line[j + 1] === '(' ? ')' : '}');
      if (inner < 0) return -1;
      j = inner;
      continue;
    }
    if (close === ')' && c === '(') depth++;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}

/** Where `text` has its first `/` outside quotes and escapes (the pattern's end in `${v/pattern/string}`), or -1. */
function patternEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '/') return i;
  }
  return -1;
}

/**
 * The body of `${…}`: NAME, #NAME, NAME with `:-`, `-`, `:+`, `+`, `:=`,
 * `=`, `:?` or `?` and a word, or an operator: `#`, `##`, `%`, `%%` and a
 * pattern, `/`, `//`, `/#`, `/%` with a pattern and a string, `:offset` and
 * `:offset:length`, `^^`, `^`, `,,`, `,`. An error text when bash would
 * refuse it.
 */
function braced(body: string, quoted: boolean): Part | string {
  const bad = `\${${body}}: bad substitution`;
  if (body.startsWith('#') && body.length > 1) {
    const name = body.slice(1);
    return isName(name) || (name.length === 1 && SPECIAL_PARAMETERS.includes(name)) ? { kind: 'var', name, quoted, length: true } : bad;
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9@*!-])([\s\S]*)$/.exec(body);
  if (!m) return bad;
  const [, name, rest] = m;
  if (rest === '') return { kind: 'var', name, quoted };
  const fb = /^(:?)([-+=?])([\s\S]*)$/.exec(rest);
  if (fb) {
    const word = wordParts(fb[3], quoted);
    if (typeof word === 'string') return word;
    return { kind: 'var', name, quoted, fallback: { colon: fb[1] === ':', word, alternate: fb[2] === '+', assign: fb[2] === '=' || undefined, error: fb[2] === '?' || undefined } };
  }
  const trim = /^(##?|%%?)([\s\S]*)$/.exec(rest);
  if (trim) {
    const pattern = wordParts(trim[2], false);
    if (typeof pattern === 'string') return pattern;
    return { kind: 'var', name, quoted, op: { kind: 'trim', fromStart: trim[1][0] === '#', longest: trim[1].length === 2, pattern } };
  }
  if (rest.startsWith('/')) {
    const mode = rest[1] === '/' ? 'all' : rest[1] === '#' ? 'start' : rest[1] === '%' ? 'end' : 'first';
    const spec = rest.slice(mode === 'first' ? 1 : 2);
    const cut = patternEnd(spec);
    const pattern = wordParts(cut < 0 ? spec : spec.slice(0, cut), false);
    const replacement = wordParts(cut < 0 ? '' : spec.slice(cut + 1), quoted);
    if (typeof pattern === 'string') return pattern;
    if (typeof replacement === 'string') return replacement;
    return { kind: 'var', name, quoted, op: { kind: 'replace', all: mode === 'all', anchor: mode === 'start' || mode === 'end' ? mode : undefined, pattern, with: replacement } };
  }
  const slice = /^:([^:]*)(?::([\s\S]*))?$/.exec(rest);
  if (slice) return slice[1].trim() === '' && slice[2] === undefined ? bad : { kind: 'var', name, quoted, op: { kind: 'slice', offset: slice[1].trim() === '' ? '0' : slice[1], length: slice[2] } };
  const changed = /^(\^\^?|,,?)$/.exec(rest);
  if (changed) return { kind: 'var', name, quoted, op: { kind: 'case', upper: changed[1][0] === '^', all: changed[1].length === 2 } };
  return bad;
}

/** A word inside `${NAME:-word}` as parts: quotes, escapes and expansions, blanks kept. */
function wordParts(text: string, quoted: boolean): Part[] | string {
  const parts: Part[] = [];
  const lit = (t: string, q: boolean) => {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.kind === 'text' && last.quoted === q) parts[parts.length - 1] = { ...last, text: last.text + t };
    else parts.push({ kind: 'text', text: t, quoted: q });
  };
  let i = 0;
  /** The expansion at `text[i]` (inside double quotes or not); an error text, or undefined once read. */
  const expansion = (q: boolean): string | undefined => {
    const found = readExpansion(text, i, q);
    if ('error' in found) return found.error;
    if (found.part === undefined) lit('$', q);
    else parts.push(found.part);
    i = found.end;
    return undefined;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "'" && !quoted) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return `unexpected EOF while looking for matching \`''`;
      lit(text.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '\\' && i + 1 < text.length) {
      lit(text[i + 1], true);
      i += 2;
    } else if (c === '$' || c === '`') {
      const error = expansion(quoted);
      if (error) return error;
    } else if (c === '"' && !quoted) {
      lit('', true);
      for (i++; i < text.length && text[i] !== '"'; ) {
        if (text[i] === '$' || text[i] === '`') {
          const error = expansion(true);
          if (error) return error;
        } else {
          lit(text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]) ? text[++i] : text[i], true);
          i++;
        }
      }
      i++;
    } else {
      lit(c, quoted);
      i++;
    }
  }
  return parts;
}

/** `$((expr))` starting at `line[i]`: its expression, up to the `))` that closes it. */
function arithmeticAt(line: string, i: number, quoted: boolean): { end: number; part: Part } | { error: string } {
  let depth = 0;
  for (let j = i + 3; j < line.length; j++) {
    const c = line[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else if (line[j + 1] === ')') {
        const expr = line.slice(i + 3, j);
        if (/\$\(|`/.test(expr)) return { error: 'a command substitution inside $((…)) is not simulated in this terminal: set a variable first (N=$(…)), then $((N + 1))' };
        return { end: j + 2, part: { kind: 'arith', expr, quoted } };
      } else return { error: `${line.slice(i + 3, j)}: syntax error: missing \`)'` };
    }
  }
  return { error: "unexpected EOF while looking for matching `)'" };
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
};

/**
 * A POSIX regular expression (GNU grep's basic or extended syntax) as a
 * JavaScript one. Basic: `\|`, `\+`, `\?`, `\(…\)`, `\{…\}` are operators and
 * their bare forms are literal; extended: the reverse. Bracket expressions
 * with `[:alpha:]`-style classes. Returns grep's message when it is not valid.
 * @example toJsRegex('web\\|db', false) // 'web|db'
 */
export function toJsRegex(pattern: string, extended: boolean): { source: string } | { error: string } {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) return { error: 'Unmatched [, [^, [:, [., or [=' };
      out += bracket(pattern.slice(i + 1, end));
      i = end;
      continue;
    }
    if (c === '\\') {
      const d = pattern[i + 1];
      i++;
      if (d === undefined) return { error: 'Trailing backslash' };
      if (!extended && '|+?(){}'.includes(d)) {
        if (d === '(') depth++;
        if (d === ')' && --depth < 0) return { error: 'Unmatched ) or \\)' };
        out += d;
      } else if ('wWsSbB'.includes(d) || /\d/.test(d)) out += `\\${d}`;
      else if (d === '<' || d === '>') out += '\\b';
      else out += escapeJs(d);
      continue;
    }
    if (extended && '|+?(){}'.includes(c)) {
      if (c === '(') depth++;
      if (c === ')' && --depth < 0) return { error: 'Unmatched ) or \\)' };
      out += c;
      continue;
    }
    if (!extended && '|+?(){}'.includes(c)) {
      out += `\\${c}`;
      continue;
    }
    out += c === '/' ? '\\/' : c;
  }
  if (depth > 0) return { error: 'Unmatched ( or \\(' };
  try {
    new RegExp(out);
  } catch {
    return { error: 'Invalid regular expression' };
  }
  return { source: out };
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Index of the `]` closing the bracket expression opened at `start`, or -1. */
function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const close = p.indexOf(`${p[i + 1]}]`, i + 2);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (p[i] === ']') return i;
  }
  return -1;
}

/** The inside of a POSIX bracket expression as a JS character class (backslash is literal in POSIX). */
function bracket(inner: string): string {
  let s = inner;
  let neg = '';
  if (s.startsWith('^')) {
    neg = '^';
    s = s.slice(1);
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const m = /^\[:(\w+):\]/.exec(s.slice(i));
    if (m) {
      out += CLASSES[m[1]] ?? '';
      i += m[0].length - 1;
      continue;
    }
    const c = s[i];
    out += c === '\\' || c === ']' || c === '[' || (c === '^' && i === 0) ? `\\${c}` : c;
  }
  return `[${neg}${out}]`;
}

/**
 * grep's matcher for `patterns` (any of them matches) with its options as
 * letters in `on`: F fixed strings, E extended syntax (else basic), w whole
 * words, x whole lines, i any case. `re` tests a line; `all` finds every
 * match (-o). Or the message of a pattern that is not valid.
 */
export function grepMatcher(patterns: readonly string[], on: ReadonlySet<string>): { re: RegExp; all: RegExp } | { error: string } {
  const sources: string[] = [];
  for (const p of patterns) {
    const r = on.has('F') ? { source: p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') } : toJsRegex(p, on.has('E'));
    if ('error' in r) return r;
    sources.push(r.source);
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (on.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (on.has('x')) source = `^(?:${source})$`;
  const flags = on.has('i') ? 'i' : '';
  return { re: new RegExp(source, flags), all: new RegExp(source, `${flags}g`) };
}

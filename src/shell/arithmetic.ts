/**
 * bash's arithmetic expansion `$((…))`: 64-bit signed integers; numbers in
 * decimal, hex (`0x1f`), octal (`017`) or `base#digits`; variables by name
 * (`$N`, `${N}` or `N`; unset or empty is 0, a value is itself evaluated);
 * the operators `**`, `* / %`, `+ -`, `<< >>`, `< <= > >=`, `== !=`, `&`,
 * `^`, `|`, `&&`, `||`, `?:`, unary `- + ! ~`, and parentheses. Assignment
 * (`=`, `+=`, `++`) is refused: this terminal has no loops to count in.
 * Errors are bash's (`division by 0 (error token is "0")`).
 * @example arithmetic('N * 2 + 1', (n) => (n === 'N' ? '3' : undefined)) // { value: '7' }
 */

type Get = (name: string) => string | undefined;
export type ArithmeticResult = { value: string } | { error: string };

const OPERATORS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '*', '/', '%', '+', '-', '<', '>', '&', '^', '|', '!', '~', '?', ':', '(', ')', '='];

class ArithError extends Error {}

/** The binary operators by precedence level, loosest first (`?:` is handled apart, `**` binds right). */
const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

const int = (v: bigint) => BigInt.asIntN(64, v);

/** Evaluates `expr` (its `$NAME` and `${NAME}` already allowed inside); `get` reads the shell's variables. */
export function arithmetic(expr: string, get: Get, depth = 0): ArithmeticResult {
  const text = expr.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (_m, a: string | undefined, b: string | undefined) => get((a ?? b)!) ?? '');
  const tokens: string[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^(?:[0-9]+#[0-9A-Za-z@_]+|0[xX][0-9A-Fa-f]+|[0-9]+|[A-Za-z_]\w*)/.exec(text.slice(i));
    if (word) {
      tokens.push(word[0]);
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) return { error: `${expr.trim()}: syntax error: invalid arithmetic operator (error token is "${text.slice(i).trim()}")` };
    tokens.push(op);
    i += op.length;
  }
  if (tokens.length === 0) return { value: '0' };
  let pos = 0;
  const rest = () => tokens.slice(pos).join(' ');
  const fail = (why: string): never => {
    throw new ArithError(`${expr.trim()}: ${why} (error token is "${rest()}")`);
  };
  const number = (t: string): bigint => {
    const based = /^([0-9]+)#(.+)$/.exec(t);
    if (based) {
      const base = Number(based[1]);
      if (base < 2 || base > 64) fail('invalid arithmetic base');
      let v = 0n;
      for (const ch of based[2]) {
        const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - (base <= 36 ? 55 : 29) : ch === '@' ? 62 : 63;
        if (d >= base) fail('value too great for base');
        v = int(v * BigInt(base) + BigInt(d));
      }
      return v;
    }
    if (/^0[xX]/.test(t)) return int(BigInt(t));
    if (/^0[0-7]+$/.test(t)) return int(BigInt(`0o${t.slice(1)}`));
    if (/^0\d+$/.test(t)) fail('value too great for base');
    return int(BigInt(t));
  };
  const variable = (name: string): bigint => {
    const v = get(name);
    if (v === undefined || v.trim() === '') return 0n;
    if (depth > 16) fail('expression recursion level exceeded');
    const r = arithmetic(v, get, depth + 1);
    if ('error' in r) throw new ArithError(r.error);
    return BigInt(r.value);
  };
  const unary = (): bigint => {
    const t = tokens[pos];
    if (t === undefined) fail('syntax error: operand expected');
    if (t === '++' || t === '--') fail('assignment is not simulated in this terminal');
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      pos++;
      const v = unary();
      return t === '-' ? int(-v) : t === '+' ? v : t === '!' ? (v === 0n ? 1n : 0n) : int(~v);
    }
    return primary();
  };
  const primary = (): bigint => {
    const t = tokens[pos];
    if (t === '(') {
      pos++;
      const v = ternary();
      if (tokens[pos] !== ')') fail('missing `)\'');
      pos++;
      return v;
    }
    if (t === undefined || !/^[0-9A-Za-z_]/.test(t)) fail('syntax error: operand expected');
    pos++;
    if (['=', '+=', '-=', '*=', '/=', '%=', '++', '--'].includes(tokens[pos] ?? '')) fail('assignment is not simulated in this terminal');
    return /^[0-9]/.test(t) ? number(t) : variable(t);
  };
  // In bash `**` binds looser than the unary operators (`-2 ** 2` is 4) and to the right.
  const power = (): bigint => {
    const base = unary();
    if (tokens[pos] !== '**') return base;
    pos++;
    const exp = power();
    if (exp < 0n) fail('exponent less than 0');
    return int(base ** exp);
  };
  const apply = (op: string, a: bigint, b: bigint): bigint => {
    switch (op) {
      case '*':
        return int(a * b);
      case '/':
      case '%':
        if (b === 0n) fail('division by 0');
        return int(op === '/' ? a / b : a % b);
      case '+':
        return int(a + b);
      case '-':
        return int(a - b);
      case '<<':
        return int(a << b);
      case '>>':
        return a >> b;
      case '<':
        return a < b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return a & b;
      case '^':
        return a ^ b;
      case '|':
        return a | b;
      case '&&':
        return a !== 0n && b !== 0n ? 1n : 0n;
      default:
        return a !== 0n || b !== 0n ? 1n : 0n;
    }
  };
  const level = (n: number): bigint => {
    if (n === LEVELS.length) return power();
    let v = level(n + 1);
    while (tokens[pos] !== undefined && LEVELS[n].includes(tokens[pos])) {
      const op = tokens[pos++];
      // The right operand is read before a division is checked, so its error names what follows it, as bash does.
      const rhsAt = pos;
      const rhs = level(n + 1);
      if ((op === '/' || op === '%') && rhs === 0n) {
        pos = rhsAt;
        fail('division by 0');
      }
      v = apply(op, v, rhs);
    }
    return v;
  };
  const ternary = (): bigint => {
    const cond = level(0);
    if (tokens[pos] !== '?') return cond;
    pos++;
    const a = ternary();
    if (tokens[pos] !== ':') fail("expected `:' for conditional expression");
    pos++;
    const b = ternary();
    return cond !== 0n ? a : b;
  };
  try {
    const v = ternary();
    if (pos < tokens.length) {
      if (tokens[pos] === '=' || tokens[pos].endsWith('=')) fail('assignment is not simulated in this terminal');
      fail('syntax error in expression');
    }
    return { value: v.toString() };
  } catch (e) {
    if (e instanceof ArithError) return { error: e.message };
    throw e;
  }
}

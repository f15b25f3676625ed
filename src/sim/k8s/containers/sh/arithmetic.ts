type Op = (a: number, b: number) => number;

/** The binary operators by precedence, loosest first (module-level: a loop's `$((i+1))` builds nothing per call). */
const LEVELS: readonly Readonly<Record<string, Op>>[] = [
  { '||': (a, b) => +(a !== 0 || b !== 0) },
  { '&&': (a, b) => +(a !== 0 && b !== 0) },
  { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b), '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) },
  { '+': (a, b) => a + b, '-': (a, b) => a - b },
  { '*': (a, b) => a * b, '/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)), '%': (a, b) => (b === 0 ? 0 : a % b) },
];

interface Cursor {
  readonly toks: readonly string[];
  i: number;
  readonly env: Map<string, string>;
}

/** `$(( … ))`: integer + - * / % with parentheses, comparisons, and variables (unset = 0). */
export function arithmetic(expr: string, env: Map<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_]\w*|\$[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  return level({ toks, i: 0, env }, 0);
}

/** The operands of level `n` joined by its operators, left to right. */
function level(c: Cursor, n: number): number {
  if (n === LEVELS.length) return primary(c);
  const ops = LEVELS[n];
  let v = level(c, n + 1);
  for (let t = c.toks[c.i]; t !== undefined && Object.hasOwn(ops, t); t = c.toks[c.i]) {
    c.i++;
    v = ops[t](v, level(c, n + 1));
  }
  return v;
}

function primary(c: Cursor): number {
  const t = c.toks[c.i++];
  if (t === '(') {
    const v = level(c, 0);
    c.i++;
    return v;
  }
  if (t === '-') return -primary(c);
  if (t === '+') return primary(c);
  if (t === '!') return primary(c) === 0 ? 1 : 0;
  if (t === undefined) return 0;
  if (/^\d+$/.test(t)) return Number(t);
  return Math.trunc(Number(c.env.get(t.charCodeAt(0) === 36 ? t.slice(1) : t) ?? 0)) || 0;
}

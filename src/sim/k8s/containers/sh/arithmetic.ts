/** `$(( … ))`: integer + - * / % with parentheses, comparisons, and variables (unset = 0). */
export function arithmetic(expr: string, env: Map<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_]\w*|\$[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const num = (t: string) => Math.trunc(Number(env.get(t.replace(/^\$/, '')) ?? 0)) || 0;
  const primary = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (t === undefined) return 0;
    return /^\d+$/.test(t) ? Number(t) : num(t);
  };
  const bin = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next();
    while (toks[i] !== undefined && ops[toks[i]]) {
      const op = ops[toks[i++]];
      v = op(v, next());
    }
    return v;
  };
  const mul = bin(primary, { '*': (a, b) => a * b, '/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)), '%': (a, b) => (b === 0 ? 0 : a % b) });
  const add = bin(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = bin(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b), '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = bin(cmp, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const or = bin(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  return or();
}

/**
 * The comparison functions of the Go template package that client-go's
 * jsonpath filters use (`third_party/forked/golang/template/funcs.go`):
 * values compare only within a basic kind (bool, int, float, string).
 */

type BasicKind = 'bool' | 'int' | 'float' | 'string';

/** A filter comparison between values Go cannot compare. */
export class CompareError extends Error {}

function basicKind(v: unknown): BasicKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new CompareError('invalid type for comparison');
}

function equal(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new CompareError('incompatible types for comparison');
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new CompareError('incompatible types for comparison');
  if (k1 === 'bool') throw new CompareError('invalid type for comparison');
  if (k1 === 'string') return (a as string) < (b as string);
  return (a as number) < (b as number);
}

/** Evaluates `left <op> right`; throws CompareError with the template package's wording. */
export function compareValues(op: string, left: unknown, right: unknown): boolean {
  switch (op) {
    case '<':
      return less(left, right);
    case '>':
      return !(less(left, right) || equal(left, right));
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<=':
      return less(left, right) || equal(left, right);
    case '>=':
      return !less(left, right);
  }
  throw new CompareError(`unrecognized filter operator ${op}`);
}

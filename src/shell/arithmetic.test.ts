import { describe, expect, it } from 'vitest';
import { arithmetic } from './arithmetic';

const vars: Record<string, string> = { N: '3', EMPTY: '', EXPR: 'N + 1', TEXT: 'abc' };
const get = (n: string) => vars[n];
const value = (e: string) => {
  const r = arithmetic(e, get);
  return 'value' in r ? r.value : `error: ${r.error}`;
};

describe('$((…)) as bash evaluates it', () => {
  it('follows C precedence and associativity, ** binding right', () => {
    expect(value('1 + 2 * 3')).toBe('7');
    expect(value('(1 + 2) * 3')).toBe('9');
    expect(value('2 ** 3 ** 2')).toBe('512');
    expect(value('-2 ** 2')).toBe('4');
    expect(value('10 - 4 - 3')).toBe('3');
    expect(value('7 / 2')).toBe('3');
    expect(value('-7 / 2')).toBe('-3');
    expect(value('-7 % 3')).toBe('-1');
    expect(value('1 < 2 && 3 > 4 || 5 == 5')).toBe('1');
    expect(value('N > 2 ? 10 : 20')).toBe('10');
    expect(value('6 & 3 | 8 ^ 1')).toBe('11');
    expect(value('1 << 4 >> 2')).toBe('4');
    expect(value('!0 + ~0')).toBe('0');
  });

  it('reads numbers in hex, octal and base#digits', () => {
    expect(value('0x1f + 017 + 2#1010 + 36#z')).toBe(String(31 + 15 + 10 + 35));
    expect(value('08')).toMatch(/value too great for base/);
  });

  it('reads variables with or without $, an unset or empty one as 0, a value as an expression', () => {
    expect(value('N * 2')).toBe('6');
    expect(value('$N * ${N}')).toBe('9');
    expect(value('UNSET + EMPTY + 1')).toBe('1');
    expect(value('EXPR * 2')).toBe('8');
  });

  it('wraps at 64 bits', () => {
    expect(value('9223372036854775807 + 1')).toBe('-9223372036854775808');
  });

  it('gives bash\'s errors', () => {
    expect(value('1 / 0')).toBe('error: 1 / 0: division by 0 (error token is "0")');
    expect(value('5 % (N - 3)')).toMatch(/division by 0/);
    expect(value('1 +')).toMatch(/^error: 1 \+: syntax error: operand expected/);
    expect(value('2 ** -1')).toMatch(/exponent less than 0/);
    expect(value('N = 4')).toMatch(/assignment is not simulated/);
    expect(value('N++')).toMatch(/assignment is not simulated/);
    expect(value('1 @ 2')).toMatch(/invalid arithmetic operator/);
  });

  it('is 0 for an empty expression', () => {
    expect(value('  ')).toBe('0');
  });
});

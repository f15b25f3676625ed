import { describe, expect, it } from 'vitest';
import { unifiedHunks } from './unifiedDiff';

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`) => Array.from({ length: n }, (_, i) => f(i + 1));

describe('unifiedHunks (GNU diff -u)', () => {
  it('is empty for equal texts', () => {
    expect(unifiedHunks(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('shows one change with three lines of context on each side', () => {
    const a = lines(10);
    const b = lines(10, (i) => (i === 5 ? 'line five' : `line ${i}`));
    expect(unifiedHunks(a, b)).toEqual(['@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8']);
  });

  it('joins changes whose contexts touch and splits distant ones', () => {
    const a = lines(30);
    const b = lines(30, (i) => (i === 5 || i === 11 || i === 25 ? `x${i}` : `line ${i}`));
    const out = unifiedHunks(a, b);
    expect(out.filter((l) => l.startsWith('@@'))).toEqual(['@@ -2,13 +2,13 @@', '@@ -22,7 +22,7 @@']);
  });

  it('writes a one-line range without a count and an empty one as the line before, ,0', () => {
    expect(unifiedHunks(['a'], ['b'])).toEqual(['@@ -1 +1 @@', '-a', '+b']);
    expect(unifiedHunks([], ['a', 'b'])).toEqual(['@@ -0,0 +1,2 @@', '+a', '+b']);
  });

  it('keeps lines present on both sides and marks insertions and deletions around them', () => {
    expect(unifiedHunks(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['@@ -1,3 +1,3 @@', ' a', '-b', ' c', '+d']);
  });
});

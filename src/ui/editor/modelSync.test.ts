import { describe, expect, it } from 'vitest';
import { textChange } from './modelSync';

describe('textChange', () => {
  it('finds the one part that changed', () => {
    expect(textChange('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
    expect(textChange('a: 1\n', 'a: 1\n---\nb: 2\n')).toEqual({ start: 5, end: 5, text: '---\nb: 2\n' });
    expect(textChange('xaay', 'xay')).toEqual({ start: 2, end: 3, text: '' });
    expect(textChange('', 'new')).toEqual({ start: 0, end: 0, text: 'new' });
    expect(textChange('old', '')).toEqual({ start: 0, end: 3, text: '' });
  });

  it('always rebuilds the new text', () => {
    const cases = [['hello world', 'hello brave world'], ['aaaa', 'aa'], ['abcabc', 'abc'], ['kind: Pod', 'kind: Deployment']];
    for (const [before, after] of cases) {
      const c = textChange(before, after);
      expect(before.slice(0, c.start) + c.text + before.slice(c.end)).toBe(after);
    }
  });
});

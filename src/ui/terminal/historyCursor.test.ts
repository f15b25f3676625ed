import { describe, expect, it } from 'vitest';
import { HistoryCursor } from './historyCursor';

describe('HistoryCursor', () => {
  it('walks back and forth and returns to the draft', () => {
    const h = new HistoryCursor(['one', 'two']);
    expect(h.up('dra')).toBe('two');
    expect(h.up('two')).toBe('one');
    expect(h.up('one')).toBeUndefined();
    expect(h.down()).toBe('two');
    expect(h.down()).toBe('dra');
    expect(h.down()).toBeUndefined();
  });

  it('does nothing on an empty history', () => {
    expect(new HistoryCursor([]).up('x')).toBeUndefined();
  });
});

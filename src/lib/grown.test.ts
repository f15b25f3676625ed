import { describe, expect, it } from 'vitest';
import { grown } from './grown';

describe('grown', () => {
  it('keeps the entries and the kind of array, and zeroes the new room', () => {
    const g = grown(new Float64Array([1.5, 2.5]), 4);
    expect(g).toBeInstanceOf(Float64Array);
    expect([...g]).toEqual([1.5, 2.5, 0, 0]);
  });

  it('fills the new room with the value given', () => {
    expect([...grown(new Int32Array([7]), 3, -1)]).toEqual([7, -1, -1]);
    expect([...grown(new Uint8Array([1, 2]), 3)]).toEqual([1, 2, 0]);
  });
});

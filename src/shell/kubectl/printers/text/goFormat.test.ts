import { describe, expect, it } from 'vitest';
import vectors from '../testing/goStdlibFormatVectors.json';
import { goQuote, goSprint } from './goFormat';

// Vectors produced by Go's strconv.Quote and fmt.Sprint(float64).
describe('goQuote matches strconv.Quote', () => {
  for (const [input, want] of Object.entries(vectors.quote)) it(JSON.stringify(input), () => expect(goQuote(input)).toBe(want));
});

describe('goSprint of non-integral or huge numbers matches fmt.Sprint(float64)', () => {
  for (const [key, want] of Object.entries(vectors.sprint)) {
    const n = Number(key);
    // integral values below 2^63 are int64 once decoded by kubectl (printed as digits)
    if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) continue;
    it(key, () => expect(goSprint(n)).toBe(want));
  }
});

import { describe, expect, it } from 'vitest';
import vectors from '../testing/goStdlibVectors.json';
import { goSortBy } from './goSort';

// Permutations produced by Go's sort.Sort (pdqsort) on keys with many ties:
// kubectl's --sort-by and describe's event order depend on how ties land.
describe('goSortBy reproduces Go sort.Sort, ties included', () => {
  vectors.sort.forEach((v, i) => {
    it(`vector ${i} (${v.keys.length} keys)`, () => {
      const idx = v.keys.map((_, j) => j);
      expect(goSortBy(idx, (a, b) => v.keys[a] < v.keys[b])).toEqual(v.perm);
    });
  });
});

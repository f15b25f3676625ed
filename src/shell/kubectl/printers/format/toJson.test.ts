import { describe, expect, it } from 'vitest';
import vectors from '../testing/goStdlibFormatVectors.json';
import { jsonMarshal, toJson } from './toJson';

// Vectors produced by Go's encoding/json (HTML-escaping encoder, sorted map keys).
describe('toJson matches json.MarshalIndent(obj, "", "    ") + newline', () => {
  it('escapes <, >, &, U+2028/9 and control characters, keeps empty [] and {}', () => {
    expect(toJson(vectors.object)).toBe(vectors.indented);
  });
  it('marshals compactly like json.Marshal', () => {
    expect(jsonMarshal(vectors.object)).toBe(vectors.compact);
  });
  for (const [key, want] of Object.entries(vectors.jsonFloats)) {
    it(`number ${key}`, () => expect(jsonMarshal(Number(key))).toBe(want));
  }
});

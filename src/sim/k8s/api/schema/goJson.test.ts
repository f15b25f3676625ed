import { describe, it, expect } from 'vitest';
import { goJson } from './goJson';

describe('goJson', () => {
  it('marshals as encoding/json does: sorted keys, HTML-safe escapes, Go float text', () => {
    expect(goJson({ b: [1, 0.5, 1e21, 1e-7], a: 'x<y>&z', c: null, d: true })).toBe('{"a":"x\\u003cy\\u003e\\u0026z","b":[1,0.5,1e+21,1e-07],"c":null,"d":true}');
  });

  it('escapes control characters as Go does', () => {
    expect(goJson('\b\f\n\\b')).toBe('"\\u0008\\u000c\\n\\\\b"');
  });
});

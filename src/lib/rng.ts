/**
 * A small, fast, seedable PRNG (sfc32 seeded through splitmix32). Its whole
 * state is four uint32s, so an engine snapshot can carry it.
 * @example const rng = createRng(42); rng.int(6) // 0..5, same every run
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** A string of `length` characters drawn uniformly from `alphabet`. */
  string(length: number, alphabet: string): string;
  /** An RFC 4122 version 4 UUID built from this generator. */
  uuid(): string;
  /** The current state, for snapshots. */
  getState(): [number, number, number, number];
  setState(state: readonly number[]): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX = '0123456789abcdef';

const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextU32();
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (max) => Math.floor((nextU32() / 4294967296) * max),
    string(length, alphabet) {
      // Built from char codes: a flat string (a += loop would leave a rope of `length` nodes in memory).
      const codes = Array.from<number>({ length });
      for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor((nextU32() / 4294967296) * alphabet.length));
      return String.fromCharCode.apply(null, codes);
    },
    uuid() {
      const codes = Array.from<number>({ length: 36 });
      let j = 0;
      for (let w = 0; w < 4; w++) {
        const n = nextU32();
        for (let k = 28; k >= 0; k -= 4) {
          if (j === 8 || j === 13 || j === 18 || j === 23) codes[j++] = 45; // '-'
          let v = (n >>> k) & 15;
          if (j === 14) v = 4; // version 4
          else if (j === 19) v = (v & 3) | 8; // variant 10xx
          codes[j++] = HEX_CODES[v];
        }
      }
      return String.fromCharCode.apply(null, codes);
    },
    getState: () => [a, b, c, d],
    setState(state) {
      [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
    },
  };
  return rng;
}

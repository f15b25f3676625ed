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
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor((nextU32() / 4294967296) * alphabet.length)];
      return out;
    },
    uuid() {
      let s = '';
      for (let i = 0; i < 32; i++) {
        let v = nextU32() & 15;
        if (i === 12) v = 4;
        else if (i === 16) v = (v & 3) | 8;
        s += HEX[v];
        if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
      }
      return s;
    },
    getState: () => [a, b, c, d],
    setState(state) {
      [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
    },
  };
  return rng;
}

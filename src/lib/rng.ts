import { flat } from './flat';

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
  /** `length` lowercase hex digits (a multiple of 8), e.g. a container ID. */
  hex(length: number): string;
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
/**
 * Scratch char codes for `string` and `hex`, one array per length (a few
 * lengths recur: name suffixes, container IDs), so a call allocates only its
 * result.
 */
const scratch: number[][] = [];
/** The hex digit (char code) of `n`'s 4 bits at `shift`. */
function h(n: number, shift: number): number {
  return HEX_CODES[(n >>> shift) & 15];
}

function codesOf(length: number): number[] {
  let codes = scratch[length];
  if (!codes) scratch[length] = codes = Array.from({ length }, () => 0);
  return codes;
}

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
      const codes = codesOf(length);
      for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor((nextU32() / 4294967296) * alphabet.length));
      return String.fromCharCode.apply(null, codes);
    },
    uuid() {
      const a = nextU32();
      const b = nextU32();
      const c = nextU32();
      const d = nextU32();
      // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx (version 4, variant 10xx), built flat in one call.
      return String.fromCharCode(
        h(a, 28), h(a, 24), h(a, 20), h(a, 16), h(a, 12), h(a, 8), h(a, 4), h(a, 0), 45,
        h(b, 28), h(b, 24), h(b, 20), h(b, 16), 45,
        52, h(b, 8), h(b, 4), h(b, 0), 45,
        HEX_CODES[((c >>> 28) & 3) | 8], h(c, 24), h(c, 20), h(c, 16), 45,
        h(c, 12), h(c, 8), h(c, 4), h(c, 0), h(d, 28), h(d, 24), h(d, 20), h(d, 16), h(d, 12), h(d, 8), h(d, 4), h(d, 0),
      );
    },
    hex(length) {
      // Each draw gives 4 digits: the top 16 bits of a 32-bit value, most significant first.
      const n = Math.ceil(length / 8) * 8;
      const codes = codesOf(n);
      for (let i = 0; i < n; i += 4) {
        const x = nextU32();
        codes[i] = HEX_CODES[x >>> 28];
        codes[i + 1] = HEX_CODES[(x >>> 24) & 15];
        codes[i + 2] = HEX_CODES[(x >>> 20) & 15];
        codes[i + 3] = HEX_CODES[(x >>> 16) & 15];
      }
      const out = String.fromCharCode.apply(null, codes);
      return n === length ? out : flat(out.slice(0, length));
    },
    getState: () => [a, b, c, d],
    setState(state) {
      [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
    },
  };
  return rng;
}

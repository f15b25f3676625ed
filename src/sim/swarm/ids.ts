import type { Rng } from '../../lib/rng';

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A SwarmKit object ID (`identity.NewID`): a random 128-bit number in base 36,
 * zero-padded to 25 lowercase alphanumerics. Drawn from the seeded generator.
 * @example newId(createRng(1)).length // 25
 */
export function newId(rng: Rng): string {
  // 128 random bits as four uint32 words, then base-36 digits by long division.
  let words = [0, 0, 0, 0].map(() => Math.floor(rng.next() * 4294967296));
  let out = '';
  for (let i = 0; i < 25; i++) {
    let rem = 0;
    words = words.map((w) => {
      const cur = rem * 4294967296 + w;
      rem = cur % 36;
      return Math.floor(cur / 36);
    });
    out = ALNUM[rem] + out;
  }
  return out;
}

import type { Rng } from '../../../lib/rng';

const PREFIX = 'containerd://';
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The ID's char codes, reused by every call (only the digits change). */
const codes = Array.from(PREFIX + '0'.repeat(64), (c) => c.charCodeAt(0));

/**
 * A container ID as containerd reports it: `containerd://` and 64 hex digits,
 * the very digits `rng.hex(64)` would give (16 draws, the top 16 bits of each,
 * most significant first), built as one flat string: no digit string, rope
 * and flattened copy per container (about 200 bytes).
 * @example containerdID(createRng(1)) === `containerd://${createRng(1).hex(64)}`
 */
export function containerdID(rng: Rng): string {
  for (let i = PREFIX.length; i < codes.length; i += 4) {
    // `next()` is the 32-bit draw over 2^32: scaled back, it is that draw exactly.
    const x = rng.next() * 4294967296;
    codes[i] = HEX[x >>> 28];
    codes[i + 1] = HEX[(x >>> 24) & 15];
    codes[i + 2] = HEX[(x >>> 20) & 15];
    codes[i + 3] = HEX[(x >>> 16) & 15];
  }
  return String.fromCharCode.apply(null, codes);
}

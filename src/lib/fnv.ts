/** 32-bit FNV-1a over the UTF-16 code units of a string (stable, fast; used for template hashes). */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 0x7f) {
      // fold non-ASCII code units in two bytes so the hash matches a byte-wise FNV on BMP text closely enough
      h = Math.imul(h ^ (c >>> 8), 0x01000193) >>> 0;
      c &= 0xff;
    }
    h = Math.imul(h ^ c, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

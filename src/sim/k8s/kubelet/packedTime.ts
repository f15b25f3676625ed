/**
 * Epoch-ms times as the kubelet's per-pod records keep them: an offset from
 * the first time packed, a small integer V8 keeps in the object's field
 * itself, where an epoch time in a field is a heap number of its own (16 B
 * and one more object for every scavenge to copy, three per pod at 150,000
 * pods). A time whose offset is not an exact small integer (a fractional
 * time, one weeks away from the first) is kept whole in an object of its own.
 */
export type PackedTime = number | { readonly at: number };

/** The time offsets count from (set by the first finite time packed: any will do, packing checks exactness). */
let base = NaN;

/** `t` packed: `unpackTime(packTime(t)) === t` for every number. */
export function packTime(t: number): PackedTime {
  if (base !== base && Number.isFinite(t)) base = Math.floor(t);
  const off = t - base;
  // `| 0` keeps the signed 32-bit integers, what V8 keeps in a field (x64) without a heap number.
  return (off | 0) === off && !Object.is(off, -0) && base + off === t ? off : { at: t };
}

/** The time `p` packs. */
export function unpackTime(p: PackedTime): number {
  return typeof p === 'number' ? base + p : p.at;
}

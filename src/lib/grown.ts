/** The typed arrays the engine's columns are made of. */
export type Column = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of `column` with room for `capacity` entries; the new entries hold
 * `fill` (0 unless given). Columns grow by replacement: a typed array has a
 * fixed length.
 *
 * @example grown(new Int32Array([1, 2]), 4, -1) // Int32Array [1, 2, -1, -1]
 */
export function grown<T extends Column>(column: T, capacity: number, fill = 0): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  if (fill !== 0) next.fill(fill);
  (next as Column).set(column as Column);
  return next;
}

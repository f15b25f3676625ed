/**
 * `extend(o, { k: v })` is `{ ...o, k: v }` without the trap Node 20's V8
 * (11.3) has: once the spread site is warm, a spread clone that gains a key
 * its source lacks gets a brand-new hidden class per object. That costs ~1 µs
 * per object, keeps a Map and DescriptorArray alive for every stored object,
 * and turns every later property read of such objects megamorphic.
 * `Object.assign` onto a fresh literal follows the shared transition tree.
 * Use it on the engine's hot paths whenever the added keys may be new.
 *
 * @example extend({ a: 1, b: 0 }, { b: 2 }) // { a: 1, b: 2 }
 */
export function extend<T extends object>(o: T, extra: Partial<T>): T {
  return Object.assign({}, o, extra);
}

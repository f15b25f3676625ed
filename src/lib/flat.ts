/**
 * Flattens a string built by concatenation. V8 keeps `a + b` and template
 * literals as ropes (a tree of parts, ~240 bytes for a short name); reading
 * a character flattens it in place and the garbage collector then drops the
 * tree (~70 bytes). Use it on strings that live as long as objects do
 * (store keys, names, event messages) — it matters at 150,000 pods.
 * @example const key = flat(`${ns}/${name}`);
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

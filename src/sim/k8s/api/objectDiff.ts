/**
 * Deterministic JSON of a value with object keys sorted (a canonical form for
 * hashing and equality of API objects). Cached per object: stored objects are
 * immutable, so a value computed once stays right.
 */
const cache = new WeakMap<object, string>();

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  const hit = cache.get(value);
  if (hit !== undefined) return hit;
  let out: string;
  if (Array.isArray(value)) out = `[${value.map(stableStringify).join(',')}]`;
  else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
  }
  cache.set(value, out);
  return out;
}

/**
 * Deep equality of JSON-like values (key order ignored, fields holding
 * `undefined` ignored). Shared sub-objects short-circuit, so comparing a new
 * version of an object with the old one costs only what changed.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const aArr = Array.isArray(a);
  if (aArr !== Array.isArray(b)) return false;
  if (aArr) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let nx = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    nx++;
    if (!deepEqual(v, y[k])) return false;
  }
  let ny = 0;
  for (const k in y) if (y[k] !== undefined) ny++;
  return nx === ny;
}

/** Everything of an object but metadata and status: the part whose change bumps `generation`. */
export function specPart(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') out[k] = obj[k];
  return out;
}

/**
 * JSON patch (RFC 6902) as the API server applies it (evanphx/json-patch v4),
 * with that library's error texts. Returns a new document or an error.
 */
export interface JsonPatchOperation {
  op: string;
  path?: string;
  from?: string;
  value?: unknown;
}

export type JsonPatchResult = { ok: true; value: unknown } | { ok: false; message: string };

type Container = Record<string, unknown> | unknown[];

class PatchError extends Error {}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container holding the last segment of `path`, and that segment. */
function parentOf(doc: unknown, path: string, op: string): { parent: Container; key: string } {
  const parts = decodePointer(path);
  const key = parts.pop()!;
  let node: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(node)) node = node[Number(p)];
    else if (node && typeof node === 'object') node = (node as Record<string, unknown>)[p];
    else node = undefined;
    if (node === undefined || node === null || typeof node !== 'object') throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (node === null || typeof node !== 'object') throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return { parent: node as Container, key };
}

function arrayIndex(arr: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return arr.length;
  const i = Number(key);
  if (!/^\d+$/.test(key) || i > arr.length || (!forAdd && i >= arr.length)) throw new PatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
  return i;
}

function get(doc: unknown, path: string, op: string): unknown {
  if (path === '') return doc;
  const { parent, key } = parentOf(doc, path, op);
  const v = Array.isArray(parent) ? parent[arrayIndex(parent, key, false)] : parent[key];
  if (v === undefined) throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return v;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const { parent, key } = parentOf(doc, path, 'add');
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const { parent, key } = parentOf(doc, path, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else {
    if (!(key in parent)) throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
  return doc;
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** Applies RFC 6902 operations in order; the first failing one aborts the patch. */
export function jsonPatch(target: unknown, ops: unknown): JsonPatchResult {
  if (!Array.isArray(ops)) return { ok: false, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let doc = clone(target);
  try {
    for (const raw of ops as JsonPatchOperation[]) {
      const path = raw.path ?? '';
      switch (raw.op) {
        case 'add':
          doc = add(doc, path, clone(raw.value));
          break;
        case 'remove':
          doc = remove(doc, path);
          break;
        case 'replace': {
          const { parent, key } = parentOf(doc, path, 'replace');
          if (Array.isArray(parent)) parent[arrayIndex(parent, key, false)] = clone(raw.value);
          else {
            if (!(key in parent)) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
            parent[key] = clone(raw.value);
          }
          break;
        }
        case 'move': {
          const v = get(doc, raw.from ?? '', 'move');
          doc = remove(doc, raw.from ?? '', 'move');
          doc = add(doc, path, v);
          break;
        }
        case 'copy':
          doc = add(doc, path, clone(get(doc, raw.from ?? '', 'copy')));
          break;
        case 'test': {
          let v: unknown;
          try {
            v = get(doc, path, 'test');
          } catch {
            v = undefined;
          }
          if (!equal(v, raw.value)) throw new PatchError(`testing value ${path} failed: test failed`);
          break;
        }
        default:
          throw new PatchError(`Unexpected kind: ${raw.op}`);
      }
    }
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, value: doc };
}

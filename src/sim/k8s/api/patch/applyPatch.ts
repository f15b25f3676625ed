import type { ResourceInfo } from '../resources';
import { goJson } from '../schema/goJson';
import type { KubeObject } from '../types';
import { jsonMergePatch } from './jsonMergePatch';
import { jsonPatch } from './jsonPatch';
import { elementOf, fieldOf, typeOfKind, type TypeExpr } from './patchMeta';
import { strategicMergePatch } from './strategicMergePatch';

/**
 * kubectl's client-side apply (`kubectl apply` without --server-side): the
 * last-applied annotation and the three-way strategic patch
 * (`strategicpatch.CreateThreeWayMergePatch(lastApplied, desired, live)`):
 * deletions are what left the last-applied configuration, changes are where
 * live differs from desired; fields only the server set are left alone.
 */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `GetModifiedConfiguration`: the desired object without the annotation, as Go JSON (keys sorted, `annotations: {}` kept) plus a newline. */
export function lastAppliedValue(desired: unknown): string {
  if (!isObj(desired)) return `${goJson(desired)}\n`;
  const meta = isObj(desired.metadata) ? desired.metadata : {};
  const annotations = { ...(isObj(meta.annotations) ? meta.annotations : {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  return `${goJson({ ...desired, metadata: { ...meta, annotations } })}\n`;
}

/** The object kubectl sends as "modified": desired with its last-applied annotation set. */
function withAnnotation(desired: unknown): Obj {
  const d = isObj(desired) ? desired : {};
  const meta = isObj(d.metadata) ? d.metadata : {};
  return { ...d, metadata: { ...meta, annotations: { ...(isObj(meta.annotations) ? meta.annotations : {}), [LAST_APPLIED_ANNOTATION]: lastAppliedValue(desired) } } };
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

/** `diffMaps`: the strategic patch that turns `from` into `to`, limited by the options. */
function diffMaps(from: Obj, to: Obj, type: TypeExpr, opts: DiffOptions): Obj {
  const patch: Obj = {};
  for (const [k, tv] of Object.entries(to)) {
    const fv = from[k];
    const { type: fieldType, meta } = fieldOf(type, k);
    if (fv === undefined || fv === null) {
      if (!opts.ignoreChangesAndAdditions && tv !== null) patch[k] = tv;
      continue;
    }
    if (isObj(fv) && isObj(tv)) {
      const sub = diffMaps(fv, tv, fieldType, opts);
      if (Object.keys(sub).length) {
        if (meta?.strategy.includes('retainKeys')) sub.$retainKeys = Object.keys(tv).sort();
        patch[k] = sub;
      }
    } else if (Array.isArray(fv) && Array.isArray(tv) && meta?.strategy.includes('merge')) {
      diffLists(patch, k, fv, tv, meta.key, elementOf(fieldType), meta.strategy.includes('retainKeys'), opts);
    } else if (!equal(fv, tv) && !opts.ignoreChangesAndAdditions) patch[k] = tv;
  }
  if (!opts.ignoreDeletions) for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  return patch;
}

/** `diffLists` for merged lists: changed items by key, `$patch: delete` items, `$setElementOrder`. */
function diffLists(patch: Obj, field: string, from: unknown[], to: unknown[], key: string | undefined, elemType: TypeExpr, retainKeys: boolean, opts: DiffOptions): void {
  if (!key) {
    const added = to.filter((v) => !from.some((f) => equal(f, v)));
    const removed = from.filter((v) => !to.some((t) => equal(t, v)));
    const changes = !opts.ignoreChangesAndAdditions && added.length > 0;
    const deletions = !opts.ignoreDeletions && removed.length > 0;
    if (changes) patch[field] = added;
    if (deletions) patch[`$deleteFromPrimitiveList/${field}`] = removed;
    if (changes || deletions) patch[`$setElementOrder/${field}`] = to;
    return;
  }
  const keyOf = (x: unknown) => (isObj(x) ? x[key] : undefined);
  const items: unknown[] = [];
  for (const t of to) {
    if (!isObj(t)) continue;
    const f = from.find((x) => equal(keyOf(x), t[key]));
    if (!isObj(f)) {
      if (!opts.ignoreChangesAndAdditions) items.push(t);
      continue;
    }
    const sub = diffMaps(f, t, elemType, opts);
    if (Object.keys(sub).length) {
      if (retainKeys) sub.$retainKeys = Object.keys(t).sort();
      items.push({ ...sub, [key]: t[key] });
    }
  }
  if (!opts.ignoreDeletions) for (const f of from) if (isObj(f) && !to.some((t) => equal(keyOf(t), f[key]))) items.push({ $patch: 'delete', [key]: f[key] });
  if (items.length === 0) return;
  patch[field] = items;
  patch[`$setElementOrder/${field}`] = to.filter(isObj).map((t) => ({ [key]: t[key] }));
}

/** Merges the deletions patch and the changes patch (both computed against desired). */
function mergePatches(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const av = out[k];
    if (isObj(av) && isObj(v)) out[k] = mergePatches(av, v);
    else if (Array.isArray(av) && Array.isArray(v) && !k.startsWith('$setElementOrder/')) out[k] = [...av, ...v];
    else out[k] = v;
  }
  return out;
}

/** kubectl apply's three-way patch (strategic for built-in kinds); `empty` when there is nothing to change (→ "unchanged"). */
export function createApplyPatch(live: KubeObject, lastApplied: unknown | undefined, desired: unknown, info: ResourceInfo): { patch: Record<string, unknown>; empty: boolean } {
  const type = typeOfKind(info.kind, info.group ? `${info.group}/${info.version}` : info.version);
  const modified = withAnnotation(desired);
  const original = isObj(lastApplied) ? lastApplied : {};
  const deletions = diffMaps(original, modified, type, { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  const changes = diffMaps(live as Obj, modified, type, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const patch = mergePatches(deletions, changes);
  return { patch, empty: Object.keys(patch).length === 0 };
}

/** Applies a patch of any type (the API server's PATCH): the patched object, or the patch library's error. */
export function applyPatch(original: KubeObject, patch: unknown, type: 'strategic' | 'merge' | 'json', info: ResourceInfo): { ok: true; object: KubeObject } | { ok: false; message: string } {
  if (type === 'json') {
    const r = jsonPatch(original, patch);
    return r.ok ? { ok: true, object: r.value as KubeObject } : r;
  }
  if (!isObj(patch)) return { ok: false, message: `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}` };
  if (type === 'merge') return { ok: true, object: jsonMergePatch(original, patch) as KubeObject };
  return { ok: true, object: strategicMergePatch(original, patch, info) as KubeObject };
}

import type { ResourceInfo } from '../resources';
import { elementOf, fieldOf, typeOfKind, type TypeExpr } from './patchMeta';

/**
 * Strategic merge patch as apimachinery's `strategicpatch` applies it: maps
 * merge, `null` deletes, lists merge by their patch merge key (containers by
 * name, ports by containerPort, …) or are replaced, and the directives
 * `$patch: replace|delete`, `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>` are honoured. Returns a new object.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

function isDirective(key: string): boolean {
  return key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ORDER) || key.startsWith(DELETE_PRIMITIVE);
}

/** A patch value with its directives removed, as it lands when nothing is there to merge with. */
export function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isObj(x) && x[PATCH] !== undefined && Object.keys(x).length === 1)).map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!isDirective(k) && x !== null) out[k] = stripDirectives(x);
  return out;
}

function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isObj(v)) {
    const out: Obj = {};
    for (const k in v) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}

function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** Applies a strategic merge patch to `original` (an object of `kind`). */
export function strategicMergePatch(original: unknown, patch: unknown, kind: string | ResourceInfo): unknown {
  const type = typeof kind === 'string' ? typeOfKind(kind, isObj(original) ? String(original.apiVersion ?? '') : undefined) : typeOfKind(kind.kind, kind.group ? `${kind.group}/${kind.version}` : kind.version);
  if (!isObj(patch)) return clone(patch);
  const out = mergeMap(isObj(original) ? original : {}, patch, type);
  return out === undefined ? {} : out;
}

/** Merges a patch map into an original map; undefined means `$patch: delete`. */
function mergeMap(original: Obj, patch: Obj, type: TypeExpr): Obj | undefined {
  if (patch[PATCH] === 'delete') return undefined;
  if (patch[PATCH] === 'replace') return stripDirectives(patch) as Obj;
  const out = clone(original);
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  for (const [k, values] of Object.entries(patch)) {
    if (!k.startsWith(DELETE_PRIMITIVE) || !Array.isArray(values)) continue;
    const field = k.slice(DELETE_PRIMITIVE.length);
    if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !values.some((v) => sameKey(v, x)));
  }
  for (const [k, pv] of Object.entries(patch)) {
    if (isDirective(k)) continue;
    if (pv === null) {
      delete out[k];
      continue;
    }
    const { type: fieldType, meta } = fieldOf(type, k);
    const ov = out[k];
    if (isObj(pv)) {
      const merged = mergeMap(isObj(ov) ? ov : {}, pv, fieldType);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else if (Array.isArray(pv)) {
      if (meta?.strategy.includes('merge') && Array.isArray(ov)) out[k] = mergeList(ov, pv, meta.key, elementOf(fieldType), meta.strategy.includes('retainKeys'));
      else if (pv.some((x) => isObj(x) && x[PATCH] === 'replace')) out[k] = stripDirectives(pv.filter((x) => !(isObj(x) && x[PATCH] === 'replace')));
      else out[k] = stripDirectives(pv);
    } else out[k] = pv;
  }
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith(SET_ORDER) || !Array.isArray(order)) continue;
    const field = k.slice(SET_ORDER.length);
    const { meta } = fieldOf(type, field);
    if (Array.isArray(out[field])) out[field] = applyOrder(out[field] as unknown[], order, meta?.key);
  }
  return out;
}

/** Merges a patch list into an original list by merge key (or as a set of primitives). */
function mergeList(original: unknown[], patch: unknown[], key: string | undefined, elemType: TypeExpr, _retainKeys: boolean): unknown[] {
  if (patch.some((x) => isObj(x) && x[PATCH] === 'replace')) return stripDirectives(patch.filter((x) => !(isObj(x) && x[PATCH] === 'replace'))) as unknown[];
  if (!key) {
    const out = clone(original);
    for (const v of patch) if (!out.some((x) => sameKey(x, v))) out.push(clone(v));
    return out;
  }
  let out = clone(original);
  for (const item of patch) {
    if (!isObj(item)) continue;
    if (item[PATCH] === 'delete') {
      out = out.filter((x) => !(isObj(x) && sameKey(x[key], item[key])));
      continue;
    }
    const i = out.findIndex((x) => isObj(x) && sameKey(x[key], item[key]));
    if (i >= 0) {
      const merged = mergeMap(out[i] as Obj, item, elemType);
      if (merged === undefined) out.splice(i, 1);
      else out[i] = merged;
    } else out.push(stripDirectives(item));
  }
  return out;
}

/** `$setElementOrder`: listed items first, in that order; the others keep their relative order after them. */
function applyOrder(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const keyOf = (x: unknown) => (key && isObj(x) ? x[key] : x);
  const orderKeys = order.map((o) => (key && isObj(o) ? o[key] : o));
  const ordered: unknown[] = [];
  for (const k of orderKeys) {
    const found = list.find((x) => sameKey(keyOf(x), k));
    if (found !== undefined) ordered.push(found);
  }
  const rest = list.filter((x) => !orderKeys.some((k) => sameKey(keyOf(x), k)));
  return [...ordered, ...rest];
}

import type { KubeObject } from '../../../../sim/k8s/index';
import { APPS_STRUCTS } from './goStructOrderApps';
import { AUTHENTICATION_STRUCTS } from './goStructOrderAuthentication';
import { AUTOSCALING_STRUCTS } from './goStructOrderAutoscaling';
import { BATCH_STRUCTS } from './goStructOrderBatch';
import { CORE_STRUCTS } from './goStructOrderCore';
import { META_STRUCTS, TYPED_OBJECT } from './goStructOrderMeta';
import { NETWORKING_STRUCTS } from './goStructOrderNetworking';
import { POLICY_STRUCTS } from './goStructOrderPolicy';
import { RBAC_STRUCTS } from './goStructOrderRbac';
import { SCHEDULING_STRUCTS } from './goStructOrderScheduling';

/**
 * A Go struct's JSON fields in declaration order, embedded (inline) structs
 * flattened in place. `'name:Struct'` marks a field holding that struct or a
 * list of them; a bare `'name'` holds a scalar, a list of scalars or a map.
 */
export type StructFields = readonly string[];

/** Go struct name → its fields. */
export type StructTable = Readonly<Record<string, StructFields>>;

/** The structs of one API group version and the kinds it serves (each kind's top level is the struct of that name). */
export interface StructGroup {
  apiVersion: string;
  kinds: readonly string[];
  structs: StructTable;
}

/** Every group whose kinds kubectl's generator commands build; the orders are checked against kubectl v1.32 in goStructOrderCases.json. */
export const STRUCT_GROUPS: readonly StructGroup[] = [
  CORE_STRUCTS,
  APPS_STRUCTS,
  BATCH_STRUCTS,
  RBAC_STRUCTS,
  NETWORKING_STRUCTS,
  POLICY_STRUCTS,
  SCHEDULING_STRUCTS,
  AUTOSCALING_STRUCTS,
  AUTHENTICATION_STRUCTS,
];

interface Layout {
  rank: ReadonlyMap<string, number>;
  structOf: ReadonlyMap<string, string>;
}

/** Not a Go struct: the fallback for kinds outside the table, only TypeMeta and ObjectMeta are known. */
const ANY_KIND = '(any kind)';

const structs = new Map<string, StructFields>([[ANY_KIND, TYPED_OBJECT], ...Object.entries(META_STRUCTS)]);
const rootStructs = new Map<string, string>();
for (const group of STRUCT_GROUPS) {
  for (const [name, fields] of Object.entries(group.structs)) structs.set(name, fields);
  for (const kind of group.kinds) rootStructs.set(`${group.apiVersion} ${kind}`, kind);
}

const layouts = new Map<string, Layout>();
function layoutOf(struct: string): Layout | undefined {
  let layout = layouts.get(struct);
  if (layout) return layout;
  const fields = structs.get(struct);
  if (!fields) return undefined;
  const rank = new Map<string, number>();
  const structOf = new Map<string, string>();
  fields.forEach((spec, i) => {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    rank.set(name, i);
    if (colon >= 0) structOf.set(name, spec.slice(colon + 1));
  });
  layout = { rank, structOf };
  layouts.set(struct, layout);
  return layout;
}

/** Go's encoding/json sorts map keys bytewise; fields it does not know are kept in that order too. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function reorder(value: unknown, struct: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, struct));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const layout = struct === undefined ? undefined : layoutOf(struct);
  const keys = Object.keys(obj).sort(byKey);
  if (layout) {
    const rank = (k: string) => layout.rank.get(k) ?? Number.MAX_SAFE_INTEGER;
    keys.sort((a, b) => rank(a) - rank(b));
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = reorder(obj[key], layout?.structOf.get(key));
  return out;
}

/**
 * A copy of `obj` with its fields in Go struct declaration order, as kubectl prints an
 * object it built itself (`kubectl create deployment … -o json`); maps (labels, data,
 * resource lists) and fields outside the table stay sorted by key. Kinds outside the
 * table get only TypeMeta and ObjectMeta in order. Integer-like map keys ("10", "9") are the
 * one thing a JavaScript object cannot hold in Go's order (it lists them first, numerically).
 * @example inGoStructOrder(pod) // { kind, apiVersion, metadata: { name, …, labels }, spec: { containers, restartPolicy, dnsPolicy }, status }
 */
export function inGoStructOrder(obj: KubeObject): KubeObject {
  return reorder(obj, rootStructs.get(`${obj.apiVersion} ${obj.kind}`) ?? ANY_KIND) as KubeObject;
}

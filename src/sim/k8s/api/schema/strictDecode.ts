import { canonicalQuantity, parseQuantity } from '../../../../lib/quantity';
import type { CompactSchema } from './compactSchema';

/**
 * Decodes a JSON value into a typed API struct the way the API server's
 * strict JSON decoder (sigs.k8s.io/json) does: Go `UnmarshalTypeError`s
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32`), errors from custom unmarshalers (Quantity, IntOrString,
 * Time), and strict errors for unknown fields. Keys are visited in sorted
 * order, as kubectl sends them. Quantities come back in canonical form.
 */
export interface StrictDecodeResult {
  /** The decoded copy (quantities canonical, nulls in structs dropped). */
  value: unknown;
  /** A fatal or type error: decoding failed with this Go error text. */
  error?: { message: string; path: (string | number)[] };
  /** `unknown field "spec.foo"` errors, in order. */
  unknown: { message: string; path: (string | number)[] }[];
}

const QUANTITY_FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
/** `resource.ErrFormatWrong`. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const INT_RANGE: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63 - 1] };

class Fatal extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

interface Ctx {
  schema: CompactSchema;
  /** Struct holding the current field (Go's errorContext.Struct). */
  struct: string;
  /** Field names from the root, no indices (Go's errorContext.FieldStack). */
  fields: string[];
  /** Full path for strict errors and positions. */
  path: (string | number)[];
  typeError?: { message: string; path: (string | number)[] };
  unknown: { message: string; path: (string | number)[] }[];
}

/** Decodes `value` as the object type `typeName` of `schema`. */
export function strictDecode(value: unknown, typeName: string, schema: CompactSchema): StrictDecodeResult {
  const ctx: Ctx = { schema, struct: '', fields: [], path: [], unknown: [] };
  try {
    const out = decode(value, typeName, ctx);
    if (ctx.typeError) return { value: out, error: ctx.typeError, unknown: [] };
    return { value: out, unknown: ctx.unknown };
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    return { value: undefined, error: { message: e.message, path: e.path }, unknown: [] };
  }
}

function baseName(type: string): string {
  const i = type.indexOf('~');
  return i < 0 ? type : type.slice(0, i);
}

/** The Go type a compact type expression stands for, as `reflect.Type.String()` prints it. */
export function goTypeName(expr: string, schema: CompactSchema): string {
  switch (expr) {
    case 's':
      return 'string';
    case 'b':
      return 'bool';
    case 'i32':
      return 'int32';
    case 'i64':
      return 'int64';
    case 'f64':
      return 'float64';
    case 'ios':
      return 'intstr.IntOrString';
    case 'q':
      return 'resource.Quantity';
    case 't':
      return 'v1.Time';
    case 'any':
      return 'runtime.RawExtension';
  }
  if (expr.startsWith('[]')) return `[]${goTypeName(expr.slice(2), schema)}`;
  if (expr === '{}q') return 'v1.ResourceList';
  if (expr.startsWith('{}')) return `map[string]${goTypeName(expr.slice(2), schema)}`;
  return `${schema.types[expr]?.g ?? 'v1'}.${baseName(expr)}`;
}

/** Go's name for the JSON kind of a value in an UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** encoding/json's float64 text (exponent form outside [1e-6, 1e21)). */
export function goJsonNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function typeErrorText(value: string, goType: string, ctx: Ctx): string {
  if (ctx.struct || ctx.fields.length) return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
}

function saveTypeError(value: string, goType: string, ctx: Ctx): void {
  if (!ctx.typeError) ctx.typeError = { message: typeErrorText(value, goType, ctx), path: [...ctx.path] };
}

function decodeInt(v: unknown, goType: 'int32' | 'int64', ctx: Ctx, fatal: boolean): unknown {
  if (typeof v === 'number') {
    const [lo, hi] = INT_RANGE[goType];
    if (Number.isInteger(v) && v >= lo && v <= hi) return v;
    const text = typeErrorText(`number ${goJsonNumber(v)}`, goType, ctx);
    if (fatal) throw new Fatal(text, [...ctx.path]);
    if (!ctx.typeError) ctx.typeError = { message: text, path: [...ctx.path] };
    return undefined;
  }
  if (fatal) throw new Fatal(typeErrorText(jsonKind(v), goType, ctx), [...ctx.path]);
  saveTypeError(jsonKind(v), goType, ctx);
  return undefined;
}

function decodeQuantity(v: unknown, ctx: Ctx): string {
  const text = (typeof v === 'string' ? v : typeof v === 'number' ? goJsonNumber(v) : JSON.stringify(v)).trim();
  const m = QUANTITY_FORMAT.exec(text);
  if (!m || text === '') throw new Fatal(QUANTITY_FORMAT_ERROR, [...ctx.path]);
  if (!parseQuantity(text)) {
    const numeric = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1]);
    throw new Fatal(numeric ? "unable to parse quantity's suffix" : 'unable to parse numeric part of quantity', [...ctx.path]);
  }
  return canonicalQuantity(text);
}

function decode(v: unknown, expr: string, ctx: Ctx): unknown {
  if (v === null || v === undefined) return undefined;
  switch (expr) {
    case 'any':
      return v;
    case 's':
      if (typeof v === 'string') return v;
      saveTypeError(jsonKind(v), 'string', ctx);
      return undefined;
    case 'b':
      if (typeof v === 'boolean') return v;
      saveTypeError(jsonKind(v), 'bool', ctx);
      return undefined;
    case 'i32':
      return decodeInt(v, 'int32', ctx, false);
    case 'i64':
      return decodeInt(v, 'int64', ctx, false);
    case 'f64':
      if (typeof v === 'number') return v;
      saveTypeError(jsonKind(v), 'float64', ctx);
      return undefined;
    case 'ios':
      // intstr.IntOrString.UnmarshalJSON: a string, else json.Unmarshal into int32.
      return typeof v === 'string' ? v : decodeInt(v, 'int32', ctx, true);
    case 'q':
      return decodeQuantity(v, ctx);
    case 't':
      if (typeof v !== 'string') throw new Fatal(typeErrorText(jsonKind(v), 'string', ctx), [...ctx.path]);
      return v;
  }
  if (expr.startsWith('[]')) {
    if (!Array.isArray(v)) {
      saveTypeError(jsonKind(v), goTypeName(expr, ctx.schema), ctx);
      return undefined;
    }
    const item = expr.slice(2);
    return v.map((x, i) => withPath(ctx, i, undefined, () => decode(x, item, ctx) ?? zero(item)));
  }
  if (expr.startsWith('{}')) {
    if (typeof v !== 'object' || Array.isArray(v)) {
      saveTypeError(jsonKind(v), goTypeName(expr, ctx.schema), ctx);
      return undefined;
    }
    const item = expr.slice(2);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = withPath(ctx, key, undefined, () => decode((v as Record<string, unknown>)[key], item, ctx) ?? zero(item));
    return reorder(v as Record<string, unknown>, out);
  }
  return decodeStruct(v, expr, ctx);
}

function decodeStruct(v: unknown, expr: string, ctx: Ctx): unknown {
  const type = ctx.schema.types[expr];
  if (!type) return v;
  if (typeof v !== 'object' || Array.isArray(v)) {
    saveTypeError(jsonKind(v), goTypeName(expr, ctx.schema), ctx);
    return undefined;
  }
  const obj = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    const fieldType = type.f[key];
    if (fieldType === undefined) {
      ctx.unknown.push({ message: `unknown field "${strictPath([...ctx.path, key])}"`, path: [...ctx.path, key] });
      continue;
    }
    const decoded = withPath(ctx, key, baseName(expr), () => decode(obj[key], fieldType, ctx));
    if (decoded !== undefined) out[key] = decoded;
  }
  return reorder(obj, out);
}

/** Keeps the user's key order in the decoded copy (keys were visited sorted). */
function reorder(input: Record<string, unknown>, decoded: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) if (key in decoded) out[key] = decoded[key];
  return out;
}

/** The zero value Go leaves for a `null` list item or map value. */
function zero(expr: string): unknown {
  if (expr === 's') return '';
  if (expr === 'b') return false;
  if (expr === 'i32' || expr === 'i64' || expr === 'f64') return 0;
  if (expr === 'q') return '0';
  if (expr === 'any' || expr === 'ios' || expr === 't') return null;
  if (expr.startsWith('[]') || expr.startsWith('{}')) return null;
  return {};
}

function withPath<T>(ctx: Ctx, step: string | number, struct: string | undefined, fn: () => T): T {
  const saved = { struct: ctx.struct, fields: ctx.fields.length, path: ctx.path.length };
  ctx.path.push(step);
  if (struct !== undefined && typeof step === 'string') {
    ctx.struct = struct;
    ctx.fields.push(step);
  }
  try {
    return fn();
  } finally {
    ctx.path.length = saved.path;
    ctx.fields.length = saved.fields;
    ctx.struct = saved.struct;
  }
}

/** sigs.k8s.io/json's strict path: `spec.template.spec.containers[0].imagee`. */
export function strictPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const step of path) s += typeof step === 'number' ? `[${step}]` : s ? `.${step}` : step;
  return s;
}

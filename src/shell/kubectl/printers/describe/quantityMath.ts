import { formatQuantity, parseQuantity, type Quantity } from '../../../../lib/quantity';

/**
 * The `resource.Quantity` arithmetic describe needs: sums that keep the
 * first operand's format, canonical `String()`, milli and integer values.
 */

export type ResourceList = Record<string, Quantity>;

/** The zero quantity. */
export const ZERO: Quantity = { value: 0, format: 'DecimalSI', num: 0n, scale: 0 };

/** A quantity from a JSON value, or undefined when absent or invalid. */
export function quantityOf(v: unknown): Quantity | undefined {
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}

/** `q.Add(y)`: exact sum; a zero receiver takes y's format. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  const scale = Math.max(q.scale, y.scale);
  const num = q.num * 10n ** BigInt(scale - q.scale) + y.num * 10n ** BigInt(scale - y.scale);
  const format = q.num === 0n ? y.format : q.format;
  return { value: Number(num) / 10 ** scale, format, num, scale };
}

/** `Quantity.Cmp`. */
export function cmpQuantity(a: Quantity, b: Quantity): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.num * 10n ** BigInt(scale - a.scale);
  const y = b.num * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `Quantity.String()`. */
export function quantityString(q: Quantity | undefined): string {
  return formatQuantity(q ?? ZERO);
}

/** `MilliValue()` (rounded up). */
export function milliValue(q: Quantity | undefined): number {
  if (!q) return 0;
  const d = 10n ** BigInt(q.scale);
  const m = q.num * 1000n;
  return Number(m / d + (m % d > 0n ? 1n : 0n));
}

/** `Value()` (rounded up). */
export function intValue(q: Quantity | undefined): number {
  if (!q) return 0;
  const d = 10n ** BigInt(q.scale);
  return Number(q.num / d + (q.num % d > 0n ? 1n : 0n));
}

/** A resource map (`requests`, `limits`, `capacity`) parsed into quantities. */
export function resourceList(map: unknown): ResourceList {
  const out: ResourceList = {};
  if (map && typeof map === 'object') {
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      const q = quantityOf(v);
      if (q) out[k] = q;
    }
  }
  return out;
}

/** Adds each quantity of `add` into `list`. */
export function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [k, q] of Object.entries(add)) list[k] = list[k] ? addQuantity(list[k], q) : { ...q };
}

/** Raises each quantity of `list` to the one in `other` when larger. */
export function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [k, q] of Object.entries(other)) if (!list[k] || cmpQuantity(q, list[k]) > 0) list[k] = { ...q };
}

import { formatQuantity, parseQuantity, type Quantity, type QuantityFormat } from '../../../../lib/quantity';

/** An exact amount (nano-units) with the format it prints in, as `resource.Quantity` adds them. */
export interface Amount {
  nano: bigint;
  format: QuantityFormat;
}

/** `v1.ResourceList` as exact amounts. */
export type Amounts = Map<string, Amount>;

/** A quantity string as an exact amount (zero when invalid). */
export function amountOf(v: unknown): Amount {
  const q = parseQuantity(String(v ?? '0'));
  if (!q) return { nano: 0n, format: 'DecimalSI' };
  return { nano: q.scale <= 9 ? q.num * 10n ** BigInt(9 - q.scale) : q.num / 10n ** BigInt(q.scale - 9), format: q.format };
}

export function count(n: number): Amount {
  return { nano: BigInt(n) * 1_000_000_000n, format: 'DecimalSI' };
}

/** `Quantity.String()` of an amount. */
export function formatAmount(a: Amount | undefined): string {
  if (!a) return '0';
  const q: Quantity = { value: Number(a.nano) / 1e9, format: a.format, num: a.nano, scale: 9 };
  return formatQuantity(q);
}

/** `quota.Add`: keeps the first operand's format. */
export function add(into: Amounts, key: string, a: Amount): void {
  const cur = into.get(key);
  into.set(key, cur ? { nano: cur.nano + a.nano, format: cur.format } : a);
}

/** The resource list of an object field (`spec.hard`, `status.used`). */
export function amountsOf(list: Record<string, unknown> | undefined): Amounts {
  const m: Amounts = new Map();
  for (const [k, v] of Object.entries(list ?? {})) m.set(k, amountOf(v));
  return m;
}

/** Back to a resource list of canonical strings, keys sorted. */
export function toResourceList(m: Amounts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = formatAmount(m.get(k));
  return out;
}

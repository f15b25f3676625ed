/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`), parsed exactly and
 * printed in the API server's canonical form.
 * @example parseQuantity('1.5Gi')!.value // 1610612736
 * @example canonicalQuantity('0.5') // '500m'
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in base units (cores, bytes) as a float; exact for realistic sizes. */
  value: number;
  format: QuantityFormat;
  /** Exact value as a fraction numerator / 10^scale (for canonical printing). */
  num: bigint;
  scale: number;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** Parses a quantity string or number; undefined when it is not a valid quantity. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === 'number' ? numberToText(input) : input.trim();
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix = ''] = m;
  const [intPart, fracPart = ''] = digits.split('.');
  let num = BigInt((intPart || '0') + fracPart);
  let scale = fracPart.length;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY) {
    num *= 1n << BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (suffix.startsWith('e') || suffix.startsWith('E')) {
    scale -= Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    scale -= DECIMAL[suffix];
  }
  if (sign === '-') num = -num;
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { value: Number(num) / 10 ** scale, format, num, scale };
}

function numberToText(n: number): string {
  const s = String(n);
  return s.includes('e') ? n.toFixed(9).replace(/\.?0+$/, '') : s;
}

/** Value in thousandths, rounded up as `Quantity.MilliValue()` does (CPU millicores). */
export function milliValue(q: Quantity): number {
  return ceilDiv(q.num * 1000n, 10n ** BigInt(q.scale));
}

/** Value in whole base units, rounded up as `Quantity.Value()` does (bytes). */
export function intValue(q: Quantity): number {
  return ceilDiv(q.num, 10n ** BigInt(q.scale));
}

function ceilDiv(a: bigint, b: bigint): number {
  const q = a / b;
  return Number(a % b > 0n ? q + 1n : q);
}

const DECIMAL_SUFFIX_BY_EXP: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIXES: [string, number][] = [['Ei', 60], ['Pi', 50], ['Ti', 40], ['Gi', 30], ['Mi', 20], ['Ki', 10]];

/** The canonical string the API server stores for a quantity (`0.5` → `500m`, `1536Mi`, `1Gi`). */
export function formatQuantity(q: Quantity): string {
  let format = q.format;
  // Values below one nanounit are rounded up to 1n, as resource.Quantity does.
  let num = q.num;
  let scale = q.scale;
  if (scale > 9) {
    const div = 10n ** BigInt(scale - 9);
    num = num / div + (num % div > 0n ? 1n : 0n);
    scale = 9;
  }
  const sign = num < 0n ? '-' : '';
  if (num < 0n) num = -num;
  if (format === 'BinarySI') {
    const isInt = scale === 0 || num % 10n ** BigInt(scale) === 0n;
    const bytes = isInt ? num / 10n ** BigInt(scale) : 0n;
    if (!isInt || bytes < 1024n) format = 'DecimalSI';
    else {
      for (const [suffix, shift] of BINARY_SUFFIXES) {
        const unit = 1n << BigInt(shift);
        if (bytes % unit === 0n) return `${sign}${bytes / unit}${suffix}`;
      }
      return `${sign}${bytes}`;
    }
  }
  if (num === 0n) return '0';
  // find the largest exponent (multiple of 3) that keeps the mantissa integral
  let exp = -scale;
  while (num % 10n === 0n) {
    num /= 10n;
    exp += 1;
  }
  let e3 = Math.floor(exp / 3) * 3;
  if (format === 'DecimalExponent') {
    const mant = num * 10n ** BigInt(exp - e3);
    return e3 === 0 ? `${sign}${mant}` : `${sign}${mant}e${e3}`;
  }
  e3 = Math.max(-9, Math.min(18, e3));
  const mant = num * 10n ** BigInt(exp - e3);
  return `${sign}${mant}${DECIMAL_SUFFIX_BY_EXP[e3]}`;
}

/** Parses and re-prints a quantity in canonical form; returns the input unchanged when invalid. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}

/** CPU in millicores from a quantity string (0 when absent or invalid). */
export function cpuMillis(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const q = parseQuantity(input);
  return q ? milliValue(q) : 0;
}

/** Memory (or any byte quantity) in bytes (0 when absent or invalid). */
export function bytesOf(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const q = parseQuantity(input);
  return q ? intValue(q) : 0;
}

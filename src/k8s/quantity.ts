/**
 * Kubernetes resource quantities (apimachinery `resource.Quantity`), parsed exactly.
 * Values are held as a bigint count of nano-units, so `100m`, `0.1`, `1e-1` compare equal
 * and binary suffixes never lose precision; anything finer than a nano-unit rounds up, as Kubernetes does.
 */

const NANO = 1_000_000_000n;

const binarySuffixes: Readonly<Record<string, bigint>> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};

/** Decimal SI suffixes as powers of ten. */
const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const grammar = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/;

/** A parsed quantity: an exact number of nano-units. */
export interface Quantity {
  readonly nanos: bigint;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Scales `digits × 10^exp` to nano-units, rounding a remainder up (away from zero), as Kubernetes does. */
const toNanos = (negative: boolean, digits: bigint, exp: number): bigint => {
  const shift = exp + 9;
  let magnitude: bigint;
  if (shift >= 0) magnitude = digits * pow10(shift);
  else {
    const div = pow10(-shift);
    magnitude = digits / div + (digits % div === 0n ? 0n : 1n);
  }
  return negative ? -magnitude : magnitude;
};

/** Parses a quantity string; `undefined` when it is not one. */
export const parseQuantity = (raw: string): Quantity | undefined => {
  const m = grammar.exec(raw.trim() === raw ? raw : '');
  if (m === null) return undefined;
  const [, sign = '', number = '', binary, exponent, decimal] = m;
  const [whole = '', fraction = ''] = number.split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  const negative = sign === '-';
  if (binary !== undefined) {
    const factor = binarySuffixes[binary] ?? 1n;
    return { nanos: toNanos(negative, digits * factor, -fraction.length) };
  }
  const exp = exponent !== undefined ? Number(exponent.slice(1)) : (decimalSuffixes[decimal ?? ''] ?? 0);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 100) return undefined;
  return { nanos: toNanos(negative, digits, exp - fraction.length) };
};

export const isQuantity = (raw: string): boolean => parseQuantity(raw) !== undefined;

/** Nano-units of a quantity string, 0 for a missing or unparsable one. */
export const nanosOf = (raw: string | undefined): bigint => (raw === undefined ? 0n : (parseQuantity(raw)?.nanos ?? 0n));

/** Whole units, rounded up (the value `Quantity.Value()` reports). */
export const valueOf = (raw: string | undefined): bigint => {
  const n = nanosOf(raw);
  return n / NANO + (n % NANO > 0n ? 1n : 0n);
};

/** Milli-units, rounded up (`Quantity.MilliValue()`). */
export const milliValueOf = (raw: string | undefined): bigint => {
  const n = nanosOf(raw);
  return n / 1_000_000n + (n % 1_000_000n > 0n ? 1n : 0n);
};

export const compareQuantities = (a: string | undefined, b: string | undefined): number => {
  const d = nanosOf(a) - nanosOf(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** A quantity from a byte count, in the largest binary suffix that divides it (what kubectl users expect). */
export const formatBytes = (bytes: bigint): string => {
  if (bytes === 0n) return '0';
  for (const [suffix, factor] of Object.entries(binarySuffixes).reverse()) {
    if (bytes % factor === 0n) return `${bytes / factor}${suffix}`;
  }
  return bytes.toString();
};

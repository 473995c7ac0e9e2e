/**
 * Kubernetes resource quantities (apimachinery `resource.Quantity`), parsed exactly and printed canonically.
 * Values are held as a bigint count of nano-units, so `100m`, `0.1`, `1e-1` compare equal and binary
 * suffixes never lose precision; anything finer than a nano-unit rounds up (away from zero), as
 * `ParseQuantity` does.
 */
import { boundedMemo } from '../memo/index.js';

const NANO = 1_000_000_000n;

/** How a quantity was written, which decides how it prints (`resource.Format`). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Binary suffixes, largest first (the order canonical printing tries them in). */
const binarySuffixes: ReadonlyArray<readonly [string, bigint]> = [
  ['Ei', 1n << 60n],
  ['Pi', 1n << 50n],
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];

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
const suffixOfExponent = new Map(Object.entries(decimalSuffixes).map(([suffix, exp]) => [exp, suffix]));

/**
 * `^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$` as `parseQuantityString` reads it: one optional dot
 * (a lone `.` is zero), then a binary suffix, a decimal exponent or a decimal SI suffix. `1E` is exa,
 * `1E3` an exponent; whitespace anywhere is an error.
 */
const grammar = /^([+-]?)(\d+\.?\d*|\.\d*)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/;

/** Exponents beyond this are refused rather than expanded into enormous integers. */
const MAX_EXPONENT = 1000;

/** `maxAllowed`: binary quantities are capped at 2^63 − 1 units. */
const MAX_BINARY_NANOS = ((1n << 63n) - 1n) * NANO;

/** A parsed quantity: an exact number of nano-units and the format it was written in. */
export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Scales `digits × 10^exp` to nano-units, rounding a remainder up (away from zero). */
const toNanos = (digits: bigint, exp: number): bigint => {
  const shift = exp + 9;
  if (shift >= 0) return digits * pow10(shift);
  const div = pow10(-shift);
  return digits / div + (digits % div === 0n ? 0n : 1n);
};

/** Parses a quantity string; `undefined` when it is not one. */
export const parseQuantity = (raw: string): Quantity | undefined => {
  const m = grammar.exec(raw);
  if (m === null) return undefined;
  const [, sign = '', number = '', binary, exponent, decimal] = m;
  const [whole = '', fraction = ''] = number.split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  const negate = (magnitude: bigint): bigint => (sign === '-' ? -magnitude : magnitude);
  if (binary !== undefined) {
    const factor = binarySuffixes.find(([suffix]) => suffix === binary)?.[1] ?? 1n;
    const magnitude = toNanos(digits * factor, -fraction.length);
    const capped = magnitude > MAX_BINARY_NANOS ? MAX_BINARY_NANOS : magnitude;
    // Binary values below one unit are printed as decimals (`.001Ki` is `1024m`).
    return { nanos: negate(capped), format: capped < NANO && capped > 0n ? 'DecimalSI' : 'BinarySI' };
  }
  const exp = exponent !== undefined ? Number(exponent) : (decimalSuffixes[decimal ?? ''] ?? 0);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
  return {
    nanos: negate(toNanos(digits, exp - fraction.length)),
    format: exponent !== undefined ? 'DecimalExponent' : 'DecimalSI',
  };
};

/**
 * Whether a string is a quantity: the grammar and the exponent bound, without building the value (this
 * guards every quantity of every manifest the journal reads, so it stays cheap).
 */
export const isQuantity = (raw: string): boolean => {
  const m = grammar.exec(raw);
  if (m === null) return false;
  const exponent = m[4];
  return exponent === undefined || Math.abs(Number(exponent)) <= MAX_EXPONENT;
};

/** `mantissa × 10^exp` with the largest exponent (a multiple of 3, at least −9, at most `maxExp`) that keeps the mantissa whole. */
const decimalParts = (nanos: bigint, maxExp: number): { mantissa: bigint; exp: number } => {
  let mantissa = nanos;
  let exp = -9;
  while (exp + 3 <= maxExp && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  return { mantissa, exp };
};

const formatMagnitude = (nanos: bigint, format: QuantityFormat): string => {
  if (format === 'BinarySI' && nanos >= 1024n * NANO && nanos % NANO === 0n) {
    const units = nanos / NANO;
    const suffix = binarySuffixes.find(([, factor]) => units % factor === 0n);
    return suffix === undefined ? units.toString() : `${units / suffix[1]}${suffix[0]}`;
  }
  if (format === 'DecimalExponent') {
    const { mantissa, exp } = decimalParts(nanos, Number.POSITIVE_INFINITY);
    return exp === 0 ? mantissa.toString() : `${mantissa}e${exp}`;
  }
  // DecimalSI, and binary values that are small or fractional.
  const { mantissa, exp } = decimalParts(nanos, 18);
  return `${mantissa}${suffixOfExponent.get(exp) ?? ''}`;
};

/** `Quantity.String()`: `0.5` → `500m`, `1024Mi` → `1Gi`, `1000M` → `1G`, `1e3` → `1e3`. */
export const formatQuantity = (q: Quantity): string => {
  if (q.nanos === 0n) return '0';
  return q.nanos < 0n ? `-${formatMagnitude(-q.nanos, q.format)}` : formatMagnitude(q.nanos, q.format);
};

/** The canonical spelling of a quantity string, or `undefined` when it is not one. */
export const canonicalQuantity = (raw: string): string | undefined => {
  const q = parseQuantity(raw);
  return q === undefined ? undefined : formatQuantity(q);
};

/** Parsed by their text: manifests and nodes repeat a few values, read at every scheduling and eviction cycle. */
const nanosByText = boundedMemo((raw: string): bigint => parseQuantity(raw)?.nanos ?? 0n, 4096);

/** Nano-units of a quantity string, 0 for a missing or unparsable one. */
export const nanosOf = (raw: string | undefined): bigint => (raw === undefined ? 0n : nanosByText(raw));

/** `n / unit`, rounded away from zero (`inf.RoundUp`). */
export const divideUp = (n: bigint, unit: bigint): bigint => {
  const q = n / unit;
  if (n % unit === 0n) return q;
  return n > 0n ? q + 1n : q - 1n;
};

/** Whole units, rounded up (the value `Quantity.Value()` reports). */
export const valueOf = (raw: string | undefined): bigint => divideUp(nanosOf(raw), NANO);

/** Milli-units, rounded up (`Quantity.MilliValue()`). */
export const milliValueOf = (raw: string | undefined): bigint => divideUp(nanosOf(raw), 1_000_000n);

export const compareQuantities = (a: string | undefined, b: string | undefined): number => {
  const d = nanosOf(a) - nanosOf(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** A quantity from a byte count, in the largest binary suffix that divides it (what kubectl users expect). */
export const formatBytes = boundedMemo((bytes: bigint): string => formatQuantity({ nanos: bytes * NANO, format: 'BinarySI' }), 4096);

/** A count as `resource.NewQuantity(n, resource.DecimalSI)` prints it (`1000` → `1k`). */
export const formatCount = (n: bigint): string => formatQuantity({ nanos: n * NANO, format: 'DecimalSI' });

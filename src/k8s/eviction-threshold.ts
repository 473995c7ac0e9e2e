/**
 * A hard eviction threshold's value as `--eviction-hard` (`evictionHard`) states it: a quantity (`100Mi`) or a
 * percentage of the signal's capacity (`5%`), read as the kubelet reads it (`pkg/kubelet/eviction/helpers.go ::
 * parseThresholdStatement`, `parsePercentage`; `eviction/api/types.go :: GetThresholdQuantity` makes it a quantity).
 */
import * as E from 'fp-ts/lib/Either.js';
import { isQuantity, valueOf } from './quantity.js';

export type ThresholdValue = { readonly bytes: bigint } | { readonly percentage: number };

/** What Go's `strconv.ParseFloat` reads in decimal (no hex, no `Inf`/`NaN`, no underscores: no kubelet flag needs them). */
const DECIMAL_FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The threshold `text` states for `signal`: `Right(undefined)` when the kubelet ignores it (`0%` and `100%`),
 * `Left` with the kubelet's own complaint when it refuses it.
 */
export const parseThreshold = (signal: string, text: string): E.Either<string, ThresholdValue | undefined> => {
  if (text.endsWith('%')) {
    if (text === '0%' || text === '100%') return E.right(undefined);
    const number = text.replace(/%+$/, ''); // strings.TrimRight(input, "%")
    // float32(ParseFloat(…, 32)) / 100, in float32 as Go divides it
    const value = DECIMAL_FLOAT.test(number) ? Math.fround(Number(number)) : Number.NaN;
    if (!Number.isFinite(value)) return E.left(`eviction threshold ${signal}: "${text}" is not a percentage`);
    const percentage = Math.fround(value / 100);
    if (percentage < 0) return E.left(`eviction percentage threshold ${signal} must be >= 0%: ${text}`);
    if (percentage > 1) return E.left(`eviction percentage threshold ${signal} must be <= 100%: ${text}`);
    return E.right({ percentage });
  }
  if (!isQuantity(text)) return E.left(`eviction threshold ${signal}: "${text}" is not a quantity`);
  const bytes = valueOf(text);
  return bytes > 0n ? E.right({ bytes }) : E.left(`eviction threshold ${signal} must be positive: ${text}`);
};

/** `GetThresholdQuantity`: the quantity itself, or `int64(float64(capacity) × percentage)` (truncated). */
export const thresholdBytes = (value: ThresholdValue, capacityBytes: bigint): bigint =>
  'bytes' in value ? value.bytes : BigInt(Math.trunc(Number(capacityBytes) * value.percentage));

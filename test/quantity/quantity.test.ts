/** Quantity parsing and printing, with the cases of apimachinery's quantity_test.go carried over as data. */
import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  compareQuantities,
  formatBytes,
  formatQuantity,
  milliValueOf,
  parseQuantity,
  valueOf,
  type QuantityFormat,
} from '../../src/k8s/quantity.js';

/** `decQuantity(i, exponent, format)`: i × 10^exponent, as nano-units. */
const dec = (i: bigint, exponent: number): bigint => {
  const shift = exponent + 9;
  return shift >= 0 ? i * 10n ** BigInt(shift) : i / 10n ** BigInt(-shift);
};
const maxAllowed = ((1n << 63n) - 1n) * 1_000_000_000n;

// TestQuantityParse: input, expected value, expected format.
const valid: ReadonlyArray<readonly [string, bigint, QuantityFormat]> = [
  ['0', 0n, 'DecimalSI'],
  ['0n', 0n, 'DecimalSI'],
  ['0u', 0n, 'DecimalSI'],
  ['0m', 0n, 'DecimalSI'],
  ['0Ki', 0n, 'BinarySI'],
  ['0k', 0n, 'DecimalSI'],
  ['0Mi', 0n, 'BinarySI'],
  ['0M', 0n, 'DecimalSI'],
  ['0Gi', 0n, 'BinarySI'],
  ['0G', 0n, 'DecimalSI'],
  ['0Ti', 0n, 'BinarySI'],
  ['0T', 0n, 'DecimalSI'],
  // Quantity less numbers are allowed
  ['1', dec(1n, 0), 'DecimalSI'],
  // Binary suffixes
  ['1Ki', dec(1024n, 0), 'BinarySI'],
  ['8Ki', dec(8n * 1024n, 0), 'BinarySI'],
  ['7Mi', dec(7n * 1024n ** 2n, 0), 'BinarySI'],
  ['6Gi', dec(6n * 1024n ** 3n, 0), 'BinarySI'],
  ['5Ti', dec(5n * 1024n ** 4n, 0), 'BinarySI'],
  ['4Pi', dec(4n * 1024n ** 5n, 0), 'BinarySI'],
  ['3Ei', dec(3n * 1024n ** 6n, 0), 'BinarySI'],
  ['10Ti', dec(10n * 1024n ** 4n, 0), 'BinarySI'],
  ['100Ti', dec(100n * 1024n ** 4n, 0), 'BinarySI'],
  // Decimal suffixes
  ['5n', dec(5n, -9), 'DecimalSI'],
  ['4u', dec(4n, -6), 'DecimalSI'],
  ['3m', dec(3n, -3), 'DecimalSI'],
  ['9', dec(9n, 0), 'DecimalSI'],
  ['8k', dec(8n, 3), 'DecimalSI'],
  ['50k', dec(5n, 4), 'DecimalSI'],
  ['7M', dec(7n, 6), 'DecimalSI'],
  ['6G', dec(6n, 9), 'DecimalSI'],
  ['5T', dec(5n, 12), 'DecimalSI'],
  ['40T', dec(4n, 13), 'DecimalSI'],
  ['300T', dec(3n, 14), 'DecimalSI'],
  ['2P', dec(2n, 15), 'DecimalSI'],
  ['1E', dec(1n, 18), 'DecimalSI'],
  // Decimal exponents
  ['1E-3', dec(1n, -3), 'DecimalExponent'],
  ['1e3', dec(1n, 3), 'DecimalExponent'],
  ['1E6', dec(1n, 6), 'DecimalExponent'],
  ['1e9', dec(1n, 9), 'DecimalExponent'],
  ['1E12', dec(1n, 12), 'DecimalExponent'],
  ['1e15', dec(1n, 15), 'DecimalExponent'],
  ['1E18', dec(1n, 18), 'DecimalExponent'],
  // Nonstandard but still parsable
  ['1e14', dec(1n, 14), 'DecimalExponent'],
  ['1e13', dec(1n, 13), 'DecimalExponent'],
  ['100.035k', dec(100035n, 0), 'DecimalSI'],
  // Things that look like floating point
  ['0.001', dec(1n, -3), 'DecimalSI'],
  ['0.0005k', dec(5n, -1), 'DecimalSI'],
  ['0.005', dec(5n, -3), 'DecimalSI'],
  ['0.05', dec(5n, -2), 'DecimalSI'],
  ['0.5', dec(5n, -1), 'DecimalSI'],
  ['0.00050k', dec(5n, -1), 'DecimalSI'],
  ['0.00500', dec(5n, -3), 'DecimalSI'],
  ['0.05000', dec(5n, -2), 'DecimalSI'],
  ['0.50000', dec(5n, -1), 'DecimalSI'],
  ['0.5e0', dec(5n, -1), 'DecimalExponent'],
  ['0.5e-1', dec(5n, -2), 'DecimalExponent'],
  ['0.5e-2', dec(5n, -3), 'DecimalExponent'],
  ['10.035M', dec(10035n, 3), 'DecimalSI'],
  ['1.2e3', dec(12n, 2), 'DecimalExponent'],
  ['1.3E+6', dec(13n, 5), 'DecimalExponent'],
  ['1.40e9', dec(14n, 8), 'DecimalExponent'],
  ['1.53E12', dec(153n, 10), 'DecimalExponent'],
  ['1.6e15', dec(16n, 14), 'DecimalExponent'],
  ['1.7E18', dec(17n, 17), 'DecimalExponent'],
  ['9.01', dec(901n, -2), 'DecimalSI'],
  ['8.1k', dec(81n, 2), 'DecimalSI'],
  ['7.123456M', dec(7123456n, 0), 'DecimalSI'],
  ['6.987654321G', dec(6987654321n, 0), 'DecimalSI'],
  ['5.444T', dec(5444n, 9), 'DecimalSI'],
  ['40.1T', dec(401n, 11), 'DecimalSI'],
  ['300.2T', dec(3002n, 11), 'DecimalSI'],
  ['2.5P', dec(25n, 14), 'DecimalSI'],
  ['1.01E', dec(101n, 16), 'DecimalSI'],
  // Things that saturate/round
  ['3.001n', dec(4n, -9), 'DecimalSI'],
  ['1.1E-9', dec(2n, -9), 'DecimalExponent'],
  ['0.0000000001', dec(1n, -9), 'DecimalSI'],
  ['0.0000000005', dec(1n, -9), 'DecimalSI'],
  ['0.00000000050', dec(1n, -9), 'DecimalSI'],
  ['0.5e-9', dec(1n, -9), 'DecimalExponent'],
  ['0.9n', dec(1n, -9), 'DecimalSI'],
  ['0.00000012345', dec(124n, -9), 'DecimalSI'],
  ['0.00000012354', dec(124n, -9), 'DecimalSI'],
  ['9Ei', maxAllowed, 'BinarySI'],
  ['9223372036854775807Ki', maxAllowed, 'BinarySI'],
  ['12E', dec(12n, 18), 'DecimalSI'],
  // We'll accept fractional binary stuff, too.
  ['100.035Ki', dec(10243584n, -2), 'BinarySI'],
  ['0.5Mi', dec(512n * 1024n, 0), 'BinarySI'],
  ['0.05Gi', dec(536870912n, -1), 'BinarySI'],
  ['0.025Ti', dec(274877906944n, -1), 'BinarySI'],
  // Things written by trolls
  ['0.000000000001Ki', dec(2n, -9), 'DecimalSI'], // rounds up, changes format
  ['.001', dec(1n, -3), 'DecimalSI'],
  ['.0001k', dec(100n, -3), 'DecimalSI'],
  ['1.', dec(1n, 0), 'DecimalSI'],
  ['1.G', dec(1n, 9), 'DecimalSI'],
  // TestParseQuantityString: a lone dot is zero.
  ['.', 0n, 'DecimalSI'],
];

describe('parseQuantity (TestQuantityParse)', () => {
  it.each(valid)('%s', (input, nanos, format) => {
    expect(parseQuantity(input)).toEqual({ nanos, format });
  });
  it.each(valid)('-%s is the negation', (input, nanos, format) => {
    expect(parseQuantity(`-${input}`)).toEqual({ nanos: nanos === 0n ? 0n : -nanos, format });
  });
  it.each(valid)('+%s is the same value', (input, nanos, format) => {
    expect(parseQuantity(`+${input}`)).toEqual({ nanos, format });
  });

  const invalid = ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', '1e', '1K', '1ki', '1e3Ki', '--1'];
  it.each(invalid)('rejects %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });
});

describe('formatQuantity (TestQuantityString)', () => {
  // value, format, canonical form, an alternate spelling that must canonicalise to it
  const table: ReadonlyArray<readonly [bigint, QuantityFormat, string, string]> = [
    [dec(1024n ** 3n, 0), 'BinarySI', '1Gi', '1024Mi'],
    [dec(300n * 1024n ** 2n, 0), 'BinarySI', '300Mi', '307200Ki'],
    [dec(6n * 1024n, 0), 'BinarySI', '6Ki', ''],
    [dec(1001n * 1024n ** 3n, 0), 'BinarySI', '1001Gi', '1025024Mi'],
    [dec(1024n ** 4n, 0), 'BinarySI', '1Ti', '1024Gi'],
    [dec(5n, 0), 'BinarySI', '5', '5000m'],
    [dec(500n, -3), 'BinarySI', '500m', '0.5'],
    [dec(1n, 9), 'DecimalSI', '1G', '1000M'],
    [dec(1000n, 6), 'DecimalSI', '1G', '0.001T'],
    [dec(1000000n, 3), 'DecimalSI', '1G', ''],
    [dec(1000000000n, 0), 'DecimalSI', '1G', ''],
    [dec(1n, -3), 'DecimalSI', '1m', '1000u'],
    [dec(80n, -3), 'DecimalSI', '80m', ''],
    [dec(1080n, -3), 'DecimalSI', '1080m', '1.08'],
    [dec(108n, -2), 'DecimalSI', '1080m', '1080000000n'],
    [dec(10800n, -4), 'DecimalSI', '1080m', ''],
    [dec(300n, 6), 'DecimalSI', '300M', ''],
    [dec(1n, 12), 'DecimalSI', '1T', ''],
    [dec(1234567n, 6), 'DecimalSI', '1234567M', ''],
    [dec(1234567n, -3), 'BinarySI', '1234567m', ''],
    [dec(3n, 3), 'DecimalSI', '3k', ''],
    [dec(1025n, 0), 'BinarySI', '1025', ''],
    [0n, 'DecimalSI', '0', ''],
    [0n, 'BinarySI', '0', ''],
    [dec(1n, 9), 'DecimalExponent', '1e9', '.001e12'],
    [dec(1n, -3), 'DecimalExponent', '1e-3', '0.001e0'],
    [dec(1n, -9), 'DecimalExponent', '1e-9', '1000e-12'],
    [dec(80n, -3), 'DecimalExponent', '80e-3', ''],
    [dec(300n, 6), 'DecimalExponent', '300e6', ''],
    [dec(1n, 12), 'DecimalExponent', '1e12', ''],
    [dec(1n, 3), 'DecimalExponent', '1e3', ''],
    [dec(3n, 3), 'DecimalExponent', '3e3', ''],
    [0n, 'DecimalExponent', '0', '00'],
    [dec(1n, -9), 'DecimalSI', '1n', ''],
    [dec(80n, -9), 'DecimalSI', '80n', ''],
    [dec(1080n, -9), 'DecimalSI', '1080n', ''],
    [dec(108n, -8), 'DecimalSI', '1080n', ''],
    [dec(10800n, -10), 'DecimalSI', '1080n', ''],
    [dec(1n, -6), 'DecimalSI', '1u', ''],
    [dec(80n, -6), 'DecimalSI', '80u', ''],
    [dec(1080n, -6), 'DecimalSI', '1080u', ''],
  ];
  it.each(table)('%s %s prints %s', (nanos, format, expected, alternate) => {
    expect(formatQuantity({ nanos, format })).toBe(expected);
    expect(canonicalQuantity(expected)).toBe(expected);
    if (alternate !== '') expect(canonicalQuantity(alternate)).toBe(expected);
    if (nanos !== 0n) expect(formatQuantity({ nanos: -nanos, format })).toBe(`-${expected}`);
  });

  // TestQuantityParseEmit
  it.each([
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    // eviction_manager_test.go: a node with "1.5Gi" available reports "available: 1536Mi".
    ['1.5Gi', '1536Mi'],
  ])('%s emits %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
    expect(canonicalQuantity(`-${input}`)).toBe(`-${expected}`);
  });

  it('prints byte counts in the largest binary suffix that divides them', () => {
    expect(formatBytes(1536n * 1024n * 1024n)).toBe('1536Mi');
    expect(formatBytes(2n * 1024n ** 3n)).toBe('2Gi');
    expect(formatBytes(1500n)).toBe('1500');
  });
});

describe('comparing and rounding', () => {
  // TestQuantityCmp
  it.each([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['0.1', '100m', 0],
    ['1e-1', '100m', 0],
  ] as const)('compare(%s, %s) = %d', (a, b, expected) => {
    expect(compareQuantities(a, b)).toBe(expected);
  });

  it('rounds Value() and MilliValue() away from zero', () => {
    expect(valueOf('9.01')).toBe(10n);
    expect(valueOf('-9.01')).toBe(-10n);
    expect(valueOf('2')).toBe(2n);
    expect(milliValueOf('0.5')).toBe(500n);
    expect(milliValueOf('1n')).toBe(1n);
    expect(milliValueOf('-1n')).toBe(-1n);
    expect(valueOf(undefined)).toBe(0n);
  });
});

/** HumanDuration cases from `apimachinery/pkg/util/duration/duration_test.go`, and the age of a timestamp. */
import { describe, expect, it } from 'vitest';
import { ageOf, humanDuration } from '../../src/printers/duration.js';
import { DAY, HOUR, MINUTE, NOW, SECOND, ago } from './fixtures.js';

const YEAR = 365 * DAY;
const MS = 1;

describe('humanDuration', () => {
  it.each([
    // TestHumanDuration
    [SECOND, '1s'],
    [70 * SECOND, '70s'],
    [190 * SECOND, '3m10s'],
    [70 * MINUTE, '70m'],
    [47 * HOUR, '47h'],
    [49 * HOUR, '2d1h'],
    [(8 * 24 + 2) * HOUR, '8d'],
    [367 * DAY, '367d'],
    [(365 * 2 * 24 + 25) * HOUR, '2y1d'],
    [(365 * 8 * 24 + 2) * HOUR, '8y'],
    // TestHumanDurationBoundaries (Go's "+1ns" is "+1ms" here: the smallest step of a JS date)
    [-2 * SECOND, '<invalid>'],
    [-2 * SECOND + MS, '0s'],
    [0, '0s'],
    [SECOND - MS, '0s'],
    [2 * MINUTE - MS, '119s'],
    [2 * MINUTE, '2m'],
    [2 * MINUTE + SECOND, '2m1s'],
    [10 * MINUTE - MS, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + SECOND, '10m'],
    [3 * HOUR - MS, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + MINUTE, '3h1m'],
    [8 * HOUR - MS, '7h59m'],
    [8 * HOUR, '8h'],
    [8 * HOUR + 59 * MINUTE, '8h'],
    [2 * DAY - MS, '47h'],
    [2 * DAY, '2d'],
    [2 * DAY + HOUR, '2d1h'],
    [8 * DAY - MS, '7d23h'],
    [8 * DAY, '8d'],
    [8 * DAY + 23 * HOUR, '8d'],
    [2 * YEAR - MS, '729d'],
    [2 * YEAR, '2y'],
    [2 * YEAR + 23 * HOUR, '2y'],
    [2 * YEAR + 23 * HOUR + 59 * MINUTE, '2y'],
    [2 * YEAR + DAY - MS, '2y'],
    [2 * YEAR + DAY, '2y1d'],
    [3 * YEAR, '3y'],
    [4 * YEAR, '4y'],
    [5 * YEAR, '5y'],
    [6 * YEAR, '6y'],
    [7 * YEAR, '7y'],
    [8 * YEAR - MS, '7y364d'],
    [8 * YEAR, '8y'],
    [8 * YEAR + 364 * DAY, '8y'],
    [9 * YEAR, '9y'],
  ])('%d ms is %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('ageOf (TestTranslateTimestampSince)', () => {
  it.each([
    ['a while from now', ago(-2100), '<invalid>'],
    ['almost now', ago(-1900), '0s'],
    ['now', ago(0), '0s'],
    ['unknown', undefined, '<unknown>'],
    ['30 seconds ago', ago(30 * SECOND), '30s'],
    ['5 minutes ago', ago(5 * MINUTE), '5m'],
    ['an hour ago', ago(100 * MINUTE), '100m'],
    ['2 days ago', ago(2 * DAY), '2d'],
    ['months ago', ago(90 * DAY), '90d'],
    ['10 years ago', ago(10 * YEAR), '10y'],
  ])('%s', (_, timestamp, want) => {
    expect(ageOf(timestamp, NOW)).toBe(want);
  });
});

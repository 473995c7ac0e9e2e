/** Go's Duration.String for whole milliseconds, as kubelet messages print pull times. */
import { expect, it } from 'vitest';
import { formatDuration as goDuration } from '../../src/k8s/duration.js';

it.each([
  [0, '0s'],
  [523, '523ms'],
  [1000, '1s'],
  [1234, '1.234s'],
  [1500, '1.5s'],
  [62_500, '1m2.5s'],
  [3_600_000, '1h0m0s'],
  [3_723_400, '1h2m3.4s'],
])('%d ms prints as %s', (ms, want) => {
  expect(goDuration(ms)).toBe(want);
});

/**
 * client-go's back-off cases as data: `staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go ::
 * TestSlowBackoff`, `TestBackoffReset` and `TestIsInBackOffSinceUpdate`, in their version without jitter (the
 * kubelet's back-offs are `flowcontrol.NewBackOff`, jitter 0), put to `backoff.ts` with upstream's policy: 1 s
 * doubling to `maxDuration`, an entry expiring after 2 × `maxDuration` (client-go's own `hasExpired`). Upstream's
 * fake clock is `now`; `Get(id)` is the entry's delay, 0 without one.
 */
import { describe, expect, test } from 'vitest';
import { inBackoffSince, inBackoffSinceUpdate, nextBackoff, type BackoffEntry, type BackoffPolicy } from '../../src/engine/backoff.js';

const STEP = 1000;
const clientGoPolicy = (maxMs: number): BackoffPolicy => ({ initialMs: STEP, maxMs, expired: (eventTime, lastUpdate) => eventTime - lastUpdate > 2 * maxMs });
const get = (entry: BackoffEntry | undefined): number => entry?.delayMs ?? 0;

describe('backoff_test.go :: TestSlowBackoff', () => {
  test('each second: Get, then Next; 0, 1 s, 2 s, 4 s ... capped at 50 s', () => {
    const policy = clientGoPolicy(50 * STEP);
    const cases = [0, 1, 2, 4, 8, 16, 32, 50, 50, 50].map((s) => s * STEP);
    let entry: BackoffEntry | undefined;
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < cases.length; i++) {
      now += STEP;
      waits.push(get(entry));
      entry = nextBackoff(policy, entry, now, now);
    }
    expect(waits).toEqual(cases);
  });
});

describe('backoff_test.go :: TestBackoffReset', () => {
  test('capped at maxDuration it is in back-off; 2 × maxDuration + 1 s after the last step it is not', () => {
    const maxMs = 5 * STEP;
    const policy = clientGoPolicy(maxMs);
    let entry: BackoffEntry | undefined;
    let now = 0;
    for (let i = 0; i <= maxMs / STEP; i++) {
      now += STEP;
      entry = nextBackoff(policy, entry, now, now);
    }
    expect(inBackoffSince(policy, entry, now, now)).toBe(true);
    const lastUpdate = now;
    now += 2 * maxMs + STEP;
    expect(inBackoffSince(policy, entry, lastUpdate, now)).toBe(false);
  });
});

// backoff_test.go :: TestIsInBackOffSinceUpdate: tick (s), in back-off, the delay then (s)
const TestIsInBackOffSinceUpdate: readonly (readonly [number, boolean, number])[] = [
  [0, false, 0], [1, false, 1], [2, true, 2], [3, false, 2], [4, true, 4], [5, true, 4], [6, true, 4], [7, false, 4],
  [8, true, 8], [9, true, 8], [10, true, 8], [11, true, 8], [12, true, 8], [13, true, 8], [14, true, 8], [15, false, 8],
  [16, true, 10], [17, true, 10], [18, true, 10], [19, true, 10], [20, true, 10], [21, true, 10], [22, true, 10],
  [23, true, 10], [24, true, 10], [25, false, 10], [26, true, 10], [27, true, 10], [28, true, 10], [29, true, 10],
  [30, true, 10], [31, true, 10], [32, true, 10], [33, true, 10], [34, true, 10], [35, false, 10], [56, false, 0],
  [57, false, 1],
];

describe('backoff_test.go :: TestIsInBackOffSinceUpdate', () => {
  test('at each tick: in back-off since the last step, and the delay; Next when not', () => {
    const policy = clientGoPolicy(10 * STEP);
    let entry: BackoffEntry | undefined;
    for (const [tick, inBackOff, value] of TestIsInBackOffSinceUpdate) {
      const now = tick * STEP;
      expect(inBackoffSinceUpdate(policy, entry, now), `tick ${tick}`).toBe(inBackOff);
      if (inBackOff) expect(get(entry), `tick ${tick}`).toBe(value * STEP);
      else entry = nextBackoff(policy, entry, now, now);
    }
  });
});

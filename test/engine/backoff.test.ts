import { describe, expect, it } from 'vitest';
import { crashLoopBackoff, imagePullBackoff, inBackoffSince, inBackoffSinceUpdate, nextBackoff, type BackoffEntry } from '../../src/engine/backoff.js';

const entry = (delayMs: number, lastUpdate: number): BackoffEntry => ({ delayMs, lastUpdate });

describe('flowcontrol.Backoff with the kubelet policies', () => {
  // case name → policy, entry before, event time, now, entry after Next
  const next: Record<string, [typeof crashLoopBackoff, BackoffEntry | undefined, number, number, BackoffEntry]> = {
    'first-step-starts-at-10s': [crashLoopBackoff, undefined, 5_000, 5_000, entry(10_000, 5_000)],
    'doubles-while-fresh': [crashLoopBackoff, entry(40_000, 0), 60_000, 60_000, entry(80_000, 60_000)],
    'backoff-capped-at-300s': [crashLoopBackoff, entry(160_000, 0), 100_000, 100_000, entry(300_000, 100_000)],
    'stays-at-the-cap': [crashLoopBackoff, entry(300_000, 0), 300_000, 300_000, entry(300_000, 300_000)],
    'crash-loop-resets-after-10-minutes': [crashLoopBackoff, entry(300_000, 0), 600_001, 600_001, entry(10_000, 600_001)],
    'crash-loop-exactly-10-minutes-still-doubles': [crashLoopBackoff, entry(20_000, 0), 600_000, 600_000, entry(40_000, 600_000)],
    'image-pull-resets-after-twice-the-max': [imagePullBackoff, entry(300_000, 0), 600_001, 600_001, entry(10_000, 600_001)],
    // backoff.go :: Next: the event time decides the expiry, the clock dates the step (`entry.lastUpdate = p.Clock.Now()`)
    'the-event-time-decides-the-expiry': [crashLoopBackoff, entry(300_000, 0), 600_000, 900_000, entry(300_000, 900_000)],
    'the-step-is-dated-by-the-clock': [crashLoopBackoff, entry(20_000, 0), 30_000, 45_000, entry(40_000, 45_000)],
  };
  it.each(Object.entries(next))('%s', (_name, [policy, before, eventTime, now, after]) => {
    expect(nextBackoff(policy, before, eventTime, now)).toEqual(after);
  });

  // case name → entry, finishedAt, now, in back-off
  const since: Record<string, [BackoffEntry | undefined, number, number, boolean]> = {
    'no-entry-never-waits': [undefined, 0, 0, false],
    'inside-the-delay-from-finishedAt': [entry(10_000, 1_000), 2_000, 11_999, true],
    'delay-over-exactly-at-finishedAt-plus-delay': [entry(10_000, 1_000), 2_000, 12_000, false],
    'ran-more-than-10-minutes-since-the-last-step': [entry(300_000, 0), 600_001, 600_002, false],
  };
  it.each(Object.entries(since))('%s', (_name, [e, finishedAt, now, waits]) => {
    expect(inBackoffSince(crashLoopBackoff, e, finishedAt, now)).toBe(waits);
  });

  it('measures image back-off from the last step', () => {
    expect(inBackoffSinceUpdate(imagePullBackoff, entry(20_000, 10_000), 29_999)).toBe(true);
    expect(inBackoffSinceUpdate(imagePullBackoff, entry(20_000, 10_000), 30_000)).toBe(false);
  });
});

/**
 * client-go's `flowcontrol.Backoff` as pure functions of virtual time, with the kubelet's two policies:
 * container restarts (CrashLoopBackOff) and image pulls (ImagePullBackOff).
 */
import type { VirtualMs } from './world.js';

/** One per-item entry: the current delay and when it was last stepped (`lastUpdate`). */
export interface BackoffEntry {
  readonly delayMs: number;
  readonly lastUpdate: VirtualMs;
}

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** `HasExpiredFunc`: when an entry is stale enough to start again from the initial delay. */
  readonly expired: (eventTime: VirtualMs, lastUpdate: VirtualMs) => boolean;
}

/**
 * `pkg/kubelet/kubelet.go :: newCrashLoopBackOff`: 10 s doubling to 300 s, reset when the finish `doBackOff`
 * hands over (the dead instance's finishedAt) comes more than 10 minutes after the entry's last step, the
 * restart before it (the kubelet's `HasExpiredFunc` override).
 */
export const crashLoopBackoff: BackoffPolicy = {
  initialMs: 10_000,
  maxMs: 300_000,
  expired: (eventTime, lastUpdate) => eventTime - lastUpdate > 600_000,
};

/** `imageBackOff := flowcontrol.NewBackOff(backOffPeriod, MaxImageBackOff)`: 10 s to 300 s, client-go's 2 × max expiry. */
export const imagePullBackoff: BackoffPolicy = {
  initialMs: 10_000,
  maxMs: 300_000,
  expired: (eventTime, lastUpdate) => eventTime - lastUpdate > 2 * 300_000,
};

/**
 * `Backoff.Next(id, eventTime)`: a missing entry, or one expired at `eventTime`, starts at the initial delay,
 * otherwise the delay doubles up to the max; the step is dated by the clock (`entry.lastUpdate =
 * p.Clock.Now()`), not by the event time.
 */
export const nextBackoff = (policy: BackoffPolicy, entry: BackoffEntry | undefined, eventTime: VirtualMs, now: VirtualMs): BackoffEntry =>
  entry === undefined || policy.expired(eventTime, entry.lastUpdate)
    ? { delayMs: policy.initialMs, lastUpdate: now }
    : { delayMs: Math.min(entry.delayMs * 2, policy.maxMs), lastUpdate: now };

/** `Backoff.IsInBackOffSince(id, eventTime)`: still inside the delay counted from `eventTime` (a container's finishedAt). */
export const inBackoffSince = (
  policy: BackoffPolicy,
  entry: BackoffEntry | undefined,
  eventTime: VirtualMs,
  now: VirtualMs,
): boolean => entry !== undefined && !policy.expired(eventTime, entry.lastUpdate) && now - eventTime < entry.delayMs;

/** `Backoff.IsInBackOffSinceUpdate(id, now)`: still inside the delay counted from the last step (image pulls). */
export const inBackoffSinceUpdate = (policy: BackoffPolicy, entry: BackoffEntry | undefined, now: VirtualMs): boolean =>
  entry !== undefined && !policy.expired(now, entry.lastUpdate) && now - entry.lastUpdate < entry.delayMs;

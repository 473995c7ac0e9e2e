/**
 * Restart back-off (`kuberuntime_manager.go :: doBackOff`, client-go `flowcontrol.Backoff`): a back-off
 * delay never exceeds 300 s, never shrinks unless the container ran more than 10 minutes since the last
 * back-off step (the kubelet's reset), and no restart happens inside an announced back-off window.
 */
import { msOf } from '../k8s/codecs.js';
import type { Check, Violation } from './violation.js';
import type { Entry } from './observed.js';

/** `MaxContainerBackOff`. */
export const MAX_BACKOFF_SECONDS = 300;
/** The kubelet's expiry: a back-off entry resets when the container ran this long since its last step. */
export const BACKOFF_RESET_MS = 600_000;

interface Track {
  lastStartMs?: number;
  /** The last announced back-off of this container, and whether a reset was earned since. */
  backoff?: { readonly entry: Entry; readonly delaySeconds: number };
  reset: boolean;
  /** A back-off window the next start must wait out. */
  pending?: { readonly entry: Entry; readonly untilMs: number };
}

export const backoffBroken: Check = {
  name: 'backoff',
  rule: 'back-off delays stay within 300 s, never shrink before a reset (10 minutes of running), and no restart comes inside the window',
  run: ({ pods }) =>
    pods.flatMap((h) => {
      const found: Violation[] = [];
      const tracks = new Map<string, Track>();
      const report = (message: string, evidence: Entry[]) => found.push({ check: 'backoff', subject: h.key, message, evidence });
      for (const { entry } of h.steps) {
        const e = entry.event;
        if (!('container' in e)) continue;
        const track = tracks.get(e.container) ?? { reset: false };
        tracks.set(e.container, track);
        const now = msOf(e.at);
        if (e.type === 'ContainerStarted') {
          if (track.pending !== undefined && now < track.pending.untilMs) {
            report(`container ${e.container} restarted ${(track.pending.untilMs - now) / 1000}s before its back-off ended`, [track.pending.entry, entry]);
          }
          track.pending = undefined;
          track.lastStartMs = now;
        } else if (e.type === 'ContainerExited') {
          if (track.lastStartMs !== undefined && now - track.lastStartMs > BACKOFF_RESET_MS) track.reset = true;
        } else if (e.type === 'ContainerBackOff') {
          if (e.delaySeconds > MAX_BACKOFF_SECONDS) report(`container ${e.container}: back-off ${e.delaySeconds}s exceeds ${MAX_BACKOFF_SECONDS}s`, [entry]);
          const before = track.backoff;
          if (before !== undefined && e.delaySeconds < before.delaySeconds && !track.reset) {
            report(`container ${e.container}: back-off shrank from ${before.delaySeconds}s to ${e.delaySeconds}s without a reset`, [before.entry, entry]);
          }
          track.backoff = { entry, delaySeconds: e.delaySeconds };
          track.reset = false;
          track.pending = { entry, untilMs: msOf(e.until) };
        }
      }
      return found;
    }),
};

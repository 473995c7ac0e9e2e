/** An event converted from outside data, with what the merge needs to know about where it came from. */
import type { Event } from '../events/index.js';

/**
 * Where a fact was seen: an audit line, a watch update, a one-instant snapshot (PodList), an Event object,
 * or the journal itself (what an earlier import or the engine already recorded).
 */
export type Origin = 'audit' | 'watch' | 'snapshot' | 'events' | 'journal';

/**
 * How well its time is known: `exact` from a timestamp field of the fact itself, `interpolated` between two
 * known times (count expansion, restarts a snapshot skipped), `inferred` from a neighbouring fact's time.
 */
export type Certainty = 'exact' | 'interpolated' | 'inferred';

export interface Imported {
  readonly event: Event;
  readonly origin: Origin;
  readonly certainty: Certainty;
  /**
   * For container instance facts (created, started, exited), and the probe results of a run: the instance's
   * ordinal, 0 for the first run.
   */
  readonly instance?: number;
  /** A back-off whose delay the source does not state: the merge computes it with the kubelet's rule. */
  readonly delayUnknown?: boolean;
  /** A kill whose grace the source does not state: the merge takes it from the pod (`killContainer`'s rule). */
  readonly graceUnknown?: boolean;
}

/** What one document gave: events, and names of things deliberately not imported (counted in the summary). */
export interface Converted {
  readonly events: readonly Imported[];
  readonly ignored: readonly string[];
}

export const converted = (events: readonly Imported[], ignored: readonly string[] = []): Converted => ({ events, ignored });

export const ignoredOnly = (why: string): Converted => ({ events: [], ignored: [why] });

export const concatConverted = (parts: readonly Converted[]): Converted => ({
  events: parts.flatMap((p) => p.events),
  ignored: parts.flatMap((p) => p.ignored),
});

/** An event as an append stages it: its canonical JSON and the parts the indexes need, before it is sealed. */
import type { Instant } from '../k8s/codecs.js';
import { isObservation, podKeyOf, type Event } from '../events/index.js';
import { canonicalEvent, checkedCanonicalEvent } from './compiled-encoder.js';

/** An event ready to be sealed. */
export interface Pending {
  readonly json: string;
  readonly at: Instant;
  /** `namespace/name` of the event's pod, for the pod index. */
  readonly pod: string | undefined;
  /** Whether it is an observation: its pod index entry goes to the observations' range (format 9). */
  readonly observed: boolean;
  readonly recordedAt: Instant;
  /** Whether to skip this event if the journal holds it already; default the append's own `dedup`. */
  readonly dedup?: boolean;
}

/** The staged form of `event` whose canonical JSON is `json`. */
const staged = (event: Event, json: string, recordedAt: Instant): Pending => ({
  json,
  at: event.at,
  pod: podKeyOf(event),
  observed: isObservation(event),
  recordedAt,
});

export const pendingOf = (event: Event, recordedAt: Instant): Pending => staged(event, canonicalEvent(event), recordedAt);

/**
 * An event to append staged as `pendingOf` would stage it once `checkEvent` accepts it as given, checked and
 * encoded in one walk (`checkedCanonicalEvent`); undefined for any other, which `checkEvent` then decodes
 * or refuses with the bad field's path.
 */
export const checkedPendingOf = (u: unknown, recordedAt: Instant): Pending | undefined => {
  const json = checkedCanonicalEvent(u);
  return json === undefined ? undefined : staged(u as Event, json, recordedAt);
};

/** An event as an append stages it: its canonical JSON and the parts the indexes need, before it is sealed. */
import type { Instant } from '../k8s/codecs.js';
import { isObservation, podKeyOf, type Event } from '../events/index.js';
import { canonicalEvent } from './compiled-encoder.js';

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

export const pendingOf = (event: Event, recordedAt: Instant): Pending => ({
  json: canonicalEvent(event),
  at: event.at,
  pod: podKeyOf(event),
  observed: isObservation(event),
  recordedAt,
});

/**
 * An event not checked yet, staged as `pendingOf` would stage it if the check accepts it unchanged (the durable
 * path checks it while its record is written, `records-alone.ts`); undefined for anything that cannot be
 * encoded, which takes the check first. Canonical JSON is `canonical`'s for any data, so the bytes are right
 * whenever the check then passes.
 */
export const uncheckedPendingOf = (u: unknown, recordedAt: Instant): Pending | undefined => {
  if (typeof u !== 'object' || u === null) return undefined;
  const { at, pod, type } = u as { readonly at?: unknown; readonly pod?: unknown; readonly type?: unknown };
  if (typeof at !== 'string' || typeof type !== 'string') return undefined;
  try {
    return { json: canonicalEvent(u), at: at as Instant, pod: uncheckedPodKey(pod), observed: isObservation({ type }), recordedAt };
  } catch {
    return undefined; // a cycle, a BigInt: the check names it
  }
};

/** `podKeyOf`'s answer for a checked event's `pod`; for any other value, a key the check's refusal discards. */
const uncheckedPodKey = (pod: unknown): string | undefined => {
  if (typeof pod !== 'object' || pod === null) return undefined;
  const { namespace, name } = pod as { readonly namespace?: unknown; readonly name?: unknown };
  return `${String(namespace)}/${String(name)}`;
};

/**
 * The one check of a stored record as the next link of the chain after `tip`: what `verify` reports when it
 * fails, and what recovery on open (`recover.ts`) requires before it indexes a record beyond the head.
 */
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, isObservation, podKeyOf, type Event } from '../events/index.js';
import { canonicalEvent } from './compiled-encoder.js';
import type { Head } from './head.js';
import { podEntryValue } from './pod-entry.js';
import { parseEnvelope, recordText, seal, type Sha256 } from './record.js';

/** A record that continues the chain: its decoded event, canonical JSON, hash and pod index entry. */
export interface Link {
  readonly seq: number;
  readonly event: Event;
  readonly eventJson: string;
  readonly hash: Sha256;
  /** `namespace/name` of the event's pod, if any. */
  readonly pod: string | undefined;
  /** Whether its event is an observation (its pod entry's range). */
  readonly observed: boolean;
  /** What its pod index entry holds (`pod-entry.ts`). */
  readonly podValue: string;
}

export interface BrokenLink {
  readonly seq: number;
  readonly reason: string;
}

/**
 * The record stored under sequence number `keySeq` as `stored`, checked as the one after `tip`: it continues
 * the sequence, parses, links to the tip's hash, decodes, hashes to its own hash in canonical form, and is
 * stored behind its own check (`record.ts :: storedForm`).
 */
export const linkAfter = (tip: Head, keySeq: number, stored: string): Link | BrokenLink => {
  const seq = tip.seq + 1;
  if (keySeq !== seq) return { seq, reason: `record ${seq} is missing (the next is ${keySeq})` };
  // A record left without its check (by the upgrade to format 10: it did not hold its hash) is checked whole.
  const value = stored.startsWith('{') ? stored : recordText(stored);
  const envelope = parseEnvelope(value);
  if (E.isLeft(envelope)) return { seq, reason: `record does not parse: ${envelope.left}` };
  const r = envelope.right;
  if (r.seq !== seq) return { seq, reason: `the record stored as ${seq} says it is ${r.seq}` };
  if (r.prevHash !== tip.hash) return { seq, reason: `prevHash does not link to record ${seq - 1}` };
  const event = decodeEvent(r.event);
  if (E.isLeft(event)) return { seq, reason: `event: ${event.left}` };
  const eventJson = canonicalEvent(r.event);
  const sealed = seal(r.prevHash, seq, r.recordedAt, eventJson);
  if (sealed.hash !== r.hash) return { seq, reason: 'hash does not match the record' };
  if (sealed.value !== value) return { seq, reason: 'record is not stored in canonical form' };
  if (sealed.stored !== stored) return { seq, reason: 'its CRC-32 does not match the record' };
  return { seq, event: event.right, eventJson, hash: sealed.hash, pod: podKeyOf(event.right), observed: isObservation(event.right), podValue: podEntryValue(r.recordedAt, eventJson) };
};

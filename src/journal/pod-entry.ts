/**
 * The pod index's values (format 6): a record's time and its event's canonical JSON, without the chain's
 * fields. The key already names the pod, the instant and the sequence number, and the hashes (≈ 150 of a
 * record's ≈ 480 bytes) serve `verify` and exports, which read `e!`: a pod's history, one range read, moves
 * ≈ 60 % of the bytes a full copy did, and a bulk append writes that much less beside each record.
 */
import { Instant } from '../k8s/codecs.js';
import { JournalError } from './errors.js';
import { seqOfKey } from './keys.js';
import { parseOrUndefined, readEvent, type JournalRecord } from './record.js';

/** What a pod index entry holds of a record: no hash chain (read the record itself for that). */
export type PodRecord = Pick<JournalRecord, 'seq' | 'recordedAt' | 'event'>;

// Instants are fixed-width (`2026-01-02T03:04:05.678Z`): the record time needs no separator.
export const RECORDED_AT_WIDTH = 24;

/** The pod index value of a record recorded at `recordedAt` holding the event `eventJson` (canonical JSON). */
export const podEntryValue = (recordedAt: Instant, eventJson: string): string => `${recordedAt}${eventJson}`;

/** The canonical event a pod index entry holds, unparsed: what a lookup compares with an event's own (`stored-events.ts`). */
export const podEntryEventJson = (value: string): string => value.slice(RECORDED_AT_WIDTH);

/** Reads a pod index entry on the hot path (checked as `readRecord` checks a record; `verify` compares it byte for byte). */
export const readPodEntry = (value: string, key: string): PodRecord => {
  const recordedAt = value.slice(0, RECORDED_AT_WIDTH);
  if (!Instant.is(recordedAt)) throw new JournalError('corrupt', `pod index entry ${key}: does not start with its record time`);
  return { seq: seqOfKey(key), recordedAt, event: readEvent(parseOrUndefined(value.slice(RECORDED_AT_WIDTH)), key) };
};

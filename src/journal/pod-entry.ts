/**
 * The pod index's values (format 6): a record's time and its event's canonical JSON, without the chain's
 * fields. The key already names the pod, the instant and the sequence number, and the hashes (≈ 150 of a
 * record's ≈ 480 bytes) serve `verify` and exports, which read `e!`: a pod's history, one range read, moves
 * ≈ 60 % of the bytes a full copy did, and a bulk append writes that much less beside each record.
 */
import { isObservation, podKeyOf, type Event } from '../events/index.js';
import { Instant } from '../k8s/codecs.js';
import { JournalError } from './errors.js';
import { OBSERVATIONS, PODS, SEQ_PART_WIDTH, podKey, recordKey, seqOfKey } from './keys.js';
import { parseOrUndefined, readEvent, type JournalRecord } from './record.js';

/** What a pod index entry holds of a record: no hash chain (read the record itself for that). */
export type PodRecord = Pick<JournalRecord, 'seq' | 'recordedAt' | 'event'>;

// Instants are fixed-width (`2026-01-02T03:04:05.678Z`): the record time needs no separator.
export const RECORDED_AT_WIDTH = 24;

/** The pod index value of a record recorded at `recordedAt` holding the event `eventJson` (canonical JSON). */
export const podEntryValue = (recordedAt: Instant, eventJson: string): string => `${recordedAt}${eventJson}`;

/** The canonical event a pod index entry holds, unparsed: what a lookup compares with an event's own (`stored-events.ts`). */
export const podEntryEventJson = (value: string): string => value.slice(RECORDED_AT_WIDTH);

/** A pod index entry read as it is, under whatever key holds it: what the upgrade to format 9 sorts into its range. */
export const podEntryIn = (value: string, key: string): PodRecord => {
  const recordedAt = value.slice(0, RECORDED_AT_WIDTH);
  if (!Instant.is(recordedAt)) throw new JournalError('corrupt', `pod index entry ${key}: does not start with its record time`);
  return { seq: seqOfKey(key), recordedAt, event: readEvent(parseOrUndefined(value.slice(RECORDED_AT_WIDTH)), key) };
};

/**
 * Reads a pod index entry on the hot path (checked as `readRecord` checks a record; `verify` compares it byte for
 * byte with its record). Its event must be one this key indexes (the pod, range and instant the key names): an
 * entry copied or moved under another pod's key (`p!default/api!…` holding `debug`'s rejection) was answered as
 * that pod's by `describe`, `diff` and `events --for`. One key built and compared: the check costs a read of a
 * pod's history little (`bench/README.md`, "A pod index entry under its own key").
 */
export const readPodEntry = (value: string, key: string): PodRecord => {
  const entry = podEntryIn(value, key);
  if (!indexes(key, entry.event)) throw new JournalError('corrupt', `pod index entry ${key}: holds ${entryOf(entry.event, podKeyOf(entry.event))}, which this key does not index`, key);
  return entry;
};

/**
 * Whether `key` is the pod index key of `event` (at the sequence number the key names): compared in place, where
 * building the key (`podKey`) cost ≈ 40 % of a read of an entry; a key with an escaped name is compared built.
 */
const indexes = (key: string, event: Event): boolean => {
  if (!('pod' in event)) return false;
  const { namespace, name } = event.pod;
  const atStart = key.length - SEQ_PART_WIDTH - 1 - RECORDED_AT_WIDTH;
  if (!key.startsWith(event.at, atStart) || !key.startsWith(isObservation(event) ? OBSERVATIONS : PODS)) return false;
  // Escaping writes '%': a key without one names the pod as it is.
  if (key.includes('%')) return key === podKey(`${namespace}/${name}`, isObservation(event), { at: event.at, seq: seqOfKey(key) });
  const nameStart = PODS.length + namespace.length + 1;
  return nameStart + name.length + 1 === atStart && key.startsWith(namespace, PODS.length) && key.charCodeAt(nameStart - 1) === SLASH && key.startsWith(name, nameStart);
};

const SLASH = 0x2f;
/** What an entry holds, in the error that refuses it: the event's type, pod and instant. */
const entryOf = (event: Event, pod: string | undefined): string => `${event.type}${pod === undefined ? '' : ` of pod ${pod}`} at ${event.at}`;

/**
 * Throws unless `record` (read by the sequence number of `entry`'s key) holds the event the entry holds: its pod,
 * type and instant, and its record time. An entry whose key was re-pointed at another record is refused here.
 */
export const refuseOtherRecord = (entry: PodRecord, record: JournalRecord): void => {
  const [held, named] = [entry.event, record.event];
  if (held.type !== named.type || held.at !== named.at || podKeyOf(held) !== podKeyOf(named) || entry.recordedAt !== record.recordedAt)
    throw new JournalError('corrupt', `pod index entry of record ${entry.seq}: holds ${entryOf(held, podKeyOf(held))}, but record ${record.seq} is ${entryOf(named, podKeyOf(named))}`, recordKey(record.seq));
};

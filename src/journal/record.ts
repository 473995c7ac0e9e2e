/**
 * A journal record: one event with its sequence number, record time and hash-chain link; how it is sealed
 * (hashed and encoded once, for storage and export alike) and read back.
 */
import { hash } from 'node:crypto';
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { Instant } from '../k8s/codecs.js';
import { Event, decodeEvent, formatErrors } from '../events/index.js';
import { compiledWhenUsed } from './compiled-guard.js';
import { isCurrentEvent } from './event-guard.js';
import { decodeJson } from './decode-json.js';
import { JournalError } from './errors.js';
import { seqOfKey } from './keys.js';

export interface Sha256Brand {
  readonly Sha256: unique symbol;
}
export const Sha256 = t.brand(t.string, (s): s is t.Branded<string, Sha256Brand> => /^[0-9a-f]{64}$/.test(s), 'Sha256');
export type Sha256 = t.TypeOf<typeof Sha256>;

export const sha256 = (s: string): Sha256 => hash('sha256', s, 'hex') as Sha256;

/** The link before the first record. */
export const GENESIS_HASH = '0'.repeat(64) as Sha256;

export const Seq = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 1, 'Seq');

const recordFields = { seq: Seq, recordedAt: Instant, prevHash: t.string, hash: t.string };

/** A record as stored and exported, the event still unread; checked strictly where records come in or are verified. */
const RecordEnvelope = t.type({ ...recordFields, prevHash: Sha256, hash: Sha256, event: t.UnknownRecord }, 'JournalRecord');

/** A record whose event is a current-schema `Event`. */
export const JournalRecord = t.type({ ...recordFields, event: Event }, 'JournalRecord');
export type JournalRecord = t.TypeOf<typeof JournalRecord>;

/** What sealing yields: the link and the one string that is both the stored value and the export line. */
export interface Sealed {
  readonly seq: number;
  readonly recordedAt: Instant;
  readonly prevHash: Sha256;
  readonly hash: Sha256;
  readonly value: string;
}

/**
 * Seals an event (already in canonical JSON) as record `seq` after `prevHash`:
 * `hash = sha256(prevHash + canonical({ event, prevHash, recordedAt, seq }))`. The canonical form is
 * spelled out here so the event is encoded once; instants and hashes need no JSON escaping.
 */
export const seal = (prevHash: Sha256, seq: number, recordedAt: Instant, eventJson: string): Sealed => {
  const h = chainHash(prevHash, seq, recordedAt, eventJson);
  const value = `{"seq":${seq},"recordedAt":"${recordedAt}","prevHash":"${prevHash}","hash":"${h}","event":${eventJson}}`;
  return { seq, recordedAt, prevHash, hash: h, value };
};

const chainHash = (prevHash: string, seq: number, recordedAt: string, eventJson: string): Sha256 =>
  sha256(`${prevHash}{"event":${eventJson},"prevHash":"${prevHash}","recordedAt":"${recordedAt}","seq":${seq}}`);

/** A record's chain fields, as read (the read path leaves the hash format checks to verify). */
interface Link {
  readonly seq: number;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** Where a stored value's event begins (`seal`'s text: the event is its last field, after fields that cannot hold this text). */
const EVENT_FIELD = ',"event":';

/**
 * Whether a stored value, read as `r`, hashes to `r.hash`. LevelDB reads its tables without their block
 * checksums (classic-level sets no `verify_checksums`), so a changed byte of a value reaches a read unnoticed:
 * this is the check that notices it, one SHA-256 a record read (≈ 1.3 µs here, beside ≈ 1.5 µs of JSON.parse).
 */
const holdsItsHash = (value: string, r: Link): boolean =>
  chainHash(r.prevHash, r.seq, r.recordedAt, value.slice(value.indexOf(EVENT_FIELD) + EVENT_FIELD.length, -1)) === r.hash;

/** Parses a stored value or export line into its envelope: Left names the first bad field. */
export const parseEnvelope = (text: string): E.Either<string, t.TypeOf<typeof RecordEnvelope>> => decodeJson(RecordEnvelope, text);

/**
 * Reads a stored value on the hot path. Values were decoded before they were sealed and `verify` decodes
 * them all again, so a type guard suffices here; only a value that fails it (an older event schema) pays
 * for the full decode, which upcasts it. Its own hash is checked (`holdsItsHash`): a value changed in the
 * store since it was written is refused, naming its key, never answered from.
 */
export const readRecord = (value: string, key: string): JournalRecord => {
  const json = parseOrUndefined(value);
  if (isCurrentRecord(json)) return unchanged(json, value, key);
  const envelope = json === undefined ? E.left('is not JSON') : E.mapLeft(formatErrors)(RecordEnvelope.decode(json));
  if (E.isLeft(envelope)) throw new JournalError('corrupt', `record ${key}: ${envelope.left}`, key);
  const event = decodeStored(envelope.right.event, key);
  return { ...unchanged(envelope.right, value, key), event };
};

/** `r`, read from `value` under `key`, if it is the record sealed there: else the journal was changed under it. */
const unchanged = <R extends Link>(r: R, value: string, key: string): R => {
  if (seqOfKey(key) !== r.seq) throw new JournalError('corrupt', `record ${key}: says it is record ${r.seq}`, key);
  if (!holdsItsHash(value, r)) throw new JournalError('corrupt', `record ${key}: its bytes do not hash to its hash: changed since it was written`, key);
  return r;
};

/** A stored event (parsed JSON) on the hot path: the guard of its type, else the full decode, which upcasts an older schema. */
export const readEvent = (json: unknown, key: string): Event => (isObject(json) && isCurrentEvent(json) ? json : decodeStored(json, key));

const decodeStored = (u: unknown, key: string): Event => {
  const event = decodeEvent(u);
  if (E.isLeft(event)) throw new JournalError('corrupt', `record ${key}: ${event.left}`, key);
  return event.right;
};

// The read path skips the hash format checks (a regex each): verify makes them.
const StoredShell = t.type({ ...recordFields, event: t.UnknownRecord });
const isStoredShell = compiledWhenUsed(StoredShell);

const isCurrentRecord = (u: unknown): u is JournalRecord => isStoredShell(u) && isCurrentEvent(u.event);

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

export const parseOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

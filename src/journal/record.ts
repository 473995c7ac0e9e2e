/**
 * A journal record: one event with its sequence number, record time and hash-chain link; how it is sealed
 * (hashed and encoded once, for storage and export alike) and read back.
 */
import { hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
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

/** What sealing yields: the link, the record's text (its export line) and the value stored for it. */
export interface Sealed extends Linked {
  readonly value: string;
  /** `value` behind its check (`storedForm`): what `e!<seq>` holds. */
  readonly stored: string;
}

/** The width of a stored record's check: a CRC-32 in hex. */
export const CHECK_WIDTH = 8;

/**
 * The check a stored record's text carries (format 10): the CRC-32 of its UTF-8 bytes, 8 hex digits. LevelDB
 * reads its tables without their block checksums (classic-level sets no `verify_checksums`), so a changed byte
 * of a value reaches a read unnoticed; a CRC-32 detects every change of up to 32 consecutive bits, so every
 * changed byte. Reads check it instead of the record's SHA-256 (about half its cost in a replay's read,
 * bench/README.md 2026-12-07 13:15): the chain stays whole for verify, export, import and the append.
 */
const checkOf = (text: string): string => crc32(text).toString(16).padStart(CHECK_WIDTH, '0');

/**
 * `stored` begins with `checkOf(text)`: its first 8 characters compared with the CRC-32's hex digits, high nibble
 * first, lower case, without building that string (a replay reads ≈ 150,000 records at M: bench/README.md,
 * 2026-12-07 19:00).
 */
const beginsWithCheckOf = (stored: string, text: string): boolean => {
  const crc = crc32(text);
  for (let i = 0; i < CHECK_WIDTH; i++) {
    const nibble = (crc >>> (4 * (CHECK_WIDTH - 1 - i))) & 0xf;
    if (stored.charCodeAt(i) !== (nibble < 10 ? 48 + nibble : 87 + nibble)) return false; // '0'-'9', 'a'-'f'
  }
  return true;
};

/** A record's text as stored: its check, then the text. */
export const storedForm = (text: string): string => `${checkOf(text)}${text}`;

/** The record's text in a stored value (what it exports as), its check left unread. */
export const recordText = (stored: string): string => stored.slice(CHECK_WIDTH);

/** A record's place in the chain, as sealing yields it (`seal`, `record-bytes.ts :: encodeRecord`). */
export interface Linked {
  readonly seq: number;
  readonly recordedAt: Instant;
  readonly prevHash: Sha256;
  readonly hash: Sha256;
}

/**
 * A record's text around its event (its export line: the event last, after fields that need no JSON escaping):
 * the one definition, for `seal`'s string and the bytes an append writes (`record-bytes.ts`).
 */
export const recordTextHead = (seq: number, recordedAt: string, prevHash: string, hash: string): string =>
  `{"seq":${seq},"recordedAt":"${recordedAt}","prevHash":"${prevHash}","hash":"${hash}","event":`;
export const RECORD_TEXT_TAIL = '}';

/**
 * Seals an event (already in canonical JSON) as record `seq` after `prevHash`:
 * `hash = sha256(prevHash + canonical({ event, prevHash, recordedAt, seq }))`. The canonical form is
 * spelled out here so the event is encoded once; instants and hashes need no JSON escaping. An append writes
 * the same record as bytes (`record-bytes.ts`); this string form serves verify, recovery and exports.
 */
export const seal = (prevHash: Sha256, seq: number, recordedAt: Instant, eventJson: string): Sealed => {
  const link = linkOf(prevHash, seq, recordedAt, eventJson);
  const value = `${recordTextHead(seq, recordedAt, prevHash, link.hash)}${eventJson}${RECORD_TEXT_TAIL}`;
  return { ...link, value, stored: storedForm(value) };
};

/** The link of `eventJson` sealed as record `seq` after `prevHash`: its hash. */
export const linkOf = (prevHash: Sha256, seq: number, recordedAt: Instant, eventJson: string): Linked => ({ seq, recordedAt, prevHash, hash: chainHash(prevHash, seq, recordedAt, eventJson) });

const chainHash = (prevHash: string, seq: number, recordedAt: string, eventJson: string): Sha256 =>
  sha256(`${prevHash}{"event":${eventJson},"prevHash":"${prevHash}","recordedAt":"${recordedAt}","seq":${seq}}`);

/** A record's chain fields, as read (the read path leaves the hash format checks to verify). */
interface Link {
  readonly seq: number;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** Where a record's event begins (`seal`'s text: the event is its last field, after fields that cannot hold this text). */
const EVENT_FIELD = ',"event":';

/** Whether a record's text, read as `r`, hashes to `r.hash`: the check of a record stored before format 10. */
const holdsItsHash = (text: string, r: Link): boolean =>
  chainHash(r.prevHash, r.seq, r.recordedAt, text.slice(text.indexOf(EVENT_FIELD) + EVENT_FIELD.length, -1)) === r.hash;

/** Whether a stored record's text hashes to the hash it names (one that does not parse does not). */
export const hashesToItsHash = (text: string): boolean => {
  const json = parseOrUndefined(text);
  return isStoredShell(json) && holdsItsHash(text, json);
};

/** Parses a record's text or an export line into its envelope: Left names the first bad field. */
export const parseEnvelope = (text: string): E.Either<string, t.TypeOf<typeof RecordEnvelope>> => decodeJson(RecordEnvelope, text);

/**
 * Reads a stored value on the hot path. Values were decoded before they were sealed and `verify` decodes
 * them all again, so a type guard suffices here; only a value that fails it (an older event schema) pays
 * for the full decode, which upcasts it. Its check is checked first (`checkOf`): a value changed in the
 * store since it was written is refused, naming its key, never answered from.
 */
export const readRecord = (stored: string, key: string): JournalRecord => {
  const text = recordText(stored);
  if (!beginsWithCheckOf(stored, text)) throw new JournalError('corrupt', `record ${key}: its bytes do not match their CRC-32: changed since it was written`, key);
  return readText(text, key);
};

/**
 * Reads a record stored before format 10 (its text alone, no check), checked against its own SHA-256 instead:
 * what the upgrade to format 10 reads before it stores the text with its check.
 */
export const readUncheckedRecord = (text: string, key: string): JournalRecord => hashChecked(text, readText(text, key), key);

/**
 * Reads a stored record as `import` will read its export line: its check and its key (`readRecord`), then its own
 * SHA-256, which a value whose check was made again over changed bytes fails. What `export` writes.
 */
export const readSealedRecord = (stored: string, key: string): JournalRecord => hashChecked(recordText(stored), readRecord(stored, key), key);

/** `r`, read from `text` under `key`, if the text hashes to its hash: else it was changed since it was sealed. */
const hashChecked = (text: string, r: JournalRecord, key: string): JournalRecord => {
  if (!holdsItsHash(text, r)) throw new JournalError('corrupt', `record ${key}: its bytes do not hash to its hash: changed since it was written`, key);
  return r;
};

const readText = (text: string, key: string): JournalRecord => {
  const json = parseOrUndefined(text);
  if (isCurrentRecord(json)) return underItsKey(json, key);
  const envelope = json === undefined ? E.left('is not JSON') : E.mapLeft(formatErrors)(RecordEnvelope.decode(json));
  if (E.isLeft(envelope)) throw new JournalError('corrupt', `record ${key}: ${envelope.left}`, key);
  const event = decodeStored(envelope.right.event, key);
  return { ...underItsKey(envelope.right, key), event };
};

/** `r`, read under `key`, if it is the record sealed there: else a value was moved under another key. */
const underItsKey = <R extends Link>(r: R, key: string): R => {
  if (seqOfKey(key) !== r.seq) throw new JournalError('corrupt', `record ${key}: says it is record ${r.seq}`, key);
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

/**
 * The bytes an append writes for a record and its pod index entry, encoded once. `seal`, `storedForm` and
 * `podEntryValue` spell the same values as strings; handed to LevelDB, such a string (a rope of its parts) was
 * flattened (a copy), turned into UTF-8 for its CRC-32, then twice more by classic-level (its length, then its
 * copy), and the pod entry's rope the same again. Here the record's text is written as UTF-8 once, into one
 * reused buffer; its CRC-32 is taken over those bytes and written before them, the pod entry is the record time
 * and a copy of the event's bytes, and LevelDB copies both views as they are (a Buffer value is one `memcpy`).
 * The chain's hash stays over the string (`linkOf`): a hash of bytes laid out here cost more than it saved.
 */
import { crc32 } from 'node:zlib';
import type { Instant } from '../k8s/codecs.js';
import { CHECK_WIDTH, RECORD_TEXT_TAIL, linkOf, recordTextHead, type Linked, type Sha256 } from './record.js';
import { RECORDED_AT_WIDTH } from './pod-entry.js';
import type { Db } from './scan.js';

/** A record encoded for an append: its link, and views valid until the next encoding (put them at once: LevelDB copies a value when it is put). */
export interface EncodedRecord {
  readonly link: Linked;
  /** What `e!<seq>` holds: `storedForm(seal(…).value)`'s UTF-8 bytes. */
  readonly stored: Buffer;
  /** What the record's pod index entry holds: `podEntryValue`'s UTF-8 bytes. */
  readonly podEntry: Buffer;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** The buffer every encoding writes into, grown for a large event (a UTF-8 byte is at most 3 per UTF-16 unit). */
let scratch = Buffer.allocUnsafe(64 * 1024);
const room = (bytes: number): Buffer => {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, 2 * scratch.length));
  return scratch;
};

/** Writes ASCII `text` (digits, hex, instants, JSON punctuation: a record's parts around its event) at `offset`; its end. */
const ascii = (buf: Buffer, text: string, offset: number): number => {
  const written = buf.write(text, offset, 'utf8');
  if (written !== text.length) throw new Error(`not ASCII: ${text}`);
  return offset + written;
};

/**
 * Seals `eventJson` (canonical JSON) as record `seq` after `prevHash`, recorded at `recordedAt`, as `seal` does,
 * and encodes its stored bytes and its pod index entry's.
 */
export const encodeRecord = (prevHash: Sha256, seq: number, recordedAt: Instant, eventJson: string): EncodedRecord => {
  const link = linkOf(prevHash, seq, recordedAt, eventJson);
  const head = recordTextHead(seq, recordedAt, prevHash, link.hash);
  const maxEvent = 3 * eventJson.length;
  const buf = room(CHECK_WIDTH + head.length + maxEvent + RECORD_TEXT_TAIL.length + RECORDED_AT_WIDTH + maxEvent);
  const eventStart = ascii(buf, head, CHECK_WIDTH);
  const eventEnd = eventStart + buf.write(eventJson, eventStart, 'utf8');
  const recordEnd = ascii(buf, RECORD_TEXT_TAIL, eventEnd);
  const check = crc32(buf.subarray(CHECK_WIDTH, recordEnd));
  for (let i = 0; i < CHECK_WIDTH; i++) buf[i] = HEX_DIGITS[(check >>> (4 * (CHECK_WIDTH - 1 - i))) & 0xf] ?? 0;
  // The pod entry after it: the record time, then the event's bytes.
  const podEventStart = ascii(buf, recordedAt, recordEnd);
  buf.copyWithin(podEventStart, eventStart, eventEnd);
  return { link, stored: buf.subarray(0, recordEnd), podEntry: buf.subarray(recordEnd, podEventStart + eventEnd - eventStart) };
};

/** A pod index entry's bytes (`podEntryValue`), for entries put apart from their record; valid until the next encoding. */
export const encodePodEntry = (recordedAt: Instant, eventJson: string): Buffer => {
  const buf = room(RECORDED_AT_WIDTH + 3 * eventJson.length);
  const eventStart = ascii(buf, recordedAt, 0);
  return buf.subarray(0, eventStart + buf.write(eventJson, eventStart, 'utf8'));
};

type Batch = ReturnType<Db['batch']>;
const BYTES = { valueEncoding: 'buffer' } as const;

/** Puts a value, text or encoded bytes, as it is (bytes are copied before this returns). */
export const putValue = (batch: Batch, key: string, value: string | Buffer): void => {
  if (typeof value === 'string') batch.put(key, value);
  else batch.put<string, Buffer>(key, value, BYTES);
};

/** Writes one record's bytes alone: one native call (`records-alone.ts`). */
export const putBytes = (db: Db, key: string, value: Buffer, sync: boolean): Promise<void> => db.put<string, Buffer>(key, value, { ...BYTES, sync });

/**
 * Recovery on open. An append is acknowledged once its records are written (fsynced by default); its index
 * entries and the new head follow in a second write it does not wait for (`stage.ts`). A crash between the
 * two leaves acknowledged records beyond the stored head without their entries: the records are the truth,
 * and the entries and the head are rebuilt from them here.
 */
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, podKeyOf } from '../events/index.js';
import { canonical } from './canonical.js';
import { putIndexEntries, type Indexed } from './derived-keys.js';
import { advance, encodeHead, type Head } from './head.js';
import { META_HEAD, RECORDS, recordKey, seqOfKey, upper } from './keys.js';
import { podEntryValue } from './pod-entry.js';
import { parseEnvelope, seal, sha256, type Sha256 } from './record.js';
import { entryPages, type Db } from './scan.js';

interface Chained extends Indexed {
  readonly hash: Sha256;
  readonly digest: string;
}

/**
 * The record stored under `key` as the one after `tip`, or undefined: it must continue the sequence, link
 * to the tip's hash, decode, hash to its own hash in canonical form, and not be late (an append with a late
 * event writes its head with its records, in one batch, so no late record is left beyond the head).
 */
const chainedAfter = (tip: Head, key: string, value: string): Chained | undefined => {
  const seq = tip.seq + 1;
  const envelope = parseEnvelope(value);
  if (seqOfKey(key) !== seq || E.isLeft(envelope)) return undefined;
  const r = envelope.right;
  const event = decodeEvent(r.event);
  if (r.seq !== seq || r.prevHash !== tip.hash || E.isLeft(event) || (tip.maxAt !== null && event.right.at < tip.maxAt)) return undefined;
  const eventJson = canonical(r.event);
  const sealed = seal(r.prevHash, seq, r.recordedAt, eventJson);
  if (sealed.hash !== r.hash || sealed.value !== value) return undefined;
  return { seq, podValue: podEntryValue(r.recordedAt, eventJson), at: event.right.at, pod: podKeyOf(event.right), hash: sealed.hash, digest: sha256(eventJson) };
};

/**
 * Writes the index entries of the records beyond `head` that chain onto it, and the head after them, in one
 * synced batch; returns the new head (`head` itself when there are none). Records beyond the head that do
 * not chain onto it are not an append's: they stay, for `verify` to report.
 */
export const rollForward = async (db: Db, head: Head): Promise<Head> => {
  // Nearly always nothing lies beyond the head: one point read says so, where opening a batch and a scan cost
  // every reader's start-up ≈ 8 ms at tier M.
  if ((await db.get(recordKey(head.seq + 1))) === undefined) return head;
  let tip = head;
  const batch = db.batch();
  try {
    scan: for await (const entries of entryPages(db, { gt: recordKey(head.seq), lt: upper(RECORDS) })) {
      for (const [key, value] of entries) {
        const record = chainedAfter(tip, key, value);
        if (record === undefined) break scan;
        putIndexEntries(batch, record, record.digest, !tip.ordered);
        tip = advance(tip, record.at, record.hash);
      }
    }
    if (tip.seq === head.seq) {
      await batch.close();
      return head;
    }
    await batch.put(META_HEAD, encodeHead(tip)).write({ sync: true });
    return tip;
  } catch (error) {
    await batch.close();
    throw error;
  }
};

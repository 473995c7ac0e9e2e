/**
 * Recovery on open. An append is acknowledged once its records are written (fsynced by default); its index
 * entries and the new head follow in a second write it does not wait for (`stage.ts`). A crash between the
 * two leaves acknowledged records beyond the stored head without their entries: the records are the truth,
 * and the entries and the head are rebuilt from them here.
 */
import { linkAfter } from './chain-link.js';
import { dedupDigest, putIndexEntries, type Indexed } from './derived-keys.js';
import { advance, encodeHead, type Head } from './head.js';
import { META_HEAD, META_UNCHECKED, RECORDS, parseUncheckedMark, recordKey, seqOfKey, upper } from './keys.js';
import { parseEnvelope, recordText, seal, type Sha256 } from './record.js';
import { canonicalEvent } from './compiled-encoder.js';
import * as E from 'fp-ts/lib/Either.js';
import { entryPages, type Db } from './scan.js';

interface Chained extends Indexed {
  readonly hash: Sha256;
  /** Its dedup entry's digest: only an event without a pod has one (`dedupDigest`). */
  readonly digest: string | undefined;
}

/** A record beyond the head sealed onto it whose event an append would not have stored as it is: its check refused it. */
const REFUSED = 'refused';

/**
 * The record stored under `key` as the one after `tip`: Chained when it is the chain's next link
 * (`chain-link.ts`), its event one an append stores as it is (its canonical JSON that of its decoded event) and
 * not late (an append with a late event writes its head with its records, in one batch, so no late record is
 * left beyond the head); REFUSED when it is sealed onto `tip` but its event is not (podj before the one-walk
 * check wrote a durable append's records while it checked its events, and crashed maybe before it took them
 * back; appends now check first, `compiled-encoder.ts :: checkedCanonicalEvent`); undefined for anything else.
 */
const chainedAfter = (tip: Head, key: string, value: string): Chained | typeof REFUSED | undefined => {
  const link = linkAfter(tip, seqOfKey(key), value);
  if ('reason' in link) return sealedOnto(tip, key, value) ? REFUSED : undefined;
  if (canonicalEvent(link.event) !== link.eventJson) return REFUSED;
  if (tip.maxAt !== null && link.event.at < tip.maxAt) return undefined;
  return { seq: link.seq, podValue: link.podValue, at: link.event.at, pod: link.pod, observed: link.observed, hash: link.hash, digest: dedupDigest({ pod: link.pod, json: link.eventJson }) };
};

/** Whether `value` is the record sealed after `tip` as it is, whatever its event (`record.ts :: seal`). */
const sealedOnto = (tip: Head, key: string, value: string): boolean => {
  const envelope = parseEnvelope(recordText(value));
  if (E.isLeft(envelope) || seqOfKey(key) !== tip.seq + 1) return false;
  const r = envelope.right;
  return r.seq === tip.seq + 1 && r.prevHash === tip.hash && seal(tip.hash, r.seq, r.recordedAt, canonicalEvent(r.event)).stored === value;
};

/**
 * Writes the index entries of the records beyond `head` that chain onto it, and the head after them, in one
 * synced batch; returns the new head (`head` itself when there are none). Records beyond the head that do
 * not chain onto it are not an append's: they stay, for `verify` to report. A refused record that ends the
 * records was written by the last append, which never answered: that append's records (all those the
 * unchecked mark names, else the refused one alone) are taken back.
 */
export const rollForward = async (db: Db, head: Head): Promise<Head> => {
  // Nearly always nothing lies beyond the head: one point read says so, where opening a batch and a scan cost
  // every reader's start-up ≈ 8 ms at tier M.
  if ((await db.get(recordKey(head.seq + 1))) === undefined) return head;
  const chained: Array<{ readonly record: Chained; readonly timeIndexed: boolean; readonly tip: Head }> = [];
  let refused: number | undefined;
  let tip = head;
  scan: for await (const entries of entryPages(db, { gt: recordKey(head.seq), lt: upper(RECORDS) })) {
    for (const [key, value] of entries) {
      const record = chainedAfter(tip, key, value);
      if (record === REFUSED) refused = tip.seq + 1;
      if (record === undefined || record === REFUSED) break scan;
      const timeIndexed = !tip.ordered;
      tip = advance(tip, record.at, record.hash);
      chained.push({ record, timeIndexed, tip });
    }
  }
  const takenBack = refused === undefined ? undefined : await lastAppendOf(db, head, refused);
  const kept = takenBack === undefined ? chained : chained.filter(({ record }) => record.seq < takenBack.first);
  const last = kept[kept.length - 1];
  if (last === undefined && takenBack === undefined) return head;
  const batch = db.batch();
  for (const { record, timeIndexed } of kept) putIndexEntries(batch, record, record.digest, timeIndexed);
  if (takenBack !== undefined) {
    for (let seq = takenBack.first; seq <= takenBack.last; seq++) batch.del(recordKey(seq));
    batch.del(META_UNCHECKED);
  }
  const moved = last?.tip ?? head;
  await batch.put(META_HEAD, encodeHead(moved)).write({ sync: true });
  return moved;
};

/**
 * The span of the append that wrote the refused record `seq`, when it is the last one written (no record lies
 * after it): the span the unchecked mark names if it holds `seq`, else `seq` alone. Undefined when records lie
 * after it, or the span reaches into the head: a refused append is taken back before the next starts, and its
 * head never moved, so those are not a refused append's.
 */
const lastAppendOf = async (db: Db, head: Head, seq: number): Promise<{ readonly first: number; readonly last: number } | undefined> => {
  const mark = parseUncheckedMark(await db.get(META_UNCHECKED));
  // A mark reaching at or below the head names an append the head has taken in: not a refused one.
  if (mark !== undefined && mark.first <= seq && seq <= mark.last && mark.first <= head.seq) return undefined;
  const span = mark !== undefined && mark.first <= seq && seq <= mark.last ? mark : { first: seq, last: seq };
  return (await db.get(recordKey(span.last + 1))) === undefined ? span : undefined;
};

/**
 * Recovery on open. An append is acknowledged once its records are written (fsynced by default); its index
 * entries and the new head follow in a second write it does not wait for (`stage.ts`). A crash between the
 * two leaves acknowledged records beyond the stored head without their entries: the records are the truth,
 * and the entries and the head are rebuilt from them here.
 */
import { linkAfter } from './chain-link.js';
import { dedupDigest, putIndexEntries, type Indexed } from './derived-keys.js';
import { advance, encodeHead, type Head } from './head.js';
import { META_HEAD, RECORDS, recordKey, seqOfKey, upper } from './keys.js';
import type { Sha256 } from './record.js';
import { entryPages, type Db } from './scan.js';

interface Chained extends Indexed {
  readonly hash: Sha256;
  /** Its dedup entry's digest: only an event without a pod has one (`dedupDigest`). */
  readonly digest: string | undefined;
}

/**
 * The record stored under `key` as the one after `tip`, or undefined: it must be the chain's next link
 * (`chain-link.ts`) and not be late (an append with a late event writes its head with its records, in one
 * batch, so no late record is left beyond the head).
 */
const chainedAfter = (tip: Head, key: string, value: string): Chained | undefined => {
  const link = linkAfter(tip, seqOfKey(key), value);
  if ('reason' in link || (tip.maxAt !== null && link.event.at < tip.maxAt)) return undefined;
  return { seq: link.seq, podValue: link.podValue, at: link.event.at, pod: link.pod, observed: link.observed, hash: link.hash, digest: dedupDigest({ pod: link.pod, json: link.eventJson }) };
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

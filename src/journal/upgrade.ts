/**
 * Upgrading a journal written in an older format, in place, when it is opened. Each step is idempotent and
 * `m!format` moves last, synced: a crash midway leaves the older format, whose next open upgrades it again.
 * - 3 → 4: format 3 kept empty values in the pod index; format 4 keeps a copy of each record there, so a
 *   pod's history is one range read. The copies are written page by page (rewriting one is idempotent).
 * - 4 → 5: format 4 kept a time index entry for every record; format 5 keeps the time index only while the
 *   journal is not time-ordered (in a time-ordered one sequence order is time order). A time-ordered
 *   journal's entries are removed; a journal whose head cannot be read keeps them (verify names the fault).
 * - 5 → 6: format 5's pod index held a whole copy of each record; format 6 holds its record time and event
 *   (`pod-entry.ts`). The entries are written again from the records, as 3 → 4 wrote them.
 * - 6 → 7: format 6 keyed a dedup entry by its digest alone (`d!<digest>`); format 7 by the event's
 *   instant, then the digest (`d!<at>!<digest>`). Each entry moves to its new key, naming the same record
 *   (whose event gives the instant), page by page in one batch each; an entry already moved is left alone.
 * - 7 → 8: format 7 kept a dedup entry for every event; format 8 only for an event without a pod (a pod's
 *   event is found by its pod index entry). The entries naming a record whose event has a pod are removed,
 *   page by page; one naming no readable record stays, for verify to name.
 * - 8 → 9: format 8 kept all of a pod's entries in `p!`; format 9 keeps its observations in `o!`
 *   (`keys.ts`), so a read that leaves them out does not read them. Each observation's entry moves to the
 *   same key under `o!`, holding the same value, page by page in one batch each; an entry whose event
 *   cannot be read stays, for verify to name.
 * - 9 → 10: format 9 stored each record's text alone, which reads checked against its SHA-256; format 10 stores it
 *   behind its CRC-32 (`record.ts :: storedForm`), which reads check instead. Each record that holds its hash is
 *   stored again behind its check, page by page in one batch each, first (the steps before read records as
 *   format 10 stores them); one that does not stays as it is, refused by reads, for verify to name; one already
 *   behind its check (an upgrade cut short) is left alone.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isObservation, podKeyOf, type Event } from '../events/index.js';
import { parseHead } from './head.js';
import { DIGESTS, META_FORMAT, OBSERVATIONS, PODS, RECORDS, TIME, digestKey, podKey, recordKey, upper } from './keys.js';
import { canonicalEvent } from './compiled-encoder.js';
import { podEntryIn, podEntryValue } from './pod-entry.js';
import { parseEnvelope, readRecord, readUncheckedRecord, recordText, storedForm } from './record.js';
import { entryPages, type Db } from './scan.js';

/** The oldest format this podj upgrades; older journals are refused with a format-version error. */
export const OLDEST_UPGRADABLE = 3;

/** Upgrades from format `from` to `to`; `headText` is the stored `m!head`, if any. */
export const upgradeFormat = async (db: Db, from: number, to: number, headText: string | undefined): Promise<void> => {
  if (from <= 9) await storeRecordsWithChecks(db);
  if (from <= 4) await dropTimeIndexIfOrdered(db, headText);
  if (from <= 5) await writePodIndexFromRecords(db);
  if (from <= 6) await keyDigestsByInstant(db);
  if (from <= 7) await dropPodEventDigests(db);
  if (from <= 8) await moveObservationEntries(db);
  await db.put(META_FORMAT, String(to), { sync: true });
};

/** Every record's text stored behind its check (format 10), but those that do not hold their hash. */
const storeRecordsWithChecks = async (db: Db): Promise<void> => {
  for await (const entries of entryPages(db, { gte: RECORDS, lt: upper(RECORDS) })) {
    const batch = db.batch();
    for (const [key, value] of entries) {
      // A record's text opens with `{`, its check with a hex digit: this one is stored behind its check already.
      if (value.startsWith('{') && eventIn(readUncheckedRecord, value, key) !== undefined) batch.put(key, storedForm(value));
    }
    await batch.write();
  }
};

/** Every pod index entry, written from its record page by page (writing one again is idempotent). */
const writePodIndexFromRecords = async (db: Db): Promise<void> => {
  for await (const entries of entryPages(db, { gte: RECORDS, lt: upper(RECORDS) })) {
    const batch = db.batch();
    for (const [key, value] of entries) {
      const record = readRecord(value, key);
      const pod = podKeyOf(record.event);
      // The entry holds the event as stored (an older schema is upcast when read, as the record's is).
      const stored = parseEnvelope(recordText(value));
      if (pod !== undefined && E.isRight(stored)) {
        batch.put(podKey(pod, isObservation(record.event), { at: record.event.at, seq: record.seq }), podEntryValue(record.recordedAt, canonicalEvent(stored.right.event)));
      }
    }
    await batch.write();
  }
};

/** A format-6 dedup key: `d!` and a SHA-256 in hex, nothing else. */
const FORMAT_6_DIGEST_KEY = /^d!([0-9a-f]{64})$/;

/**
 * Moves every format-6 dedup entry to its format-7 key, from the instant of the record it names. An entry
 * naming no readable record stays as it is, for verify to name.
 */
const keyDigestsByInstant = async (db: Db): Promise<void> => {
  for await (const entries of entryPages(db, { gte: DIGESTS, lt: upper(DIGESTS) })) {
    const old = entries.flatMap(([key, seq]) => {
      const digest = FORMAT_6_DIGEST_KEY.exec(key)?.[1];
      return digest === undefined ? [] : [{ key, digest, seq }];
    });
    if (old.length === 0) continue;
    const records: ReadonlyArray<string | undefined> = await db.getMany(old.map(({ seq }) => recordKey(Number(seq))));
    const batch = db.batch();
    old.forEach(({ key, digest, seq }, i) => {
      const value = records[i];
      if (value === undefined) return;
      batch.put(digestKey(readRecord(value, recordKey(Number(seq))).event.at, digest), seq).del(key);
    });
    await batch.write();
  }
};

/** Removes every dedup entry naming a record whose event has a pod (format 8 keeps those of pod-less events only). */
const dropPodEventDigests = async (db: Db): Promise<void> => {
  for await (const entries of entryPages(db, { gte: DIGESTS, lt: upper(DIGESTS) })) {
    const records: ReadonlyArray<string | undefined> = await db.getMany(entries.map(([, seq]) => recordKey(Number(seq))));
    const batch = db.batch();
    entries.forEach(([key, seq], i) => {
      const value = records[i];
      const event = value === undefined ? undefined : eventIn(readRecord, value, recordKey(Number(seq)));
      if (event !== undefined && podKeyOf(event) !== undefined) batch.del(key);
    });
    await batch.write();
  }
};

/** Moves the pod index entries of observations from `p!` to the same key under `o!` (format 9). */
const moveObservationEntries = async (db: Db): Promise<void> => {
  for await (const entries of entryPages(db, { gte: PODS, lt: upper(PODS) })) {
    const batch = db.batch();
    for (const [key, value] of entries) {
      const event = eventIn(podEntryIn, value, key);
      if (event !== undefined && isObservation(event)) batch.del(key).put(`${OBSERVATIONS}${key.slice(PODS.length)}`, value);
    }
    await batch.write();
  }
};

/** The event `read` finds in a stored value (a record or a pod index entry), or undefined if it cannot be read (verify names it). */
const eventIn = (read: (value: string, key: string) => { readonly event: Event }, value: string, key: string): Event | undefined => {
  try {
    return read(value, key).event;
  } catch {
    return undefined;
  }
};

const dropTimeIndexIfOrdered = async (db: Db, headText: string | undefined): Promise<void> => {
  const head = headText === undefined ? undefined : parseHead(headText);
  if (head !== undefined && E.isRight(head) && head.right.ordered) await db.clear({ gte: TIME, lt: upper(TIME) });
};

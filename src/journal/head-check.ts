/**
 * The head (`m!head`) against the records, on every open but verify's: after recovery it names the last record,
 * by its hash, and no record lies beyond it. A head altered by hand (its seq lowered, its hash changed) or
 * records planted beyond it are damage: a reader would answer from a cut-short journal without a word, and a
 * writer would seal its records onto a hash no record has, or write over the records beyond the head.
 */
import { JournalError } from './errors.js';
import type { Head } from './head.js';
import { META_HEAD, recordKey } from './keys.js';
import { hashesToItsHash, recordText } from './record.js';
import type { Db } from './scan.js';

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/**
 * The hash a stored record names (its text begins `{"seq":…,"recordedAt":…,"prevHash":…,"hash":…`), read without
 * checking the record: a record damaged otherwise is refused by the reads that read it, and named by verify.
 */
const namedHash = (stored: string): string | undefined => /"hash":"([0-9a-f]{64})"/.exec(stored)?.[1];

/** Throws a `corrupt` JournalError naming the journal when `head` (recovered) is not the last record. */
export const refuseHeadOffTheRecords = async (db: Db, dir: string, head: Head): Promise<void> => {
  const [atHead, beyond] = await db.getMany([recordKey(head.seq), recordKey(head.seq + 1)]);
  const damaged = (why: string): JournalError =>
    new JournalError('corrupt', `journal ${dir} is damaged: ${why}; it is left as it is (podj verify names the fault)`);
  if (beyond !== undefined) throw damaged(`record ${head.seq + 1} lies beyond its head (${META_HEAD}: record ${head.seq}) and does not follow it`);
  if (head.seq === 0) return;
  if (atHead === undefined) throw damaged(`its head (${META_HEAD}) names record ${head.seq}, which is missing`);
  const hash = namedHash(atHead);
  if (hash !== undefined && hash !== head.hash) throw damaged(`its head (${META_HEAD}) names record ${head.seq} as ${short(head.hash)}, but that record's hash is ${short(hash)}`);
  // One SHA-256 an open: a head record changed and its CRC-32 made again still names the head's hash, and a write
  // would chain onto a record that is not the one that hash sealed, a read answer from it.
  if (hash !== undefined && !hashesToItsHash(recordText(atHead))) throw damaged(`its head record ${head.seq} does not hash to its hash ${short(hash)}: changed since it was written`);
};

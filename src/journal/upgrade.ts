/**
 * Upgrading a journal written in an older format, in place, when it is opened. Format 3 kept empty values
 * in the pod index; format 4 keeps a copy of each record there, so a pod's history is one range read. The
 * upgrade writes those copies page by page and moves `m!format` last, synced: a crash midway leaves a
 * format-3 journal whose next open upgrades it again (rewriting a copy is idempotent).
 */
import { podKeyOf } from '../events/index.js';
import { META_FORMAT, RECORDS, podKey, upper } from './keys.js';
import { readRecord } from './record.js';
import { entryPages, type Db } from './scan.js';

/** The oldest format this podj upgrades; older journals are refused with a format-version error. */
export const OLDEST_UPGRADABLE = 3;

export const upgradeFormat = async (db: Db, from: number, to: number): Promise<void> => {
  if (from === 3) {
    for await (const entries of entryPages(db, { gte: RECORDS, lt: upper(RECORDS) })) {
      const batch = db.batch();
      for (const [key, value] of entries) {
        const record = readRecord(value, key);
        const pod = podKeyOf(record.event);
        if (pod !== undefined) batch.put(podKey(pod, { at: record.event.at, seq: record.seq }), value);
      }
      await batch.write();
    }
  }
  await db.put(META_FORMAT, String(to), { sync: true });
};

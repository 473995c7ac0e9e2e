/** The records of every pod that has held a name, in valid-time order (a name may outlive several uids), by the pod index. */
import type { Instant } from '../k8s/codecs.js';
import type { Journal, JournalRecord } from '../journal/index.js';
import { BadInput } from './errors.js';

export interface PodQuery {
  readonly namespace: string;
  readonly name: string;
  readonly untilAt?: Instant;
  readonly asOf?: Instant;
}

export const podRecordsNamed = (journal: Journal, q: PodQuery): Promise<JournalRecord[]> =>
  journal.podRecords(q.namespace, q.name, { untilAt: q.untilAt, asOfRecordedAt: q.asOf }).toArray();

/** As `podRecordsNamed`, refusing a name no pod ever had. */
export const requirePodRecords = async (journal: Journal, q: PodQuery): Promise<JournalRecord[]> => {
  const records = await podRecordsNamed(journal, q);
  if (records.length === 0) throw new BadInput(`pods "${q.name}" not found in namespace ${q.namespace}`);
  return records;
};

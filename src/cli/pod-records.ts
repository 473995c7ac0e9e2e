/** The records of every pod that has held a name, in valid-time order (a name may outlive several uids). */
import type { Instant } from '../k8s/codecs.js';
import type { Journal, JournalRecord } from '../journal/index.js';
import { BadInput } from './errors.js';

export interface PodQuery {
  readonly namespace: string;
  readonly name: string;
  readonly untilAt?: Instant;
  readonly asOf?: Instant;
}

export const podRecordsNamed = async (journal: Journal, q: PodQuery): Promise<JournalRecord[]> => {
  const found: JournalRecord[] = [];
  const stream = journal.recordsInTimeOrder({ untilAt: q.untilAt, asOfRecordedAt: q.asOf });
  for await (const page of stream.batches()) {
    for (const r of page) if ('pod' in r.event && r.event.pod.name === q.name && r.event.pod.namespace === q.namespace) found.push(r);
  }
  return found;
};

/** As `podRecordsNamed`, refusing a name no pod ever had. */
export const requirePodRecords = async (journal: Journal, q: PodQuery): Promise<JournalRecord[]> => {
  const records = await podRecordsNamed(journal, q);
  if (records.length === 0) throw new BadInput(`pods "${q.name}" not found in namespace ${q.namespace}`);
  return records;
};

/** The records of every pod that has held a name, in valid-time order (a name may outlive several uids), by the pod index. */
import type { Instant } from '../k8s/codecs.js';
import type { Journal, PodRecord } from '../journal/index.js';
import { notFoundLine } from '../printers/not-found.js';
import { Finding } from './errors.js';

export interface PodQuery {
  readonly namespace: string;
  readonly name: string;
  readonly untilAt?: Instant;
  readonly asOf?: Instant;
}

export const podRecordsNamed = (journal: Journal, q: PodQuery): Promise<PodRecord[]> =>
  journal.podRecords(q.namespace, q.name, { untilAt: q.untilAt, asOfRecordedAt: q.asOf }).toArray();

/** kubectl's answer (exit 1) for a pod the API server does not have: `Error from server (NotFound): pods "NAME" not found`. */
export const podNotFound = (name: string): Finding => new Finding(notFoundLine('pods', name));

/** As `podRecordsNamed`, answering as kubectl does for a name no pod ever had. */
export const requirePodRecords = async (journal: Journal, q: PodQuery): Promise<PodRecord[]> => {
  const records = await podRecordsNamed(journal, q);
  if (records.length === 0) throw podNotFound(q.name);
  return records;
};

/** `podj check`'s work, commander-free: read a journal in valid-time order, run every check, summarize. */
import type { Journal } from '../journal/index.js';
import { checks, checkJournal } from './index.js';
import type { Entry } from './observed.js';
import type { Violation } from './violation.js';
import { counted } from '../text/counted.js';

export interface CheckReport {
  readonly records: number;
  readonly pods: number;
  readonly checks: readonly string[];
  readonly violations: readonly Violation[];
}

/** Every record of `journal`, in valid-time order, checked. */
export const checkStoredJournal = async (journal: Journal): Promise<CheckReport> => {
  const entries: Entry[] = [];
  for await (const page of journal.recordsInTimeOrder().batches()) for (const r of page) entries.push({ seq: r.seq, event: r.event });
  const pods = new Set(entries.flatMap(({ event }) => ('pod' in event ? [event.pod.uid] : [])));
  return { records: entries.length, pods: pods.size, checks: checks.map((c) => c.name), violations: checkJournal(entries) };
};


/** One line: what was checked and what was found. */
export const summaryLine = (r: CheckReport): string =>
  `${r.violations.length === 0 ? 'no violations' : counted(r.violations.length, 'violation')} of ${r.checks.length} invariants in ${counted(r.records, 'record')} about ${counted(r.pods, 'pod')}`;

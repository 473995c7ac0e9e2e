/** A lazy stream of records: iterate it record by record, or page by page when throughput matters (replay). */
import type { JournalRecord } from './record.js';

export class RecordStream implements AsyncIterable<JournalRecord> {
  constructor(private readonly source: () => AsyncIterable<readonly JournalRecord[]>) {}

  /** Pages of up to a thousand records, in the stream's order. */
  batches(): AsyncIterable<readonly JournalRecord[]> {
    return this.source();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<JournalRecord> {
    for await (const page of this.source()) yield* page;
  }

  async toArray(): Promise<JournalRecord[]> {
    const all: JournalRecord[] = [];
    for await (const page of this.source()) all.push(...page);
    return all;
  }
}

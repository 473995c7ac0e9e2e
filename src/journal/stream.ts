/** A lazy stream of records: iterate it record by record, or page by page when throughput matters (replay). */
import type { JournalRecord } from './record.js';

export class RecordStream<R = JournalRecord> implements AsyncIterable<R> {
  constructor(private readonly source: () => AsyncIterable<readonly R[]>) {}

  /** Pages of up to a thousand records, in the stream's order. */
  batches(): AsyncIterable<readonly R[]> {
    return this.source();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    for await (const page of this.source()) yield* page;
  }

  async toArray(): Promise<R[]> {
    const all: R[] = [];
    for await (const page of this.source()) all.push(...page);
    return all;
  }
}

/** The shapes of a bulk append, apart from the journal that runs it (so `exchange.ts` needs no journal import). */
import type { Instant } from '../k8s/codecs.js';
import type { Head } from './head.js';
import type { Pending } from './pending.js';

/** `expectedSeq` that accepts any head: no optimistic concurrency check. */
export const ANY = 'any' as const;
export type ExpectedSeq = number | typeof ANY;

export interface BulkOptions {
  readonly expectedSeq?: ExpectedSeq;
  readonly recordedAt?: Instant;
  /** Skip events the journal already holds (by digest of the canonical event). */
  readonly dedup?: boolean;
  /** Events per batch; default 8192. */
  readonly chunkSize?: number;
  /** Called after each chunk is written with the number of events read so far. */
  readonly onProgress?: (read: number) => void;
}

export interface BulkResult {
  readonly appended: number;
  readonly skipped: number;
  readonly head: Head;
}

/** What a staged append writes: pending events (a plain iterable is read without an await per event, `sources.ts`), and whether to skip those the journal already holds. */
export interface StagePlan {
  readonly source: Iterable<Pending> | AsyncIterable<Pending>;
  readonly dedup: boolean;
}

/** What `importExport` needs of a journal: a staged append and its clock. */
export interface Stager {
  stageAll(plan: (start: Head) => StagePlan, opts?: Omit<BulkOptions, 'dedup' | 'recordedAt'>): Promise<BulkResult>;
  now(): Instant;
}

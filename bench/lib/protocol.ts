/** What the orchestrator passes to a measurement child, and what the child reports back on stdout. */
import type { TierName } from '../../src/generator/index.js';

export interface MeasureArgs {
  readonly tier: TierName;
  readonly seed: number;
  /** Scratch folder of this run: `raw/` (the baseline store) and `journal/` live under it. */
  readonly dataDir: string;
  /** Events per batch, for the raw baseline and the journal's bulk path alike. */
  readonly chunk: number;
}

/** One measurement's figures (`value` in `unit`), or why it could not be taken yet. */
export interface Measured {
  readonly value?: number;
  readonly unit: string;
  /** Further figures of the same measurement (counts, seconds, percentiles). */
  readonly details: Readonly<Record<string, number | string>>;
  readonly rssMiB: number;
  /** Peak anonymous resident memory (sampled), without the store's memory-mapped files. */
  readonly anonMiB?: number;
  readonly pending?: string;
}

/** The line a child prints last: the orchestrator reads only this. */
export const RESULT_PREFIX = 'BENCH-RESULT ';

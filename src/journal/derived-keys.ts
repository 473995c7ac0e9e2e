/**
 * The index entries derived from one record: rebuildable from the record alone, so an append may write them
 * just after its records (`stage.ts`), and the next open rebuilds what a crash lost (`recover.ts`).
 */
import type { Instant } from '../k8s/codecs.js';
import { digestKey, podKey, timeKey } from './keys.js';
import { sha256 } from './record.js';
import { putValue } from './record-bytes.js';
import type { Db } from './scan.js';

export interface Indexed {
  readonly seq: number;
  /** What its pod index entry holds: the record time and the canonical event (`pod-entry.ts`), as text or encoded (`record-bytes.ts`). */
  readonly podValue: string | Buffer;
  readonly at: Instant;
  /** `namespace/name` of the event's pod, if any. */
  readonly pod: string | undefined;
  /** Whether its event is an observation: its pod entry is in the observations' range (`keys.ts`). */
  readonly observed: boolean;
}

type Batch = ReturnType<Db['batch']>;

/**
 * The digest its dedup entry is keyed by, for an event without a pod (`hashed`: the SHA-256 of its canonical
 * JSON, when the caller has it already); undefined for an event with one (format 8). A pod's event is found by its pod index entry, which a lookup reads at the event's instant
 * (`stored-events.ts`): a second key per event only made LevelDB merge more (at L ≈ 23 % of its CPU for the
 * bulk load, `bench/probes/index-cost.ts`) and the durable path hash and put more beside each fsync.
 */
export const dedupDigest = (item: { readonly pod: string | undefined; readonly json: string }, hashed?: string): string | undefined =>
  item.pod === undefined ? (hashed ?? sha256(item.json)) : undefined;

/**
 * Puts a record's pod index entry (a pod's history is one sequential range), its dedup entry (`digest`, from
 * `dedupDigest`: only for an event without a pod, and undefined when an older record's entry is kept) and,
 * in a journal that is not time-ordered, its time index entry.
 */
export const putIndexEntries = (batch: Batch, r: Indexed, digest: string | undefined, timeIndexed: boolean): void => {
  const position = { at: r.at, seq: r.seq };
  if (r.pod !== undefined) putValue(batch, podKey(r.pod, r.observed, position), r.podValue);
  if (digest !== undefined) batch.put(digestKey(r.at, digest), String(r.seq));
  if (timeIndexed) batch.put(timeKey(position), '');
};

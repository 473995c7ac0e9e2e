/** The journal's public surface: open a folder, append, read in sequence, time or pod order, verify, export and import. */
export { openJournal, JOURNAL_FORMAT, STORE_OPTIONS, type OpenOptions } from './open.js';
export { namedInJournal, readJournal, recordPagesThroughCopies } from './read-snapshot.js';
export {
  LevelJournal,
  ANY,
  DEFAULT_CHUNK,
  type AppendOptions,
  type BulkOptions,
  type BulkResult,
  type ExpectedSeq,
  type RejectedSnapshot,
  type Snapshot,
  type SnapshotLookup,
  type StagePlan,
  type TimeQuery,
} from './journal.js';
/** The journal handle `openJournal` returns. */
export type { LevelJournal as Journal } from './journal.js';
export { JournalError, ExpectedSequenceConflict, type JournalErrorKind } from './errors.js';
export { JournalRecord, GENESIS_HASH, Sha256, seal } from './record.js';
export { Head } from './head.js';
export type { Position } from './keys.js';
export { RecordStream } from './stream.js';
export type { PodRecord } from './pod-entry.js';
export { pendingOf, type Pending } from './pending.js';
export type { VerifyResult } from './verify.js';
export type { HeadTableRead } from './head-table-files.js';
export { EXPORT_FORMAT, type ImportOptions, type ImportResult, type ImportSource, type SourcesResult } from './exchange.js';
export { canonical } from './canonical.js';
export { whyNotWritable } from './writable.js';

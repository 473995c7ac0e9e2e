/**
 * Appending simulated events: each recorded at its own valid time, so the same scenario always gives a
 * byte-identical journal; events the journal already holds are skipped, so a second run adds nothing.
 * The engine's events are built typed and are not decoded again here (that cost as much as the append):
 * `test/engine/replay.test.ts` and the engine's properties decode every event it emits.
 */
import type { Event } from '../events/index.js';
import { pendingOf, type BulkResult, type Journal, type Pending } from '../journal/index.js';

function* pendings(events: readonly Event[]): Iterable<Pending> {
  for (const event of events) yield pendingOf(event, event.at);
}

export const appendSimulated = (journal: Journal, events: readonly Event[]): Promise<BulkResult> =>
  journal.stageAll(() => ({ source: pendings(events), dedup: true }), { expectedSeq: journal.head().seq });

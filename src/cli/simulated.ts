/**
 * Appending simulated events: each recorded at its own valid time, so the same scenario always gives a
 * byte-identical journal; events the journal already holds are skipped, so a second run adds nothing.
 */
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, type Event } from '../events/index.js';
import { pendingOf, type BulkResult, type Journal, type Pending } from '../journal/index.js';

async function* pendings(events: readonly Event[]): AsyncIterable<Pending> {
  for (const [i, event] of events.entries()) {
    // The engine's output is typed, but what enters the chain is decoded like everything else.
    const decoded = decodeEvent(event);
    if (E.isLeft(decoded)) throw new Error(`engine event ${i} is invalid: ${decoded.left}`);
    yield pendingOf(decoded.right, decoded.right.at);
  }
}

export const appendSimulated = (journal: Journal, events: readonly Event[]): Promise<BulkResult> =>
  journal.stageAll(() => ({ source: pendings(events), dedup: true }), { expectedSeq: journal.head().seq });

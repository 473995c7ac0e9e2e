/**
 * A second process for the journal's integration tests: `lock DIR` tries to open a journal another process
 * holds; `burst DIR` appends until killed, printing each acknowledged head; `die-in-bulk DIR` kills itself
 * in the middle of a bulk append, after its first chunk is written; `durable-burst DIR [N]` appends with the
 * default durability (1 or 10 events a call, observations every 4th call, a late event every 50th call, a lookup every 7th), printing
 * each acknowledged head, until killed, or kills itself right after the N-th acknowledgement: while that
 * append's index write, which it does not wait for, may still be under way.
 */
import { ANY, JournalError, openJournal } from '../../src/journal/index.js';
import { containerStarted, podBound, podCreated, probeExecuted } from './fixtures.js';

const [mode, dir, dieAfter] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: child.ts lock|burst|die-in-bulk DIR');

const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'lock') {
  try {
    await openJournal(dir);
    say('opened');
  } catch (error) {
    say(error instanceof JournalError ? `${error.kind}: ${error.message}` : String(error));
  }
} else if (mode === 'burst') {
  // sync: false on purpose: LevelDB has written each acknowledged batch to its log, which a kill cannot undo.
  const journal = await openJournal(dir, { sync: false });
  await journal.append([podCreated('burst', 0)], { expectedSeq: ANY });
  for (let i = 1; ; i++) {
    if (i % 40 === 0) {
      const bulk = Array.from({ length: 2000 }, (_, k) => containerStarted('bulk', i * 10_000 + k));
      say(String((await journal.appendBulk(bulk, { chunkSize: 250 })).head.seq));
    } else {
      const [record] = await journal.append([containerStarted('burst', i)], { expectedSeq: journal.count() });
      say(String(record?.seq));
    }
  }
} else if (mode === 'die-in-bulk') {
  const journal = await openJournal(dir);
  await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
  say(journal.head().hash);
  // observations among them: their entries are in a range of their own, which the rollback empties too
  const events = Array.from({ length: 100 }, (_, k) => (k % 2 === 0 ? containerStarted('a', k + 1) : probeExecuted('a', k + 1)));
  await journal.appendBulk(events, { chunkSize: 30, onProgress: () => process.kill(process.pid, 'SIGKILL') });
} else if (mode === 'durable-burst') {
  const journal = await openJournal(dir);
  // every fourth call appends observations, whose pod index entries have a range of their own
  const eventOf = (call: number, k: number) => (call % 4 === 0 ? probeExecuted : containerStarted)(`d${call % 5}`, call * 100 + k);
  for (let call = 1; ; call++) {
    const events = Array.from({ length: call % 3 === 0 ? 10 : 1 }, (_, k) => eventOf(call, k));
    if (call % 50 === 0) events.push(podBound(`late-${call}`, call));
    if (call % 7 === 0) await journal.appendNew([...events, eventOf(call - 1, 0)], { expectedSeq: ANY });
    else await journal.append(events, { expectedSeq: journal.count() });
    say(String(journal.count()));
    if (call === Number(dieAfter)) process.kill(process.pid, 'SIGKILL');
  }
}

import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateChunks } from '../../src/generator/index.js';
import { openJournal, readJournal } from '../../src/journal/index.js';
import { READER_LOG_BYTES, logBytes } from '../../src/journal/write-ahead-log.js';
import { at, podCreated, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

it('writes a write-ahead log longer than a reader should replay into a table when it closes', async () => {
  const journal = await openJournal(dir, { clock: () => at(1000), sync: false });
  // The S incident, ≈ 9 MB of records and index entries: more than a reader's budget, less than the write buffer.
  const { appended } = await journal.appendBulk((function* () {
    for (const chunk of generateChunks({ tier: 'S' }, 8192)) yield* chunk;
  })());
  expect(logBytes(dir)).toBeGreaterThan(READER_LOG_BYTES);
  await journal.close();
  expect(logBytes(dir)).toBeLessThanOrEqual(READER_LOG_BYTES);
  await readJournal(dir, async (reader) => {
    expect(reader.count()).toBe(appended);
    expect(await reader.verify()).toMatchObject({ ok: true, count: appended });
  });
});

it('leaves a short log as it is', async () => {
  const journal = await openJournal(dir, { clock: () => at(1000), sync: false });
  await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
  await journal.podRecords('default', 'pod-a').toArray(); // writes the append's index entries, which wait for a read or close
  const before = logBytes(dir);
  await journal.close();
  expect(before).toBeGreaterThan(0);
  expect(logBytes(dir)).toBe(before);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANY, openJournal } from '../../src/journal/index.js';
import { imported, ours, real } from './fixtures.js';

const everything = [
  real('crash-loop-pods.json'),
  real('crash-loop-events.json'),
  real('rolling-update-pods.watch.jsonl'),
  real('rolling-update-events.json'),
  real('audit-pod-create.falco.jsonl'),
  ours('pod-life.audit.jsonl'),
];

describe('importing the same files twice (real LevelDB)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-import-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('converts to the identical sequence each time', async () => {
    const first = await imported(everything);
    const second = await imported(everything);
    expect(second.events).toEqual(first.events);
    expect(first.events.length).toBeGreaterThan(100);
  });

  it('adds nothing the second time: the head hash stays', async () => {
    const journal = await openJournal(dir, { sync: false });
    try {
      const first = await imported(everything);
      const appended = await journal.appendNew(first.events, { expectedSeq: ANY });
      expect(appended).toHaveLength(first.events.length);
      const head = journal.head();
      expect(head.ordered).toBe(true);

      const again = await imported(everything);
      expect(await journal.appendNew(again.events, { expectedSeq: ANY })).toEqual([]);
      expect(journal.head()).toEqual(head);

      // One file again, alone: still nothing new.
      const one = await imported([real('rolling-update-pods.watch.jsonl')]);
      expect(await journal.appendNew(one.events, { expectedSeq: ANY })).toEqual([]);
      expect(journal.head().hash).toBe(head.hash);
    } finally {
      await journal.close();
    }
  });
});

/** Real LevelDB journals in temporary folders, removed after each test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openJournal, type Journal, type OpenOptions } from '../../src/journal/index.js';

const opened: Array<{ dir: string; journal: Journal }> = [];

afterEach(async () => {
  for (const { dir, journal } of opened.splice(0)) {
    await journal.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** A fresh journal in its own temporary folder; closed and deleted after the test. */
export const tempJournal = async (opts: OpenOptions = { sync: false }): Promise<Journal> => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-'));
  const journal = await openJournal(dir, opts);
  opened.push({ dir, journal });
  return journal;
};

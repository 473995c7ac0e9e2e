/** A real LevelDB journal in a temporary folder for one property run: opened, used, closed and removed. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal, type Journal } from '../../src/journal/index.js';

/** Runs `task` with a fresh journal in `dir`; the folder is removed afterwards, whatever happens. */
export const withTempJournal = async <T>(task: (journal: Journal, dir: string) => Promise<T>): Promise<T> => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-prop-'));
  const journal = await openJournal(dir, { sync: false });
  try {
    return await task(journal, dir);
  } finally {
    await journal.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
};

/** Cuts `items` into consecutive chunks at the given fractions (0..1) of its length. */
export const chunksAt = <T>(items: readonly T[], cuts: readonly number[]): T[][] => {
  const points = [...new Set(cuts.map((c) => Math.floor(c * items.length)))].sort((a, b) => a - b);
  const bounds = [0, ...points.filter((p) => p > 0 && p < items.length), items.length];
  return bounds.slice(1).map((end, i) => items.slice(bounds[i], end));
};

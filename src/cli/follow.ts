/**
 * Following a journal another process appends to, as `kubectl get -w` follows the API server: each time the
 * store's files change, a fresh read snapshot yields the records after the last one seen, until interrupted.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJournal, type JournalRecord } from '../journal/index.js';
import type { CliIO } from './io.js';

/** How often the store's files are looked at: a watch shows a change within this. */
const POLL_MS = 200;

/** The names, sizes and times of the store's own files: any acknowledged append changes one of them. */
const fingerprint = async (dir: string): Promise<string> => {
  const names = (await readdir(dir)).filter((n) => n === 'CURRENT' || n.endsWith('.log') || n.startsWith('MANIFEST-')).sort();
  const sizes = await Promise.all(
    names.map(async (n) => {
      const info = await stat(join(dir, n)).catch(() => undefined);
      return `${n}:${info?.size ?? '-'}:${info?.mtimeMs ?? '-'}`;
    }),
  );
  return sizes.join('|');
};

/** Waits `ms`, or less if the user interrupts. */
const pause = (io: CliIO, ms: number, interrupted: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      interrupted.removeEventListener('abort', done);
      resolve();
    };
    interrupted.addEventListener('abort', done);
    void io.sleep(ms).then(done);
  });

/** Pages of the records appended after `afterSeq`, as they are acknowledged, until the user interrupts. */
export async function* appendsAfter(io: CliIO, dir: string, afterSeq: number): AsyncGenerator<readonly JournalRecord[]> {
  const interrupted = io.interrupted();
  let seen = afterSeq;
  let last = await fingerprint(dir);
  while (!interrupted.aborted) {
    await pause(io, POLL_MS, interrupted);
    if (interrupted.aborted) return;
    const now = await fingerprint(dir);
    if (now === last) continue;
    last = now;
    const fresh = await readJournal(dir, (journal) => journal.records({ fromSeq: seen + 1 }).toArray());
    const newest = fresh.at(-1);
    if (newest === undefined) continue;
    seen = newest.seq;
    yield fresh;
  }
}

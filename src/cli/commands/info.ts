/**
 * `podj info`: what a journal holds, before asking it anything: the valid-time and record-time spans, the
 * namespaces, pods, nodes and events, its size on disk and its format.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { JOURNAL_FORMAT, type Journal } from '../../journal/index.js';
import { humanDuration } from '../../printers/index.js';
import type { Context, GlobalOptions } from '../context.js';
import { withJournal } from '../journal-access.js';
import { stateAt } from '../read-options.js';

/** The bytes of every file under `dir` (the store, its logs and the snapshot files). */
const sizeOnDisk = async (dir: string): Promise<number> => {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
};

const mebibytes = (bytes: number): string => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

const span = (first: string | undefined, last: string | undefined): string =>
  first === undefined || last === undefined ? '<empty>' : `${first} → ${last} (${humanDuration(Date.parse(last) - Date.parse(first))})`;

const recordSpan = async (journal: Journal): Promise<string> => {
  const [first] = await journal.records({ toSeq: 1 }).toArray();
  const [last] = await journal.records({ fromSeq: journal.head().seq }).toArray();
  return span(first?.recordedAt, last?.recordedAt);
};

export const registerInfo = (program: Command, ctx: Context): void => {
  program
    .command('info')
    .description('what a journal holds: time spans, namespaces, pods, nodes, events, size on disk, format')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const dir = ctx.journalDir(opts);
      await withJournal(ctx, opts, 'read', async (journal) => {
        const head = journal.head();
        const state = await stateAt(journal, { now: new Date(0) });
        const pods = [...state.pods.values()].map((p) => p.pod);
        const namespaces = [...new Set(pods.map((p) => p.metadata.namespace ?? 'default'))].sort();
        const lines: Array<[string, string]> = [
          ['Journal', dir],
          ['Format', `podjournal ${JOURNAL_FORMAT} (LevelDB)`],
          ['Events', String(head.seq)],
          ['Valid time', span(journal.firstAt(), journal.lastAt())],
          ['Recorded', await recordSpan(journal)],
          ['Namespaces', namespaces.length === 0 ? '<none>' : namespaces.join(', ')],
          ['Pods', `${pods.length} at the end`],
          ['Nodes', String(state.nodes.size)],
          ['Head', `${head.seq} sha256:${head.hash}`],
          ['Size on disk', mebibytes(await sizeOnDisk(dir))],
        ];
        const width = Math.max(...lines.map(([k]) => k.length)) + 2;
        ctx.io.out(lines.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}\n`).join(''));
      });
    });
};

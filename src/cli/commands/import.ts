/**
 * `podj import FILE|DIR...`: audit logs, watch streams, PodLists, Kubernetes Events and podjournal exports,
 * detected by content, merged in valid-time order; facts already in the journal are not added twice. Any bad
 * line refuses the whole import (unless --skip-bad), and the journal stays as it was.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { convertFiles, countProgress, fileText, formatBadLine, inputFiles, neededFromJournal, terminalProgress, type FileSummary, type InputFiles } from '../../importers/index.js';
import type { Event } from '../../events/index.js';
import type { ImportSource } from '../../journal/index.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { counted } from '../../text/counted.js';
import { heapBudget } from '../heap-budget.js';

interface ImportCliOptions extends GlobalOptions {
  readonly skipBad?: boolean;
}

const ignoredText = (s: FileSummary): string => {
  const parts = Object.entries(s.ignored).map(([why, n]) => `${n} ${why}`);
  return parts.length === 0 ? '' : ` (ignored: ${parts.join(', ')})`;
};

/** Documents read, each counted once: imported (it gave a new fact), already present (all its facts were known), or skipped. */
interface Tally {
  readonly read: number;
  readonly imported: number;
  readonly present: number;
  readonly skipped: number;
}

const tallyText = (t: Tally, noun: string): string =>
  `read ${counted(t.read, noun)}: ${t.imported} imported, ${t.present} already present, ${t.skipped} skipped`;

/** A file's documents: those whose facts reached the journal (`appendedLines`) are imported, the rest already present. */
const tallyOf = (s: FileSummary, appendedLines: ReadonlyMap<string, ReadonlySet<number>>): Tally => {
  const appended = appendedLines.get(s.file);
  let imported = 0;
  for (const line of s.factLines) if (appended?.has(line) === true) imported++;
  return { read: s.documents, imported, present: s.documents - s.skippedDocuments - imported, skipped: s.skippedDocuments };
};

const sum = (tallies: readonly Tally[]): Tally =>
  tallies.reduce((a, b) => ({ read: a.read + b.read, imported: a.imported + b.imported, present: a.present + b.present, skipped: a.skipped + b.skipped }), {
    read: 0,
    imported: 0,
    present: 0,
    skipped: 0,
  });

const SHOWN_UNRECOGNISED = 3;

/**
 * The problems that refuse an import, the first few of them: a file that is not what its first lines promised (a
 * pretty-printed List after a JSON line) fails on every later line, and a line each would bury the first fault.
 */
const SHOWN_PROBLEMS = 5;
const refusal = (problems: readonly string[]): string =>
  problems.length <= SHOWN_PROBLEMS
    ? problems.join('\n')
    : [...problems.slice(0, SHOWN_PROBLEMS), `${problems.length - SHOWN_PROBLEMS} more problems not shown (podj import --skip-bad lists every bad line it leaves out)`].join('\n');

/**
 * Per named folder, its files of other kinds, in one line (a must-gather holds many); a folder none of whose
 * files could be imported is bad input: the user named it for its data.
 */
const unrecognisedLines = (inputs: InputFiles, unrecognised: ReadonlySet<string>): string[] =>
  [...inputs.folders].flatMap(([folder, files]) => {
    const others = files.filter((f) => unrecognised.has(f));
    if (others.length === files.length) throw new BadInput(`${folder}: no file in it is an audit log, a Pod, PodList or pod watch stream, Kubernetes Events or a podjournal export`);
    if (others.length === 0) return [];
    const shown = others.slice(0, SHOWN_UNRECOGNISED).join(', ') + (others.length > SHOWN_UNRECOGNISED ? ', …' : '');
    return [`${folder}: ${counted(others.length, 'file')} of other kinds not imported (${shown})`];
  });

/**
 * The file's lines, opened only when the import reaches it (readline drops lines emitted before it is iterated),
 * decompressed as its format was detected: a gzip-compressed export was read raw here, `not a podjournal export
 * header: is not JSON`.
 */
async function* exportLines(file: string): AsyncGenerator<string> {
  try {
    yield* createInterface({ input: await fileText(file), crlfDelay: Infinity });
  } catch (e) {
    // a gzip archive cut short ends the read: named with its file, as the other formats' reads name it
    throw new BadInput(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** When an import asks V8 for a full collection (`heap-budget.ts`): within 512 MiB for a 1 GB audit log. */
const IMPORT_MEMORY = { heapMiB: 160, rssMiB: 320, rssHeadroomMiB: 96 };
/**
 * Events per staged batch. A chained batch's native copy lives until V8 collects it; at 8,192 events of
 * ~1 KB (and their pod-index copies) each chunk is ~20 MB that the allocator keeps resident (at 300 MB of
 * audit log: ~150 MB outside the heap at 8,192, ~70 MB at 1,024).
 */
const IMPORT_CHUNK = 1024;

export const registerImport = (program: Command, ctx: Context): void => {
  program
    .command('import')
    .description('import audit logs, watch streams, PodLists, Kubernetes Events or podjournal exports (detected by content)')
    .argument('<files...>', 'files to import, folders whose files to import (recursively), or - for stdin')
    .option('--skip-bad', 'import what converts and list the lines left out, instead of refusing the whole import')
    .action(async (files: string[], _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ImportCliOptions>();
      // An import of any size stays within a bounded RSS: converting, merging and appending allocate fast.
      const budget = heapBudget(IMPORT_MEMORY);
      await withJournal(ctx, opts, 'create', async (journal) => {
        const progress = ctx.io.errIsTTY ? terminalProgress(process.stderr) : undefined;
        const inputs = await inputFiles(files);
        const converted = await convertFiles(inputs.files, { skipBad: opts.skipBad, onProgress: progress?.update, found: inputs.found }).finally(() => progress?.stop());
        if (E.isLeft(converted)) throw new BadInput(refusal(converted.left));
        const { facts, files: summaries, skipped, exports } = converted.right;
        // the spill files go whatever happens from here on (a refusal, a failed append, the end)
        try {
          const others = unrecognisedLines(inputs, new Set(converted.right.unrecognised));
          // What the journal already holds about the imported subjects takes part in the merge, so facts it
          // knows are recognised fact by fact, not only byte for byte.
          const knownOf = async function* (subjects: ReadonlySet<string>): AsyncGenerator<Event> {
            if (journal.head().seq === 0) return;
            const needed = neededFromJournal(subjects);
            for await (const page of journal.records().batches()) {
              for (const r of page) if (needed(r.event)) yield r.event;
            }
          };
          for (const bad of skipped) ctx.io.err(`skipped ${formatBadLine(bad)}\n`);
          for (const line of others) ctx.io.err(`${line}\n`);
          // Exports and converted events go in as one staged append: a refused line anywhere leaves the journal as it was.
          // The documents whose facts are appended: every merged fact is new (the merge drops those the journal holds).
          // Per file, the line numbers (not strings: a large import has as many documents as lines).
          const appendedLines = new Map<string, Set<number>>();
          let appendedFacts = 0;
          const appending = async function* (events: AsyncIterable<Event>): AsyncGenerator<Event> {
            for await (const e of events) {
              appendedFacts++;
              if (e.from?.file !== undefined && e.from.line !== undefined) {
                const lines = appendedLines.get(e.from.file) ?? new Set<number>();
                appendedLines.set(e.from.file, lines.add(e.from.line));
              }
              yield e;
            }
          };
          const sources: ImportSource[] = [
            ...exports.map((file) => ({ kind: 'export' as const, name: file, lines: exportLines(file) })),
            { kind: 'events', events: appending(facts.merged(knownOf)) },
          ];
          const total = summaries.reduce((n, s) => n + s.events, 0);
          const bar = ctx.io.errIsTTY ? countProgress('appending', total, process.stderr) : undefined;
          const result = await journal.importSources(sources, { onProgress: bar?.update, chunkSize: IMPORT_CHUNK }).finally(() => bar?.stop());
          // An export's records are appended or, held already, skipped by the journal: what the facts did not take.
          const exportRecords = result.exports.reduce((n, x) => n + x.records, 0);
          const exportsAppended = result.appended - appendedFacts;
          const exported: Tally = { read: exportRecords, imported: exportsAppended, present: exportRecords - exportsAppended, skipped: 0 };
          for (const x of result.exports) ctx.io.out(`${x.name}: podjournal export, ${x.records} records (${x.mode === 'restore' ? 'restored' : 'merged'})\n`);
          const tallies: Tally[] = [];
          for (const s of summaries.filter((f) => f.format !== 'podjournal-export')) {
            const t = tallyOf(s, appendedLines);
            tallies.push(t);
            ctx.io.out(`${s.file}: ${s.format}, ${tallyText(t, 'document')}; ${counted(s.events, 'event')}${ignoredText(s)}\n`);
          }
          // Files whose every document was bad (kept out with --skip-bad) have no summary: their lines are skipped.
          const unreadable = skipped.filter((b) => !summaries.some((s) => s.file === b.file)).length;
          tallies.push({ read: unreadable, imported: 0, present: 0, skipped: unreadable }, exported);
          ctx.io.out(`in all: ${tallyText(sum(tallies), 'document')}\n`);
          if (result.appended === 0) {
            ctx.io.out(`imported 0 new events: the journal holds every fact already, head ${result.head.hash}\n`);
            return;
          }
          ctx.io.out(`imported ${result.appended} new events, head ${result.head.hash}\n`);
        } finally {
          await facts.dispose();
        }
      }).finally(() => budget.stop());
    });
};

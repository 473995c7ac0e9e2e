/**
 * The file edge of importing: each file streamed line by line (bounded by its largest document), its
 * format detected from content, converted, then all files merged into one event sequence. Nothing is
 * returned for appending unless every line converted, or `skipBad` lists the lines left out.
 */
import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../events/index.js';
import { withoutCloudWrappers } from './cloud-wrappers.js';
import { converterFor } from './convert.js';
import { detectFormat, type Format } from './detect.js';
import { documentsOf } from './documents.js';
import type { Imported } from './imported.js';
import { ImportBuffer, type SpillOptions } from './spill.js';

export interface ImportProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly events: number;
}

export interface FileImportOptions {
  /** Import what converts and list the rest, instead of refusing the whole import. */
  readonly skipBad?: boolean;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Documents per yielded chunk (default 1000). */
  readonly chunkSize?: number;
  /**
   * Files found in a folder rather than named (`input-files.ts`): one whose first document does not parse, or is
   * of no format podjournal imports, is another kind of file, listed as `unrecognised`, not a problem.
   */
  readonly found?: ReadonlySet<string>;
  /**
   * The events the journal already holds: facts they record are not returned again, even when this import
   * describes them differently (another source, another precision), so re-importing adds nothing.
   */
  readonly known?: readonly Event[];
}

export interface BadLine {
  readonly file: string;
  readonly line: number;
  readonly why: string;
}

export const formatBadLine = (b: BadLine): string => `${b.file}:${b.line}: ${b.why}`;

export interface FileSummary {
  readonly file: string;
  readonly format: Format;
  /** Every document read, bad ones included. */
  readonly documents: number;
  readonly events: number;
  /** Documents left out: bad ones (with `skipBad`), and those whose every record was deliberately not imported. */
  readonly skippedDocuments: number;
  /** The lines of the documents that gave facts: each is imported or already present once the merge has run. */
  readonly factLines: ReadonlySet<number>;
  /** What was deliberately not imported (Events about ReplicaSets, other audit stages, ...), with counts. */
  readonly ignored: Readonly<Record<string, number>>;
}

export type FileChunk =
  | { readonly kind: 'events'; readonly events: readonly Imported[] }
  | { readonly kind: 'bad'; readonly bad: BadLine }
  | { readonly kind: 'done'; readonly summary: FileSummary };

/** A file that could not be read as any known format: one line naming it. */
export class UnknownFormat extends Error {}

/** Stamps an event with the document it came from, so that `podj check` can name it. */
const fromDocument = (i: Imported, file: string, line: number): Imported => ({ ...i, event: { ...i.event, from: { ...i.event.from, file, line } } });

/** The stream's first chunk, put back: what it holds is known before it is read (a pipe cannot be read twice). */
const peek = (input: Readable): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const settle = (): void => {
      input.off('readable', onReadable);
      input.off('error', onError);
    };
    const onReadable = (): void => {
      settle();
      const chunk = input.read() as Buffer | null;
      if (chunk !== null) input.unshift(chunk);
      resolve(chunk ?? undefined);
    };
    const onError = (e: Error): void => {
      settle();
      reject(e);
    };
    input.on('readable', onReadable);
    input.on('error', onError);
  });

/**
 * The text of a file or of stdin, decompressed when it is gzip: RFC 1952's magic bytes, as formats are detected,
 * by content and not by name (rotated audit logs under `--audit-log-compress`, archived captures).
 */
const textOf = async (input: Readable): Promise<Readable> => {
  const head = await peek(input);
  // empty: the stream has ended already, and a reader attached now would wait for an end it never sees
  if (head === undefined) return Readable.from([]);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return input.setEncoding('utf8');
  const gunzip = createGunzip();
  // a truncated or corrupt archive ends the read with one line that says what it is
  gunzip.on('error', (e) => (e.message = `gzip: ${e.message}`));
  return pipeline(input, gunzip, () => undefined).setEncoding('utf8');
};

/** A file's text, decompressed when it is gzip (`textOf`): an export is read again, whole, when the import appends it. */
export const fileText = (path: string): Promise<Readable> => textOf(createReadStream(path));

/** `-` names stdin, in messages and tallies as `stdin` (kubectl's `-f -`). */
const STDIN_ARG = '-';
const STDIN_FD = 0;
const labelOf = (arg: string): string => (arg === STDIN_ARG ? 'stdin' : arg);

/** The converted events of one file, in chunks, then its summary. Throws UnknownFormat. */
export async function* readFileEvents(arg: string, opts: FileImportOptions = {}): AsyncGenerator<FileChunk> {
  const file = labelOf(arg);
  // progress counts the bytes of the file as stored, compressed or not (a pipe's size is unknown: 0)
  const totalBytes = arg === STDIN_ARG ? fstatSync(STDIN_FD).size : (await stat(arg)).size;
  // stdin by its descriptor: `/dev/stdin` cannot be opened when it is a socket (a parent process's pipe often is)
  const input = arg === STDIN_ARG ? createReadStream('', { fd: STDIN_FD, autoClose: false }) : createReadStream(arg);
  const lines = createInterface({ input: await textOf(input), crlfDelay: Infinity });
  const chunkSize = opts.chunkSize ?? 1000;
  let format: Format | undefined;
  let convert: ReturnType<typeof converterFor>;
  let documents = 0;
  let events = 0;
  let skippedDocuments = 0;
  const factLines = new Set<number>();
  let sawBad = false;
  let pending: Imported[] = [];
  const ignored: Record<string, number> = {};
  const progress = (): void => opts.onProgress?.({ file, bytesRead: input.bytesRead, totalBytes, events });
  try {
    for await (const doc of withoutCloudWrappers(documentsOf(lines))) {
      if ('error' in doc) {
        if (format === undefined && opts.found?.has(file) === true) throw new UnknownFormat(`${file}: unknown format: line ${doc.line} does not parse`);
        sawBad = true;
        documents++;
        skippedDocuments++;
        yield { kind: 'bad', bad: { file, line: doc.line, why: doc.error } };
        continue;
      }
      if (format === undefined) {
        format = detectFormat(doc.value);
        if (format === undefined) {
          throw new UnknownFormat(`${file}: unknown format: line ${doc.line} is not an audit Event, a Pod or pod watch event, a Kubernetes Event, a PodList or a podjournal export`);
        }
        // an export is read twice (checked here, then restored or merged record by record): a pipe can be read once
        if (format === 'podjournal-export' && arg === STDIN_ARG) throw new Error('a podjournal export is imported from its file (podj import FILE), not from stdin');
        convert = converterFor(format);
        if (convert === undefined) break;
      }
      documents++;
      const result = convert?.(doc.value);
      if (result === undefined) continue;
      if (E.isLeft(result)) {
        skippedDocuments++;
        yield { kind: 'bad', bad: { file, line: doc.line, why: result.left } };
        continue;
      }
      for (const why of result.right.ignored) ignored[why] = (ignored[why] ?? 0) + 1;
      if (result.right.events.length > 0) factLines.add(doc.line);
      else if (result.right.ignored.length > 0) skippedDocuments++;
      pending.push(...result.right.events.map((i) => fromDocument(i, file, doc.line)));
      events += result.right.events.length;
      if (documents % chunkSize === 0) {
        yield { kind: 'events', events: pending };
        pending = [];
        progress();
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (format === undefined) {
    // Every document was bad: those lines already say why; "no document" would be a second, vaguer line.
    if (sawBad) return;
    throw new UnknownFormat(`${file}: unknown format: no document in it`);
  }
  if (pending.length > 0) yield { kind: 'events', events: pending };
  progress();
  yield { kind: 'done', summary: { file, format, documents, events, ignored, skippedDocuments, factLines } };
}

export interface FileImportResult {
  /** Every file's events, merged: valid-time order, each fact once, none already `known`. Ready for appendNew. */
  readonly events: readonly Event[];
  readonly files: readonly FileSummary[];
  /** Bad lines left out (only with `skipBad`; otherwise they refuse the import). */
  readonly skipped: readonly BadLine[];
  /** podjournal exports among the files: the journal restores them. */
  readonly exports: readonly string[];
  /** Files found in folders that are of no format podjournal imports (`FileImportOptions.found`). */
  readonly unrecognised: readonly string[];
}

/** The files converted, their facts not merged yet: held in memory, or spilled to disk when many. */
export interface ConvertedFiles extends Omit<FileImportResult, 'events'> {
  /** Merge with `facts.merged(knownOf)`, then `facts.dispose()`. */
  readonly facts: ImportBuffer;
}

/** What the file system said, in words (`ENOENT: no such file or directory, stat 'x'` names the file twice). */
const FILE_ERRORS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EISDIR: 'is a folder: name the files in it', EACCES: 'permission denied' };

const unreadable = (e: unknown): string => {
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return (code === undefined ? undefined : FILE_ERRORS[code]) ?? (e instanceof Error ? e.message : String(e));
};

/**
 * Converts the files, holding their facts in bounded memory. Left: one line per problem (`file:line: why`,
 * or an unknown format); without `skipBad` any bad line refuses everything, so nothing half-imported reaches
 * the journal.
 */
export const convertFiles = async (
  files: readonly string[],
  opts: FileImportOptions & { readonly spill?: SpillOptions } = {},
): Promise<E.Either<readonly string[], ConvertedFiles>> => {
  const facts = new ImportBuffer(opts.spill);
  const summaries: FileSummary[] = [];
  const unrecognised: string[] = [];
  const bad: BadLine[] = [];
  /** Every problem in file order; `refuses` when it stops the import even with `skipBad`. */
  const problems: { readonly text: string; readonly refuses: boolean }[] = [];
  for (const file of files) {
    try {
      for await (const chunk of readFileEvents(file, opts)) {
        if (chunk.kind === 'events') await facts.add(chunk.events);
        else if (chunk.kind === 'done') summaries.push(chunk.summary);
        else {
          bad.push(chunk.bad);
          problems.push({ text: formatBadLine(chunk.bad), refuses: opts.skipBad !== true });
        }
      }
    } catch (e) {
      if (e instanceof UnknownFormat && opts.found?.has(file) === true) unrecognised.push(file);
      else problems.push({ text: e instanceof UnknownFormat ? e.message : `${labelOf(file)}: ${unreadable(e)}`, refuses: true });
    }
  }
  if (problems.some((p) => p.refuses)) {
    await facts.dispose();
    return E.left(problems.filter((p) => p.refuses || opts.skipBad !== true).map((p) => p.text));
  }
  return E.right({
    facts,
    files: summaries,
    skipped: bad,
    exports: summaries.filter((s) => s.format === 'podjournal-export').map((s) => s.file),
    unrecognised,
  });
};

/** Converts and merges the files in memory (`convertFiles` and `merged` stream them instead). */
export const importFiles = async (files: readonly string[], opts: FileImportOptions = {}): Promise<E.Either<readonly string[], FileImportResult>> => {
  const converted = await convertFiles(files, opts);
  if (E.isLeft(converted)) return converted;
  const { facts, ...rest } = converted.right;
  try {
    const events: Event[] = [];
    for await (const e of facts.merged(async function* () {
      yield* opts.known ?? [];
    })) {
      events.push(e);
    }
    return E.right({ ...rest, events });
  } finally {
    await facts.dispose();
  }
};

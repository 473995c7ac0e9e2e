/**
 * The head table: the state at the journal's head, cut into parts (time travel cuts it by namespace), in
 * files in `snapshots/head/`, so that a read at the end opens only the part it asks for and no history.
 * `index.json` names the head the table was folded at and the file of each part; each part file opens with
 * a header line binding it to that head and to its own SHA-256. A table of another head, or of another format,
 * is ignored.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { decodeJson } from './decode-json.js';
import { encoded, reusedBufferReader, snapshotFolder, withFile } from './snapshot-files.js';
import { Seq, Sha256 } from './record.js';

const Folded = t.type({ seq: Seq, hash: Sha256 });
export type Folded = t.TypeOf<typeof Folded>;

/**
 * 5: an imported object without `creationTimestamp` leaves the row's creation cell empty (AGE `<unknown>`); 4: the
 * rows' `inferred` cell also marks rows resting on facts inferred since the pod's last capture (`2`); 3 held rows
 * as lines without it, format 2 as JSON, format 1 (no `format` field) whole v1 Pods.
 */
const FORMAT = 5;
const HeadTableIndex = t.type({ format: t.literal(FORMAT), folded: Folded, parts: t.record(t.string, t.string) }, 'HeadTableIndex');
const PartHeader = t.type({ folded: Folded, part: t.string, sha256: Sha256 }, 'HeadTablePart');

const tableFolder = (dir: string): string => join(snapshotFolder(dir), 'head');
const PART_FILE = /^\d+\.json$/;

const sameHead = (a: Folded, b: Folded): boolean => a.seq === b.seq && a.hash === b.hash;

/** Writes `chunks` into `file` through a temporary file, so that a reader never sees it half written. */
const writeWhole = (file: string, ...chunks: readonly (string | Buffer)[]): void => {
  const fd = openSync(`${file}.tmp`, 'w');
  try {
    // writeFileSync on a descriptor writes at its position until the whole chunk is written.
    for (const chunk of chunks) writeFileSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
};

/**
 * Writes every part (each taken from `parts` as the one before is written), then the index naming them; files of
 * the previous table that are not reused go last. Synchronous, as snapshot parts are written: at tier S the
 * upkeep writes 8 files, each an open, a write, a close and a rename, and each such call awaited is a
 * thread-pool round trip that a loaded machine delays by milliseconds. Each blob is encoded once, into the
 * parts' scratch buffer, and hashed and written from it.
 */
export const writeHeadTable = (dir: string, folded: Folded, parts: Iterable<readonly [string, string]>): void => {
  const folder = tableFolder(dir);
  mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {};
  let n = 0;
  for (const [part, blob] of parts) {
    const file = `${n++}.json`;
    files[part] = file;
    const bytes = encoded(blob);
    writeWhole(join(folder, file), `${JSON.stringify({ folded, part, sha256: hash('sha256', bytes, 'hex') })}\n`, bytes);
  }
  writeWhole(join(folder, 'index.json'), JSON.stringify({ format: FORMAT, folded, parts: files }));
  const used = new Set(Object.values(files));
  for (const stale of readdirSync(folder).filter((f) => PART_FILE.test(f) && !used.has(f))) rmSync(join(folder, stale), { force: true });
};

/**
 * A file's text, or undefined when it cannot be read. Reads are synchronous: a few small files on a reader's
 * start, each a thread-pool round trip otherwise (and node:fs/promises loaded for them).
 */
const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Whether an index that does not decode is another podj's (another `format`, or none: format 1), not a damaged one. */
const ofAnotherFormat = (text: string): boolean => {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) && ('format' in json ? json.format : undefined) !== FORMAT;
  } catch {
    return false;
  }
};

/**
 * The table's parts by name, when it was folded at `head`; undefined when there is none for that head (or it is
 * another podj's); Left when `index.json` is damaged (not JSON, or this format's fields wrong), which verify names.
 */
const currentIndex = (dir: string, head: Folded): E.Either<string, Record<string, string> | undefined> => {
  const text = readText(join(tableFolder(dir), 'index.json'));
  if (text === undefined) return E.right(undefined);
  const index = decodeJson(HeadTableIndex, text);
  if (E.isLeft(index)) return ofAnotherFormat(text) ? E.right(undefined) : E.left(`index.json ${index.left}`);
  return E.right(sameHead(index.right.folded, head) ? index.right.parts : undefined);
};

const NEWLINE = 0x0a;

/**
 * One part's blob, once its header names the head, the part and the blob's SHA-256; else why not. The bytes
 * are hashed as read, not a decoded text encoded to UTF-8 again, and the file is read into the reader's buffer
 * (at tier L `get pods -A` reads 15 MB of parts, and fresh memory costs system time on this VM).
 */
const partBlob = (read: (file: string) => Buffer | undefined, dir: string, file: string, part: string, head: Folded): E.Either<string, string> => {
  const bytes = PART_FILE.test(file) ? read(join(tableFolder(dir), file)) : undefined;
  const end = bytes?.indexOf(NEWLINE) ?? -1;
  if (bytes === undefined || end < 0) return E.left(`part ${part}: file ${file} is missing or has no header line`);
  const header = decodeJson(PartHeader, bytes.toString('utf8', 0, end));
  if (E.isLeft(header)) return E.left(`part ${part}: file ${file}: ${header.left}`);
  if (!sameHead(header.right.folded, head) || header.right.part !== part) return E.left(`part ${part}: file ${file} belongs to another head or part`);
  const blob = bytes.subarray(end + 1);
  return header.right.sha256 === hash('sha256', blob, 'hex') ? E.right(blob.toString('utf8')) : E.left(`part ${part}: file ${file}: its content does not match its SHA-256`);
};

/** The parts read from a head table, or why one of them cannot be used. */
export type HeadTableRead = { readonly parts: Map<string, string> } | { readonly rejected: string };

/**
 * The blobs of the parts asked for (all of them without `wanted`) in a table folded at `head`: a part the
 * table does not have is absent from the map. Undefined when there is no table for that head; rejected
 * when a part fails its checks. Either way the caller folds from the events.
 */
export const readHeadTable = (dir: string, head: Folded, wanted?: readonly string[]): HeadTableRead | undefined => {
  const indexRead = currentIndex(dir, head);
  if (E.isLeft(indexRead)) return { rejected: indexRead.left };
  const index = indexRead.right;
  if (index === undefined) return undefined;
  const parts = new Map<string, string>();
  const read = reusedBufferReader();
  for (const part of wanted ?? Object.keys(index)) {
    const file = Object.hasOwn(index, part) ? index[part] : undefined;
    if (file === undefined) continue;
    const blob = partBlob(read, dir, file, part, head);
    if (E.isLeft(blob)) return { rejected: blob.left };
    parts.set(part, blob.right);
  }
  return { parts };
};

/** The first line of a file, read alone (a part's header is far shorter than this). */
const headerLine = (file: string): string | undefined =>
  withFile(file, (fd) => {
    const buffer = Buffer.alloc(1024);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? undefined : text.slice(0, end);
  });

/**
 * The parts a table folded at `head` has (time travel's: the namespaces holding pods), from its index and
 * each part's header line, without reading the parts' blobs: where a read that found nothing can point the
 * user. Undefined when there is no table for that head or a header does not name that head and part.
 */
export const headTablePartNames = (dir: string, head: Folded): string[] | undefined => {
  const indexRead = currentIndex(dir, head);
  const index = E.isRight(indexRead) ? indexRead.right : undefined;
  if (index === undefined) return undefined;
  const names = Object.keys(index);
  for (const part of names) {
    const file = index[part] ?? '';
    const line = PART_FILE.test(file) ? headerLine(join(tableFolder(dir), file)) : undefined;
    const header = line === undefined ? undefined : decodeJson(PartHeader, line);
    if (header === undefined || E.isLeft(header) || !sameHead(header.right.folded, head) || header.right.part !== part) return undefined;
  }
  return names;
};

/**
 * Snapshot blobs live in files in the journal's `snapshots/` folder; LevelDB holds only their names under
 * `s!<at>!<seq>`. A blob can be hundreds of MB, and LevelDB keeps a value in one block: stored inline, every
 * seek that lands near it would read and decompress the whole block.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seqPart, type Position } from './keys.js';
import { hash } from 'node:crypto';

export const snapshotFolder = (dir: string): string => join(dir, 'snapshots');

/** Written whole before it is named in the store, so a name always points at a complete file. */
export const writeSnapshotFile = async (dir: string, position: Position, text: string): Promise<string> => {
  const name = `${seqPart(position.seq)}.json`;
  const folder = snapshotFolder(dir);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `${name}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, join(folder, name));
  return name;
};

/** The text a name points at; undefined when the file is gone (snapshots are caches: the events remain). */
export const readSnapshotFile = async (dir: string, name: string): Promise<string | undefined> => {
  if (!/^\d+\.json$/.test(name)) return undefined;
  try {
    return await readFile(join(snapshotFolder(dir), name), 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Parts of snapshots (`snapshots/parts/`): files named by the SHA-256 of their text, so that a snapshot names
 * the parts it is made of, a part that did not change since the last snapshot is not written again, and a
 * part is checked only when it is read. A snapshot's own file, bound to the chain, binds its parts by name.
 */
const partFolder = (dir: string): string => join(snapshotFolder(dir), 'parts');
const PART_NAME = /^[0-9a-f]{64}$/;
const sha256Of = (bytes: Buffer): string => hash('sha256', bytes, 'hex');

/**
 * The bytes of each part written, in one buffer grown as needed and reused, then hashed and written from it: a
 * part is up to ≈ 1 MB, and hashing its text and writing it (`writeFile`, which makes a `Buffer` of a string)
 * encoded it twice, the second into fresh native memory freed only when collected: at tier M the upkeep's peak
 * anonymous memory is 5–8 MiB lower without it (bench/README.md, "Snapshot upkeep at L: where its memory…").
 */
let scratch = Buffer.alloc(0);
/** `text` as UTF-8 in the shared scratch buffer: valid until the next call, so used synchronously (parts, head table). */
export const encoded = (text: string): Buffer => {
  const length = Buffer.byteLength(text);
  if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * scratch.length));
  scratch.write(text);
  return scratch.subarray(0, length);
};

/**
 * Writes a part unless a part with the same text is there already; its name. Synchronous from encoding to
 * writing, so that no other write reuses the buffer meanwhile.
 */
export const writeSnapshotPart = (dir: string, text: string): string => {
  const bytes = encoded(text);
  const name = sha256Of(bytes);
  const file = join(partFolder(dir), `${name}.json`);
  if (existsSync(file)) return name;
  mkdirSync(partFolder(dir), { recursive: true });
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
  return name;
};

/** A part's bytes as read, checked against its name: hashed as read, not re-encoded from a text. */
const checkedPart = (name: string, bytes: Buffer | undefined): { bytes: Buffer } | { rejected: string } => {
  if (bytes === undefined) return { rejected: `part ${name} is missing` };
  return sha256Of(bytes) === name ? { bytes } : { rejected: `part ${name}: its content does not match its SHA-256` };
};

/** A part's text once it matches its name; else why not. The bytes are hashed as read, not re-encoded from the text. */
export const readSnapshotPart = async (dir: string, name: string): Promise<{ text: string } | { rejected: string }> => {
  if (!PART_NAME.test(name)) return { rejected: `part ${name} is not a part name` };
  const read = checkedPart(name, await readFile(join(partFolder(dir), `${name}.json`)).catch(() => undefined));
  return 'rejected' in read ? read : { text: read.bytes.toString('utf8') };
};

/** Reads parts by name, each checked against its name; the bytes one call returns are valid until the next. */
export type PartReader = (name: string) => { bytes: Buffer } | { rejected: string };

/**
 * Reads whole files synchronously into one buffer it reuses (grown when a file is larger): the bytes one call
 * returns are valid until the next; undefined when the file cannot be opened. A whole cluster's row parts at
 * tier L are 29 MB in 230 files: read each into memory of its own, the fresh pages cost ≈ 140 ms of system
 * time on this machine's VM (a page fault per 4 KiB), and each awaited read was a thread-pool round trip.
 */
export const reusedBufferReader = (): ((file: string) => Buffer | undefined) => {
  let buffer = Buffer.alloc(0);
  return (file) =>
    withFile(file, (fd) => {
      const size = fstatSync(fd).size;
      if (size > buffer.length) buffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * buffer.length));
      let read = 0;
      for (let n = -1; read < size && n !== 0; read += n) n = readSync(fd, buffer, read, size - read, read);
      return buffer.subarray(0, read);
    });
};

/**
 * A `PartReader` reading into one buffer it reuses (`reusedBufferReader`), the bytes left undecoded: a reader
 * that needs some of a part's lines as texts decodes only those (decoded whole, each part was a string in V8's
 * large-object space).
 */
export const snapshotPartReader = (dir: string): PartReader => {
  const read = reusedBufferReader();
  return (name) => (PART_NAME.test(name) ? checkedPart(name, read(join(partFolder(dir), `${name}.json`))) : { rejected: `part ${name} is not a part name` });
};

/** What `use` makes of a file opened for reading (and closed after); undefined when it cannot be opened. */
export const withFile = <T>(file: string, use: (fd: number) => T): T | undefined => {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
};

/** What `use` makes of a part's file, opened for reading (and closed after); rejected when there is no such part. */
const withPartFile = <T extends object>(dir: string, name: string, use: (fd: number) => T | { rejected: string }): T | { rejected: string } => {
  if (!PART_NAME.test(name)) return { rejected: `part ${name} is not a part name` };
  return withFile(join(partFolder(dir), `${name}.json`), use) ?? { rejected: `part ${name} is missing` };
};

/**
 * Byte ranges (offset, length) of a part, as texts, without reading or hashing the rest: the caller checks
 * each against a digest it holds from a checked text (time travel's rows hold one per pod); rejected when
 * the part is missing or shorter. The reads are synchronous: thousands of small reads from the page cache,
 * each awaited, cost a thread-pool round trip apiece.
 */
export const readSnapshotPartRanges = (dir: string, name: string, ranges: readonly (readonly [number, number])[]): { texts: string[] } | { rejected: string } =>
  withPartFile(dir, name, (fd) => {
    const texts: string[] = [];
    for (const [offset, length] of ranges) {
      const bytes = Buffer.alloc(length);
      if (readSync(fd, bytes, 0, length, offset) !== length) return { rejected: `part ${name} is shorter than the ranges named in it` };
      texts.push(bytes.toString('utf8'));
    }
    return { texts };
  });

/** Removes the parts no snapshot names any more (after late appends unnamed some snapshots). */
export const removeUnusedParts = async (dir: string, used: ReadonlySet<string>): Promise<void> => {
  const names = await readdir(partFolder(dir)).catch(() => []);
  const unused = names.filter((n) => n.endsWith('.json') && !used.has(n.slice(0, -'.json'.length)));
  await Promise.all(unused.map((n) => rm(join(partFolder(dir), n), { force: true })));
};

export const removeSnapshotFiles = async (dir: string, names: readonly string[]): Promise<void> => {
  await Promise.all(names.filter((n) => /^\d+\.json$/.test(n)).map((n) => rm(join(snapshotFolder(dir), n), { force: true })));
};

export const removeSnapshotFolder = (dir: string): Promise<void> => rm(snapshotFolder(dir), { recursive: true, force: true });

/**
 * Removes the `.tmp` files a process killed while writing a snapshot left behind. Only the store's lock
 * holder may: no other process can be writing one then.
 */
export const removeTemporarySnapshotFiles = async (dir: string): Promise<void> => {
  for (const folder of [snapshotFolder(dir), join(snapshotFolder(dir), 'head'), partFolder(dir)]) {
    const names = await readdir(folder).catch(() => []);
    await Promise.all(names.filter((n) => /^(\d+|index|[0-9a-f]{64})\.json\.tmp$/.test(n)).map((n) => rm(join(folder, n), { force: true })));
  }
};

/**
 * Snapshot blobs live in files in the journal's `snapshots/` folder; LevelDB holds only their names under
 * `s!<at>!<seq>`. A blob can be hundreds of MB, and LevelDB keeps a value in one block: stored inline, every
 * seek that lands near it would read and decompress the whole block.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seqPart, type Position } from './keys.js';

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

export const removeSnapshotFiles = async (dir: string, names: readonly string[]): Promise<void> => {
  await Promise.all(names.filter((n) => /^\d+\.json$/.test(n)).map((n) => rm(join(snapshotFolder(dir), n), { force: true })));
};

export const removeSnapshotFolder = (dir: string): Promise<void> => rm(snapshotFolder(dir), { recursive: true, force: true });

/**
 * Removes the `.tmp` files a process killed while writing a snapshot left behind. Only the store's lock
 * holder may: no other process can be writing one then.
 */
export const removeTemporarySnapshotFiles = async (dir: string): Promise<void> => {
  for (const folder of [snapshotFolder(dir), join(snapshotFolder(dir), 'head')]) {
    const names = await readdir(folder).catch(() => []);
    await Promise.all(names.filter((n) => /^(\d+|index)\.json\.tmp$/.test(n)).map((n) => rm(join(folder, n), { force: true })));
  }
};

/**
 * The files an import reads: those named, and every file under a named folder (a must-gather, a folder of
 * rotated audit logs), found recursively in name order. Found files are tried by content like the named ones,
 * but one of another kind (a Deployment, a log) is listed as not imported instead of refusing the import.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFiles {
  /** Every file to read, in the order given, a folder's files in place of the folder. */
  readonly files: readonly string[];
  /** The files found in folders rather than named. */
  readonly found: ReadonlySet<string>;
  /** Each named folder and the files found under it. */
  readonly folders: ReadonlyMap<string, readonly string[]>;
}

/** The regular files under `folder`, depth first in name order; hidden entries and links to folders are skipped. */
const filesUnder = async (folder: string): Promise<string[]> => {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true)) files.push(path);
  }
  return files;
};

/** Expands named folders; a path that cannot be read is passed on, for the import to name its problem. */
export const inputFiles = async (paths: readonly string[]): Promise<InputFiles> => {
  const files: string[] = [];
  const found = new Set<string>();
  const folders = new Map<string, readonly string[]>();
  for (const path of paths) {
    const isFolder = (await stat(path).catch(() => undefined))?.isDirectory() === true;
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const under = await filesUnder(path);
    folders.set(path, under);
    for (const file of under) found.add(file);
    files.push(...under);
  }
  return { files, found, folders };
};

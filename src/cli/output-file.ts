/**
 * A file a command writes (`podj report --out FILE`): asked before the work that fills it, so a folder, a missing
 * folder or one that cannot be written is refused at once in one line naming the path as the user gave it (Node
 * would say `EISDIR: illegal operation on a directory, open '/abs/path'`, after the work).
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { whyNotWritable } from '../journal/writable.js';
import { errorCode, systemWords } from '../text/system-errors.js';
import { BadInput } from './errors.js';

/** What a write that failed anyway (a race with the check, a full disk) says of the path, else the system's words. */
const WRITE_ERRORS: Readonly<Record<string, string>> = {
  EISDIR: 'is a folder',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder is not a folder',
};

const kindOf = (path: string): 'file' | 'folder' | 'other' | undefined => {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
};

/** Why `path` (absolute; `shown` as given) cannot be written as a file, in words, or undefined when it can. */
const whyNotOutput = (path: string, shown: string): string | undefined => {
  const kind = kindOf(path);
  if (kind === 'folder') return 'is a folder';
  if (kind !== undefined) return whyNotWritable(path);
  const [folder, folderShown] = [dirname(path), dirname(shown)];
  const folderKind = kindOf(folder);
  if (folderKind === undefined) return `no such folder ${folderShown}`;
  if (folderKind !== 'folder') return `${folderShown} is not a folder`;
  const why = whyNotWritable(folder);
  return why === undefined ? undefined : `cannot write in folder ${folderShown} (${why})`;
};

/** Refuses (exit 2) an output `path` that cannot be written; `shown` is the path as given on the command line. */
export const checkOutputFile = (flag: string, shown: string, path: string): void => {
  const why = whyNotOutput(path, shown);
  if (why !== undefined) throw new BadInput(`${flag} ${shown}: ${why}`);
};

/** Writes `text` to `path`, or refuses in one line naming it. */
export const writeOutputFile = (flag: string, shown: string, path: string, text: string): void => {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new BadInput(`${flag} ${shown}: ${WRITE_ERRORS[errorCode(e)] ?? systemWords(e)}`);
  }
};

/**
 * Reading a file a scenario names, safely: the real path (symlinks resolved) must lie inside the scenario's
 * real folder, the file must be a regular file (not a device such as /dev/zero, a FIFO that would block, or a
 * folder), and at most `maxBytes` are read. Each refusal is one short reason for the caller's error line.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';

/** The API server takes at most 3 MiB per request (`MaxRequestBodyBytes`); a manifest file above 4 MiB is refused. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const codeOf = (e: unknown): string | undefined => (e instanceof Error && 'code' in e ? String(e.code) : undefined);

const inside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

const readAtMost = (fd: number, maxBytes: number): E.Either<string, string> => {
  const stat = fstatSync(fd);
  if (!stat.isFile()) return E.left(stat.isDirectory() ? 'is a folder' : 'is not a regular file');
  if (stat.size > maxBytes) return E.left(`is larger than ${maxBytes} bytes`);
  // the size may change while we read: never read more than the cap, and refuse if there is more
  const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    if (length > maxBytes) return E.left(`is larger than ${maxBytes} bytes`);
    if (length === buffer.length) return E.left(`is larger than ${maxBytes} bytes`);
  }
  return E.right(buffer.subarray(0, length).toString('utf8'));
};

/** The text of `relativePath` under `folder`, or why it may not be read. */
export const readContainedFile = (folder: string, relativePath: string, maxBytes = MAX_MANIFEST_BYTES): E.Either<string, string> => {
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(resolve(folder, relativePath));
  } catch (e) {
    return E.left(codeOf(e) === 'ENOENT' ? 'no such file' : `cannot be read (${codeOf(e) ?? String(e)})`);
  }
  if (!inside(realFolder, real)) return E.left("resolves outside the scenario's folder");
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging; fstat then refuses it
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return E.left(`cannot be read (${codeOf(e) ?? String(e)})`);
  }
  try {
    return readAtMost(fd, maxBytes);
  } catch (e) {
    return E.left(`cannot be read (${codeOf(e) ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
};

/** Whether this process may write a path, asked before a write touches anything: access(2) with W_OK. */
import { accessSync, constants } from 'node:fs';
import { errorCode, systemWords } from '../text/system-errors.js';

/**
 * Why this process cannot write `path`, as the system says it ("read-only file system" for a read-only mount,
 * "permission denied", "operation not permitted" for an immutable file), or undefined when it can, or when the
 * path does not exist. access(2) asks with the process's real ids, as root too: a read-only mount and an
 * immutable file refuse root, which permissions do not.
 */
export const whyNotWritable = (path: string): string | undefined => {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? undefined : systemWords(error);
  }
};

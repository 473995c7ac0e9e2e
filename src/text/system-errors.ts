/**
 * The system's words for a failed file operation, one table for every message that names one: strerror(3)'s text,
 * as Go's `syscall.Errno.Error` (kubectl's `*fs.PathError`) and libuv's `uv_strerror` (Node's messages) both write it.
 */

/** The system's error code of what an fs call threw (`ENOENT`, `EISDIR`, …); '' when it has none. */
export const errorCode = (e: unknown): string => (e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : '');

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/**
 * What an fs call threw, in the system's words alone: the table's, else Node's message without its code and
 * syscall (else the code, else the message) (`ELOOP: too many symbolic links encountered, open '/p'` → `too many symbolic links encountered`).
 */
export const systemWords = (e: unknown): string => {
  const word = WORDS[errorCode(e)];
  if (word !== undefined) return word;
  const message = e instanceof Error ? e.message : String(e);
  return /^[A-Z]+: (.*), [a-z]+ '/.exec(message)?.[1] ?? (errorCode(e) || message);
};

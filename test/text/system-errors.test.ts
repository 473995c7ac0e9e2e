/** The system's words for real fs failures, as kubectl (Go's strerror table) and Node (libuv's) write them. */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode, systemWords } from '../../src/text/system-errors.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('systemWords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-errno-'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'file'), 'x');
  symlinkSync('loop', join(dir, 'loop'));

  it('a missing file, a folder read, a path under a file: the table, with the code', () => {
    const missing = thrown(() => readFileSync(join(dir, 'missing')));
    expect([errorCode(missing), systemWords(missing)]).toEqual(['ENOENT', 'no such file or directory']);
    const folder = thrown(() => readFileSync(join(dir, 'folder')));
    expect([errorCode(folder), systemWords(folder)]).toEqual(['EISDIR', 'is a directory']);
    const under = thrown(() => readFileSync(join(dir, 'file', 'x')));
    expect([errorCode(under), systemWords(under)]).toEqual(['ENOTDIR', 'not a directory']);
  });

  it("a code outside the table: Node's words without the code and the syscall; no code: the message", () => {
    const loop = thrown(() => readFileSync(join(dir, 'loop')));
    expect([errorCode(loop), systemWords(loop)]).toEqual(['ELOOP', 'too many symbolic links encountered']);
    expect([errorCode(new Error('plain')), systemWords(new Error('plain'))]).toEqual(['', 'plain']);
  });
});

/** Journals made by `podj import` runs in temporary folders, removed after the test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh temporary folder, removed after the test file. */
export const scratch = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** A journal made by importing each of `imports` in turn (one `podj import` each, of its files). */
export const importedIn = async (...imports: ReadonlyArray<readonly string[]>): Promise<string> => {
  const journal = join(scratch('podj-imported-'), 'journal');
  for (const files of imports) {
    const done = await podj('import', '--journal', journal, ...files);
    expect(done.code, done.stderr).toBe(0);
  }
  return journal;
};

/** One real LevelDB journal per test file, in a temporary folder, holding files `podj import` read; removed after the file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { podj } from '../importers/podj-in-process.js';

/** Imports `files` before the file's tests; the `--journal` arguments that name the journal, once imported. */
export const importedJournal = (files: readonly string[]): (() => string[]) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podj-imported-'));
    const imported = await podj('import', '--journal', join(dir, 'journal'), ...files);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => ['--journal', join(dir, 'journal')];
};

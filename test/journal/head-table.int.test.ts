import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Journal } from '../../src/journal/index.js';
import { freshJournal, podCreated } from './fixtures.js';

let journal: Journal;
let dir: string;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ journal, dir, done } = await freshJournal());
  await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
});
afterEach(() => done());

describe('head table', () => {
  // Characters of several bytes, a surrogate pair, an empty line and an empty last line.
  const blobs = new Map([
    ['café', 'naïve\tÜber\n\n日本語\t🙂'],
    ['plain', 'a\tb\nc\n'],
  ]);

  it('gives each part back as its blob', async () => {
    expect(await journal.putHeadTable(journal.head(), blobs)).toBe(true);
    const table = await journal.headTable();
    expect(table !== undefined && 'parts' in table ? [...table.parts] : table).toEqual([...blobs]);
    const one = await journal.headTable(['plain', 'absent']);
    expect(one !== undefined && 'parts' in one ? [...one.parts] : one).toEqual([['plain', 'a\tb\nc\n']]);
  });

  it('refuses a part whose bytes no longer match the SHA-256 its header names', async () => {
    expect(await journal.putHeadTable(journal.head(), blobs)).toBe(true);
    const folder = join(dir, 'snapshots', 'head');
    const [file = ''] = (await readdir(folder)).filter((f) => f !== 'index.json').sort();
    const bytes = await readFile(join(folder, file));
    // the last byte of 🙂 (or of the last line) changed: still the same length
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await writeFile(join(folder, file), bytes);
    const table = await journal.headTable();
    expect(table !== undefined && 'rejected' in table ? table.rejected : table).toMatch(/does not match its SHA-256/);
  });
});

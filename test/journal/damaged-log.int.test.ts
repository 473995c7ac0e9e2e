/**
 * A damaged LevelDB write-ahead log (a changed byte in a record's text or header): LevelDB, with classic-level's
 * paranoid_checks off, drops the damaged record and every one after it on open, then deletes the log, so
 * acknowledged appends would vanish silently. A writer refuses the store before LevelDB opens it, a reader from
 * what its copy's replay dropped; a write torn at the end of the log (a crash) is not damage.
 */
import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32c, maskedCrc } from '../../src/journal/crc32c.js';
import { JournalError, openJournal, readJournal } from '../../src/journal/index.js';
import { podCreated, podBound, containerStarted, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** A journal of 30 records, closed with all of them still in its write-ahead log; the log's name. */
const journalInLog = async (): Promise<string> => {
  const journal = await openJournal(dir);
  for (let i = 0; i < 10; i++) await journal.append([podCreated(`u${i}`, i), podBound(`u${i}`, i + 1), containerStarted(`u${i}`, i + 2)], { expectedSeq: journal.head().seq });
  await journal.close();
  const [log] = readdirSync(dir).filter((n) => n.endsWith('.log'));
  if (log === undefined) throw new Error('no write-ahead log');
  return log;
};

/** Flips one bit of the byte at `offset` of the file. */
const flip = (file: string, offset: number): void => {
  const bytes = readFileSync(file);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(file, bytes);
};

/** An offset inside the value of a record far into the log: its text, as a tamperer would edit it. */
const valueOffset = (file: string): number => readFileSync(file).lastIndexOf('"uid":"u7"') + 8;

const refusal = async (open: () => Promise<unknown>): Promise<JournalError> => {
  try {
    await open();
  } catch (e) {
    if (e instanceof JournalError) return e;
    throw e;
  }
  throw new Error('opened');
};

describe('CRC-32C', () => {
  it("matches the standard check value and LevelDB's test vectors", () => {
    expect(crc32c(Buffer.from('123456789'), 0, 9)).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32), 0, 32)).toBe(0x8a9136aa); // leveldb util/crc32c_test.cc :: StandardResults
    expect(crc32c(Buffer.alloc(32, 0xff), 0, 32)).toBe(0x62a8ab43);
    expect(maskedCrc(0x8a9136aa)).not.toBe(0x8a9136aa);
  });
});

describe('a damaged write-ahead log', () => {
  it('a writer refuses it naming the log and the byte, and leaves its bytes as they were', async () => {
    const log = await journalInLog();
    const file = join(dir, log);
    flip(file, valueOffset(file));
    const damaged = readFileSync(file);
    const e = await refusal(() => openJournal(dir));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toMatch(new RegExp(`^journal ${dir} is damaged: LevelDB's write-ahead log ${log}: the record at byte \\d+ fails its checksum; its files are left as they are$`));
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('a changed byte in a record header is found too', async () => {
    const log = await journalInLog();
    flip(join(dir, log), 5); // the first record's length
    expect((await refusal(() => openJournal(dir))).message).toMatch(/write-ahead log \d+\.log: the record at byte 0 /);
  });

  it('a reader refuses it from what its copy dropped, naming the journal, not the copy', async () => {
    const log = await journalInLog();
    flip(join(dir, log), valueOffset(join(dir, log)));
    const e = await refusal(() => readJournal(dir, async (j) => j.head()));
    expect(e.message).toMatch(new RegExp(`^journal ${dir} is damaged: LevelDB's write-ahead log ${log}: dropping \\d+ bytes; Corruption: checksum mismatch`));
  });

  it('a write torn at the end of the log (a crash mid-write) opens, with the records before it', async () => {
    const log = await journalInLog();
    const file = join(dir, log);
    truncateSync(file, readFileSync(file).length - 20);
    const journal = await openJournal(dir);
    try {
      expect(journal.head().seq).toBeGreaterThanOrEqual(27);
      expect(await journal.verify()).toMatchObject({ ok: true });
    } finally {
      await journal.close();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, seal, type Journal, type Sha256 } from '../../src/journal/index.js';
import { recordKey } from '../../src/journal/keys.js';
import { recordText, storedForm } from '../../src/journal/record.js';
import { at, containerStarted, freshJournal, nodeReady, podBound, podCreated, tamper, tempDir } from './fixtures.js';

let source: Journal;
let target: Journal;
const cleanups: Array<() => Promise<void>> = [];

const lines = async (j: Journal): Promise<string[]> => {
  const out: string[] = [];
  for await (const line of j.exportLines()) out.push(line);
  return out;
};

beforeEach(async () => {
  const a = await freshJournal();
  const b = await freshJournal({ clock: () => at(5000) });
  [source, target] = [a.journal, b.journal];
  cleanups.push(a.done, b.done);
  await source.append([podCreated('a', 0), podBound('a', 1), nodeReady(1)], { expectedSeq: 0, recordedAt: at(100) });
  await source.append([containerStarted('a', 3), podBound('a', 1), podCreated('b', 2)], { expectedSeq: 3, recordedAt: at(200) });
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('export', () => {
  it('writes a header naming the format, count and head hash, then one record per line in a fixed key order', async () => {
    const out = await lines(source);
    expect(out).toHaveLength(7);
    expect(JSON.parse(out[0] ?? '')).toEqual({ podjournal: { format: 1, records: 6, headHash: source.head().hash } });
    expect(Object.keys(JSON.parse(out[1] ?? '') as object)).toEqual(['seq', 'recordedAt', 'prevHash', 'hash', 'event']);
  });

  it('exports an empty journal as its header alone', async () => {
    expect(await lines(target)).toEqual([JSON.stringify({ podjournal: { format: 1, records: 0, headHash: '0'.repeat(64) } })]);
  });
});

describe('export of a damaged journal', () => {
  /** A journal of two appends (6 records), record 3's value edited in the store by `edit`, reopened. */
  const damaged = async (edit: (value: string) => string | undefined): Promise<Journal> => {
    const { dir, cleanup } = await tempDir();
    const made = await openJournal(dir, { clock: () => at(1000), sync: false });
    await made.append([podCreated('a', 0), podBound('a', 1), nodeReady(1)], { expectedSeq: 0, recordedAt: at(100) });
    await made.append([containerStarted('a', 3), podBound('a', 1), podCreated('b', 2)], { expectedSeq: 3, recordedAt: at(200) });
    await made.close();
    await tamper(dir, async (db) => {
      const value = edit((await db.get(recordKey(3))) ?? '');
      await (value === undefined ? db.del(recordKey(3)) : db.put(recordKey(3), value));
    });
    const journal = await openJournal(dir, { clock: () => at(1000), sync: false });
    cleanups.push(async () => {
      await journal.close();
      await cleanup();
    });
    return journal;
  };

  /** Record 3's event changed and sealed again with its own hash and check: it reads as whole, but record 4 no longer links to it. */
  const resealed = (stored: string): string => {
    const text = recordText(stored);
    const { prevHash } = JSON.parse(text) as { prevHash: Sha256 };
    const eventJson = text.slice(text.indexOf(',"event":') + ',"event":'.length, -1).replace('"node-1"', '"node-9"');
    return seal(prevHash, 3, at(100), eventJson).stored;
  };

  // Each of these exported a line `import` refuses (or a file short of a record), and said nothing.
  const faults: Array<[string, (value: string) => string | undefined, string]> = [
    ['a changed byte', (v) => v.replace('"node-1"', '"node-9"'), 'record e!0000000000000003: its bytes do not match their CRC-32: changed since it was written'],
    // reads take it (they check the CRC-32 alone); import checks its SHA-256
    ['a changed text stored with its check made again', (v) => storedForm(recordText(v).replace('"node-1"', '"node-9"')), 'record e!0000000000000003: its bytes do not hash to its hash: changed since it was written'],
    ['a record sealed again', resealed, 'record e!0000000000000004: its prevHash does not link to record 3'],
    ['a lost record', () => undefined, 'record e!0000000000000004: follows record 2: record 3 is missing'],
  ];

  it.each(faults)('stops at %s, naming its key, before writing its line: import refuses what it wrote', async (_what, edit, message) => {
    const journal = await damaged(edit);
    const written: string[] = [];
    const exported = (async () => {
      for await (const line of journal.exportLines()) written.push(line);
    })();
    await expect(exported).rejects.toThrow(message);
    await expect(exported).rejects.toMatchObject({ kind: 'corrupt' });
    expect(written.length).toBeLessThan(5);
    await expect(target.importExport(written)).rejects.toThrow(/the export ends after record \d, but its header promises 6 records/);
    expect(target.count()).toBe(0);
  });
});

describe('import into an empty journal', () => {
  it('restores the same records, so export → import → export is byte-identical', async () => {
    const first = await lines(source);
    const result = await target.importExport(first);
    expect(result).toMatchObject({ mode: 'restore', appended: 6, skipped: 0 });
    expect(target.head()).toEqual(source.head());
    expect((await lines(target)).join('\n')).toBe(first.join('\n'));
    expect(await target.verify()).toEqual(await source.verify());
    expect((await target.podRecords('default', 'pod-a').toArray()).map((r) => r.seq)).toEqual([1, 2, 5, 4]);
  });

  it('tolerates a trailing empty line', async () => {
    await target.importExport([...(await lines(source)), '']);
    expect(target.count()).toBe(6);
  });

  const refusals: Array<[string, (ls: string[]) => string[], string]> = [
    ['a missing header', (ls) => ls.slice(1), 'line 1: not a podjournal export header'],
    ['another format', (ls) => [ls[0]?.replace('"format":1', '"format":2') ?? '', ...ls.slice(1)], 'line 1: not a podjournal export header: podjournal.format: 2'],
    ['a line that is not JSON', (ls) => [...ls.slice(0, 3), 'oops', ...ls.slice(4)], 'line 4: is not JSON'],
    ['a dropped record', (ls) => [...ls.slice(0, 3), ...ls.slice(4)], 'line 4: record 4 does not follow record 2'],
    ['two records swapped', (ls) => [ls[0] ?? '', ls[2] ?? '', ls[1] ?? '', ...ls.slice(3)], 'line 2: record 2 does not follow record 0'],
    ['a changed event', (ls) => ls.map((l, i) => (i === 5 ? l.replace('"node":"node-1"', '"node":"node-9"') : l)), 'line 6: hash does not match the record'],
    ['an invalid event', (ls) => ls.map((l, i) => (i === 2 ? l.replace('"node":"node-1"', '"node":1') : l)), 'line 3: event: PodBound: node: 1 is not a string'],
    ['a truncated export', (ls) => ls.slice(0, 5), 'line 5: the export ends after record 4, but its header promises 6 records'],
    ['a bad record time', (ls) => ls.map((l, i) => (i === 1 ? l.replace(/"recordedAt":"[^"]+"/, '"recordedAt":"yesterday"') : l)), 'line 2: recordedAt: "yesterday" is not an Instant'],
  ];

  it.each(refusals)('refuses %s, naming the line, and writes nothing', async (_what, edit, message) => {
    const out = edit(await lines(source));
    const refused = target.importExport(out, { chunkSize: 2 });
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toMatchObject({ kind: 'invalid-import' });
    expect(target.count()).toBe(0);
    expect(await lines(target)).toHaveLength(1);
    expect(await target.verify()).toMatchObject({ ok: true, count: 0 });
  });
});

describe('import into a non-empty journal', () => {
  it('appends only the events not yet present, recorded now, and a second import adds nothing', async () => {
    await target.append([podCreated('a', 0), podCreated('z', 0)], { expectedSeq: 0 });
    const out = await lines(source);
    const first = await target.importExport(out);
    // podCreated('a', 0) is already there, and source's second podBound('a', 1) repeats its first
    expect(first).toMatchObject({ mode: 'merge', appended: 4, skipped: 2 });
    const merged = await target.records({ fromSeq: 3 }).toArray();
    expect(merged.map((r) => r.event.type)).toEqual(['PodBound', 'NodeConditionChanged', 'ContainerStarted', 'PodCreated']);
    expect(merged.every((r) => r.recordedAt === at(5000))).toBe(true);
    expect(await target.importExport(out)).toMatchObject({ mode: 'merge', appended: 0, skipped: 6 });
    expect(await target.verify()).toMatchObject({ ok: true, count: 6 });
  });
});

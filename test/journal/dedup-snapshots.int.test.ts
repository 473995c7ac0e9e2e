import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Journal } from '../../src/journal/index.js';
import { at, containerStarted, freshJournal, nodeReady, podBound, podCreated } from './fixtures.js';

let journal: Journal;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ journal, done } = await freshJournal());
});
afterEach(() => done());

describe('appendNew', () => {
  it('skips events already in the journal and returns only what it appended', async () => {
    await journal.append([podCreated('a', 0), podBound('a', 1)], { expectedSeq: 0 });
    const appended = await journal.appendNew([podBound('a', 1), containerStarted('a', 2), podCreated('a', 0)], { expectedSeq: 2 });
    expect(appended.map((r) => [r.seq, r.event.type])).toEqual([[3, 'ContainerStarted']]);
    expect(journal.count()).toBe(3);
  });

  it('skips a duplicate within the same append', async () => {
    const appended = await journal.appendNew([podBound('a', 1), podBound('a', 1)], { expectedSeq: 0 });
    expect(appended.map((r) => r.seq)).toEqual([1]);
  });

  it('is idempotent: the same import twice adds nothing the second time', async () => {
    const events = [podCreated('a', 0), podBound('a', 1), containerStarted('a', 2)];
    expect((await journal.appendBulk(events, { dedup: true })).appended).toBe(3);
    expect(await journal.appendBulk(events, { dedup: true })).toMatchObject({ appended: 0, skipped: 3 });
    expect((await journal.verify()).ok).toBe(true);
  });

  it('sees duplicates across chunks, including the chunk still being written', async () => {
    const [a, b, c] = [podCreated('a', 0), podBound('a', 1), containerStarted('a', 2)];
    const result = await journal.appendBulk([a, b, a, c, b, b, a, c], { dedup: true, chunkSize: 1 });
    expect(result).toMatchObject({ appended: 3, skipped: 5 });
    expect((await journal.records().toArray()).map((r) => r.event)).toEqual([a, b, c]);
    expect((await journal.verify()).ok).toBe(true);
  });

  it('lets plain append record a repeated event, and verify still passes', async () => {
    await journal.append([podBound('a', 1)], { expectedSeq: 0 });
    await journal.append([podBound('a', 1)], { expectedSeq: 1 });
    expect(journal.count()).toBe(2);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it('keeps a dedup entry naming one of repeated events written in consecutive chunks', async () => {
    await journal.appendBulk([podBound('a', 1), podBound('a', 1), nodeReady(1), nodeReady(1)], { chunkSize: 1 });
    expect(await journal.verify()).toMatchObject({ ok: true, count: 4 });
    expect(await journal.appendNew([podBound('a', 1), nodeReady(1)], { expectedSeq: 4 })).toEqual([]);
  });

  it("finds a pod's event by its pod index entries at its instant: another pod's, another instant's or another content are new", async () => {
    await journal.append([podCreated('a', 0), podBound('a', 1), containerStarted('a', 1, 'cid-1'), podBound('b', 1), nodeReady(1), podBound('a', 2)], { expectedSeq: 0 });
    const asked = [podBound('a', 1), containerStarted('a', 1, 'cid-2'), containerStarted('a', 1, 'cid-1'), podBound('c', 1), podBound('a', 1.5), nodeReady(1), podCreated('a', 0)];
    const appended = await journal.appendNew(asked, { expectedSeq: 6 });
    expect(appended.map((r) => r.event)).toEqual([containerStarted('a', 1, 'cid-2'), podBound('c', 1), podBound('a', 1.5)]);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 9 });
  });
});

describe('bulk appends', () => {
  it('writes in chunks and moves the head once', async () => {
    const progress: number[] = [];
    const events = Array.from({ length: 25 }, (_, i) => containerStarted('a', i));
    const result = await journal.appendBulk(events, { chunkSize: 10, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([10, 20, 25]);
    expect(result).toMatchObject({ appended: 25, skipped: 0, head: journal.head() });
    expect(await journal.verify()).toMatchObject({ ok: true, count: 25 });
  });

  it('takes an async iterable', async () => {
    async function* events() {
      for (let i = 0; i < 5; i++) yield containerStarted('a', i);
    }
    expect((await journal.appendBulk(events())).appended).toBe(5);
  });

  it('refuses a whole async stream on an invalid event after chunks were written, as a plain one', async () => {
    async function* events() {
      for (let i = 0; i < 25; i++) yield containerStarted('a', i);
      yield { ...podBound('a', 30), node: null };
    }
    await expect(journal.appendBulk(events(), { chunkSize: 10 })).rejects.toThrow('events[25]: PodBound: node: null is not a string');
    expect(await journal.verify()).toEqual({ ok: true, count: 0, headHash: journal.head().hash });
  });

  it('refuses the whole stream on an invalid event after chunks were written, leaving nothing behind', async () => {
    await journal.append([podCreated('a', 0)], { expectedSeq: 0 });
    const before = journal.head();
    const events = [...Array.from({ length: 25 }, (_, i) => containerStarted('a', i + 1)), { ...podBound('a', 30), node: null }];
    await expect(journal.appendBulk(events, { chunkSize: 10 })).rejects.toThrow('events[25]: PodBound: node: null is not a string');
    expect(journal.head()).toEqual(before);
    expect(await journal.verify()).toEqual({ ok: true, count: 1, headHash: before.hash });
    expect((await journal.podRecords('default', 'pod-a').toArray()).map((r) => r.seq)).toEqual([1]);
    // the rolled-back events left no dedup entries: importing them again appends them all
    expect((await journal.appendBulk(events.slice(0, 25), { dedup: true })).appended).toBe(25);
  });

  it('loads an empty journal with repeated events across chunks, and a refused load leaves nothing behind', async () => {
    const repeated = [podBound('a', 1), containerStarted('a', 2), podBound('a', 1), containerStarted('a', 2), podBound('a', 1)];
    await expect(journal.appendBulk([...repeated, { ...podBound('a', 3), node: null }], { chunkSize: 2 })).rejects.toThrow('events[5]');
    expect(await journal.verify()).toEqual({ ok: true, count: 0, headHash: journal.head().hash });
    expect(await journal.appendBulk(repeated, { chunkSize: 2 })).toMatchObject({ appended: 5, skipped: 0 });
    expect(await journal.verify()).toMatchObject({ ok: true, count: 5 }); // each dedup entry names a record holding its event
    expect(await journal.appendNew([podBound('a', 1), containerStarted('a', 2)], { expectedSeq: 5 })).toEqual([]);
  });

  it('keeps the dedup entries of older records when a refused bulk append repeated their events', async () => {
    await journal.append([podBound('a', 1), nodeReady(1)], { expectedSeq: 0 });
    const repeating = [podBound('a', 1), nodeReady(1), containerStarted('a', 2), podBound('a', 1), nodeReady(1), { ...podBound('a', 3), node: null }];
    await expect(journal.appendBulk(repeating, { chunkSize: 1 })).rejects.toThrow('events[5]');
    expect(await journal.verify()).toMatchObject({ ok: true, count: 2 });
    expect(await journal.appendNew([podBound('a', 1), nodeReady(1)], { expectedSeq: 2 })).toEqual([]);
  });

  it('indexes every record by time once a chunk brings a late event, and a refused stream takes that index back', async () => {
    await journal.append([podCreated('a', 0), podBound('a', 40)], { expectedSeq: 0 });
    const late = [...Array.from({ length: 15 }, (_, i) => containerStarted('a', 41 + i)), containerStarted('a', 20)];
    await expect(journal.appendBulk([...late, { ...podBound('a', 60), node: null }], { chunkSize: 10 })).rejects.toThrow('events[16]');
    expect(journal.head().ordered).toBe(true);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 2 }); // a time entry left behind would be a stray
    await journal.appendBulk(late, { chunkSize: 10 });
    expect(journal.head().ordered).toBe(false);
    expect(await journal.verify()).toMatchObject({ ok: true, count: 18 }); // an entry for every record, the first two too
    expect((await journal.recordsInTimeOrder({ untilAt: at(41) }).toArray()).map((r) => r.seq)).toEqual([1, 18, 2, 3]);
  });
});

describe('snapshots', () => {
  beforeEach(async () => {
    await journal.append([podCreated('a', 0), podBound('a', 10), containerStarted('a', 20), containerStarted('a', 30)], { expectedSeq: 0 });
  });

  it('finds the latest snapshot at or before an instant', async () => {
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2');
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    expect(await journal.snapshotAtOrBefore(at(5))).toBeUndefined();
    expect(await journal.snapshotAtOrBefore(at(10))).toEqual({ position: { at: at(10), seq: 2 }, blob: 'S2' });
    expect(await journal.snapshotAtOrBefore(at(29))).toEqual({ position: { at: at(10), seq: 2 }, blob: 'S2' });
    expect(await journal.snapshotAtOrBefore(at(99))).toEqual({ position: { at: at(30), seq: 4 }, blob: 'S4' });
  });

  it('refuses a snapshot at a position that is not a record', async () => {
    await expect(journal.putSnapshot({ at: at(11), seq: 2 }, 'x')).rejects.toThrow('is not a record of journal');
  });

  it('keeps snapshots when appends arrive in time order', async () => {
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    await journal.append([containerStarted('a', 30, 'other'), containerStarted('a', 40)], { expectedSeq: 4 });
    expect(await journal.snapshotAtOrBefore(at(99))).toMatchObject({ blob: 'S4' });
  });

  it('deletes the snapshots after a late event, and keeps those before it', async () => {
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2');
    await journal.putSnapshot({ at: at(20), seq: 3 }, 'S3');
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    await journal.append([containerStarted('a', 15)], { expectedSeq: 4 });
    expect(await journal.snapshotAtOrBefore(at(99))).toMatchObject({ blob: 'S2' });
  });

  it('deletes them after a late bulk append too', async () => {
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    await journal.appendBulk([containerStarted('a', 50), containerStarted('a', 25)], { chunkSize: 1 });
    expect(await journal.snapshotAtOrBefore(at(99))).toBeUndefined();
  });

  it('refuses a snapshot folded before a late append that lands before it', async () => {
    const computedAtSeq = journal.count();
    await journal.append([containerStarted('a', 5)], { expectedSeq: 4 });
    expect(await journal.putSnapshot({ at: at(30), seq: 4 }, 'stale', { computedAtSeq })).toBe(false);
    expect(await journal.putSnapshot({ at: at(0), seq: 1 }, 'fine', { computedAtSeq })).toBe(true);
    expect(await journal.snapshotAtOrBefore(at(99))).toMatchObject({ blob: 'fine' });
  });

  it('keeps blobs in files beside the store, naming them in LevelDB, and removes the files a late event makes stale', async () => {
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2');
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    const folder = join(journal.dir, 'snapshots');
    expect((await readdir(folder)).sort()).toEqual(['0000000000000002.json', '0000000000000004.json']);
    // A header line binds the blob to its position, the head it was folded at and its own SHA-256.
    const [header, blob] = (await readFile(join(folder, '0000000000000004.json'), 'utf8')).split('\n');
    expect(JSON.parse(header ?? '')).toEqual({ position: { at: at(30), seq: 4 }, folded: { seq: 4, hash: journal.head().hash }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(blob).toBe('S4');
    await journal.append([containerStarted('a', 15)], { expectedSeq: 4 });
    await expect.poll(async () => readdir(folder)).toEqual(['0000000000000002.json']);
  });

  it('rejects a snapshot whose file has gone: the events remain', async () => {
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2');
    await journal.putSnapshot({ at: at(30), seq: 4 }, 'S4');
    await rm(join(journal.dir, 'snapshots', '0000000000000004.json'));
    expect(await journal.snapshotAtOrBefore(at(99))).toEqual({ position: { at: at(30), seq: 4 }, rejected: 'its file 0000000000000004.json is missing' });
    expect(await journal.snapshotAtOrBefore(at(20))).toMatchObject({ blob: 'S2' });
  });

  it('binds a snapshot to the head it was folded at, which may not precede its position', async () => {
    const computedAtSeq = 3;
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2', { computedAtSeq });
    expect(await journal.snapshotAtOrBefore(at(10))).toEqual({ position: { at: at(10), seq: 2 }, blob: 'S2' });
    await expect(journal.putSnapshot({ at: at(30), seq: 4 }, 'S4', { computedAtSeq })).rejects.toThrow('is not a record of journal');
  });

  it('names each part by the SHA-256 of its text and stores exactly its bytes, a long part then a short one', async () => {
    // Parts are encoded into one reused buffer: a shorter part after a longer one must not keep the longer one's tail.
    const texts = ['é'.repeat(5000), '{"specs":[],"removed":["ü"]}\n{"pod":{}}', 'x'];
    for (const text of texts) {
      const name = await journal.putSnapshotPart(text);
      expect(name).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(await readFile(join(journal.dir, 'snapshots', 'parts', `${name}.json`), 'utf8')).toBe(text);
      expect(await journal.snapshotPart(name)).toEqual({ text });
    }
  });

  it('deletes all snapshots on request, and verify ignores them', async () => {
    await journal.putSnapshot({ at: at(10), seq: 2 }, 'S2');
    expect((await journal.verify()).ok).toBe(true);
    await journal.deleteSnapshots();
    expect(await journal.snapshotAtOrBefore(at(99))).toBeUndefined();
    expect(existsSync(join(journal.dir, 'snapshots'))).toBe(false);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANY, JournalError, openJournal } from '../../src/journal/index.js';
import type { Instant } from '../../src/k8s/codecs.js';
import { DIGESTS, META_FORMAT, META_HEAD, OBSERVATIONS, PODS, TIME, digestKey, podKey, recordKey, seqOfKey, timeKey, upper } from '../../src/journal/keys.js';
import { recordText, sha256, storedForm } from '../../src/journal/record.js';
import { podKeyOf, type Event } from '../../src/events/index.js';
import { canonical } from '../../src/journal/canonical.js';
import { at, containerStarted, nodeReady, podBound, podCreated, tamper, tempDir } from './fixtures.js';

const linesOf = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
};

/** The dedup entries as stored: `[key, seq]`. */
const digestEntries = (db: Parameters<Parameters<typeof tamper>[1]>[0]) => db.iterator({ gte: DIGESTS, lt: upper(DIGESTS) }).all();

const child = fileURLToPath(new URL('./child.ts', import.meta.url));
const podj = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));

/** Runs child.ts in its own node process; `onLine` sees each stdout line as it arrives. */
const runChild = (mode: string, dir: string, onLine: (line: string, kill: () => void) => void = () => {}, args: readonly string[] = []) =>
  new Promise<{ lines: string[]; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    const kill = () => proc.kill('SIGKILL');
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        onLine(line, kill);
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => resolve({ lines, signal, stderr }));
  });

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe('opening', () => {
  it('tells a second process that the journal is in use, without waiting', async () => {
    const journal = await openJournal(dir);
    try {
      const { lines } = await runChild('lock', dir);
      expect(lines).toEqual([`in-use: journal ${dir} is in use by another process`]);
    } finally {
      await journal.close();
    }
    const { lines } = await runChild('lock', dir);
    expect(lines).toEqual(['opened']);
  });

  it('refuses a second handle in the same process too', async () => {
    const journal = await openJournal(dir);
    await expect(openJournal(dir)).rejects.toThrow(`journal ${dir} is in use by another process`);
    await journal.close();
  });

  it('refuses a folder that holds other files', async () => {
    await mkdir(dir);
    await writeFile(`${dir}/notes.txt`, 'hello');
    await expect(openJournal(dir)).rejects.toThrow(`${dir} is not a journal: the folder holds other files and no LevelDB store`);
  });

  it('refuses a file', async () => {
    await writeFile(dir, 'hello');
    await expect(openJournal(dir)).rejects.toMatchObject({ kind: 'not-a-journal' });
  });

  it('refuses a LevelDB store that is not a journal', async () => {
    await tamper(dir, (db) => db.put('something', 'else'));
    await expect(openJournal(dir)).rejects.toThrow(`${dir} is a LevelDB store but not a podjournal journal`);
  });

  it('refuses another journal format version', async () => {
    await (await openJournal(dir)).close();
    await tamper(dir, (db) => db.put(META_FORMAT, '1'));
    const opening = openJournal(dir);
    await expect(opening).rejects.toBeInstanceOf(JournalError);
    await expect(opening).rejects.toThrow(`journal ${dir} has format version 1; this podj reads version 10 (too old to upgrade in place`);
    await tamper(dir, (db) => db.put(META_FORMAT, '11'));
    await expect(openJournal(dir)).rejects.toThrow('has format version 11; this podj reads version 10 (written by a newer podj: upgrade podj)');
  });

  it('upgrades a format-3 journal in place: its pod index gains the record copies, and verify passes', async () => {
    const journal = await openJournal(dir);
    await journal.append([podCreated('a', 0), podBound('a', 3), podCreated('b', 5)], { expectedSeq: 0 });
    await journal.close();
    // Format 3 kept empty values in the pod index.
    await tamper(dir, async (db) => {
      for await (const key of db.keys({ gte: 'p!', lt: 'p"' })) await db.put(key, '');
      await db.put(META_FORMAT, '3');
    });
    const upgraded = await openJournal(dir);
    expect((await upgraded.podRecords('default', 'pod-a').toArray()).map((r) => r.event.type)).toEqual(['PodCreated', 'PodBound']);
    expect(await upgraded.verify()).toMatchObject({ ok: true, count: 3 });
    await upgraded.close();
    await tamper(dir, async (db) => expect(await db.get(META_FORMAT)).toBe('10'));
  });

  it('upgrades a format-4 journal in place: a time-ordered one drops its time index, another keeps it; verify passes', async () => {
    const timeKeys = (db: Parameters<Parameters<typeof tamper>[1]>[0]) => db.keys({ gte: TIME, lt: upper(TIME) }).all();
    // Format 4 kept a time index entry for every record.
    const asFormat4 = () =>
      tamper(dir, async (db) => {
        for await (const value of db.values({ gte: 'e!', lt: 'e"' })) {
          const record = JSON.parse(recordText(value)) as { seq: number; event: { at: Instant } };
          await db.put(timeKey({ at: record.event.at, seq: record.seq }), '');
        }
        await db.put(META_FORMAT, '4');
      });
    const journal = await openJournal(dir);
    await journal.append([podCreated('a', 0), podBound('a', 3)], { expectedSeq: 0 });
    await journal.close();
    await asFormat4();
    const ordered = await openJournal(dir);
    expect((await ordered.recordsInTimeOrder().toArray()).map((r) => r.seq)).toEqual([1, 2]);
    expect(await ordered.verify()).toMatchObject({ ok: true, count: 2 });
    await ordered.close();
    await tamper(dir, async (db) => expect(await timeKeys(db)).toEqual([]));
    const again = await openJournal(dir);
    await again.append([podCreated('b', 1)], { expectedSeq: 2 }); // late: the journal is no longer time-ordered
    await again.close();
    await tamper(dir, async (db) => expect(await timeKeys(db)).toHaveLength(3));
    await asFormat4();
    const unordered = await openJournal(dir);
    expect((await unordered.recordsInTimeOrder().toArray()).map((r) => r.seq)).toEqual([1, 3, 2]);
    expect(await unordered.verify()).toMatchObject({ ok: true, count: 3 });
    await unordered.close();
    await tamper(dir, async (db) => {
      expect(await timeKeys(db)).toHaveLength(3);
      expect(await db.get(META_FORMAT)).toBe('10');
    });
  });

  it('upgrades a format-5 journal in place: its pod index entries lose the hash chain, and verify passes', async () => {
    const journal = await openJournal(dir);
    await journal.append([podCreated('a', 0), podBound('a', 3), podCreated('b', 5)], { expectedSeq: 0 });
    const records = await journal.records().toArray();
    await journal.close();
    const podValues = (db: Parameters<Parameters<typeof tamper>[1]>[0]) => db.values({ gte: 'p!', lt: 'p"' }).all();
    // Format 5 kept a whole copy of each record in the pod index.
    await tamper(dir, async (db) => {
      for (const key of await db.keys({ gte: 'p!', lt: 'p"' }).all()) await db.put(key, JSON.stringify(records[seqOfKey(key) - 1]));
      await db.put(META_FORMAT, '5');
      expect((await podValues(db)).every((v) => v.includes('"prevHash"'))).toBe(true);
    });
    const upgraded = await openJournal(dir);
    expect(await upgraded.podRecords('default', 'pod-a').toArray()).toEqual(records.slice(0, 2).map(({ seq, recordedAt, event }) => ({ seq, recordedAt, event })));
    expect(await upgraded.verify()).toMatchObject({ ok: true, count: 3 });
    await upgraded.close();
    await tamper(dir, async (db) => {
      expect(await db.get(META_FORMAT)).toBe('10');
      expect(await podValues(db)).toEqual(records.map((r) => `${r.recordedAt}${canonical(r.event)}`));
    });
  });

  it("upgrades a format-6 journal in place: a pod-less event's dedup entry moves under its instant, a pod event's goes; verify passes", async () => {
    const events = [podCreated('a', 0), nodeReady(2), podBound('a', 3), podCreated('b', 5)];
    const journal = await openJournal(dir);
    await journal.append(events, { expectedSeq: 0 });
    await journal.append([nodeReady(2)], { expectedSeq: 4 }); // a repeat without lookup: its entry names record 5
    await journal.close();
    // Format 6 keyed a dedup entry by the digest alone, and had one for every event.
    const format6 = [...events.map((e, i): [Event, number] => [e, i + 1]).filter(([e]) => e !== events[1]), [nodeReady(2), 5] as [Event, number]];
    await tamper(dir, async (db) => {
      for (const [e, seq] of format6) await db.put(`${DIGESTS}${sha256(canonical(e))}`, String(seq));
      await db.del(digestKey(at(2), sha256(canonical(nodeReady(2)))));
      await db.put(META_FORMAT, '6');
    });
    const upgraded = await openJournal(dir);
    expect(await upgraded.verify()).toMatchObject({ ok: true, count: 5 });
    expect(await upgraded.appendNew(events, { expectedSeq: ANY })).toEqual([]);
    await upgraded.close();
    await tamper(dir, async (db) => {
      expect(await db.get(META_FORMAT)).toBe('10');
      expect(await digestEntries(db)).toEqual([[digestKey(at(2), sha256(canonical(nodeReady(2)))), '5']]);
    });
  });

  it('upgrades a format-9 journal in place: each record that holds its hash is stored behind its CRC-32, one that does not is left to verify', async () => {
    const journal = await openJournal(dir);
    await journal.append([podCreated('a', 0), podBound('a', 3), nodeReady(4), podCreated('b', 5), podBound('b', 6)], { expectedSeq: 0 });
    const records = await journal.records().toArray();
    const exported = await linesOf(journal.exportLines());
    await journal.close();
    const recordValues = (db: Parameters<Parameters<typeof tamper>[1]>[0]) => db.values({ gte: 'e!', lt: 'e"' }).all();
    // Format 9 stored each record's text alone; record 4's was changed there since it was written (not the head's:
    // every open refuses a head record that does not hash to its hash).
    await tamper(dir, async (db) => {
      for (const [key, value] of await db.iterator({ gte: 'e!', lt: 'e"' }).all()) await db.put(key, recordText(value));
      await db.put(recordKey(4), ((await db.get(recordKey(4))) ?? '').replace('"name":"pod-b"', '"name":"pod-c"'));
      await db.put(META_FORMAT, '9');
    });
    const upgraded = await openJournal(dir);
    expect(await upgraded.records({ toSeq: 3 }).toArray()).toEqual(records.slice(0, 3));
    await expect(upgraded.records({ fromSeq: 4 }).toArray()).rejects.toThrow('record e!0000000000000004: its bytes do not match their CRC-32');
    expect(await upgraded.verify()).toEqual({ ok: false, seq: 4, reason: 'hash does not match the record' });
    await upgraded.close();
    await tamper(dir, async (db) => {
      expect(await db.get(META_FORMAT)).toBe('10');
      const values = await recordValues(db);
      expect(values.slice(0, 3)).toEqual(records.slice(0, 3).map((_, i) => storedForm(exported[i + 1] ?? '')));
      expect(values[3]?.startsWith('{')).toBe(true);
      // As the good records were before the change: the journal upgraded, then read and verified whole.
      await db.put(recordKey(4), storedForm(exported[4] ?? ''));
    });
    const whole = await openJournal(dir);
    expect(await whole.records().toArray()).toEqual(records);
    expect(await whole.verify()).toMatchObject({ ok: true, count: 5 });
    expect(await linesOf(whole.exportLines())).toEqual(exported);
    await whole.close();
  });

  it("upgrades a format-7 journal in place: the dedup entries of pod events go, a pod-less event's stays; verify passes", async () => {
    const events = [podCreated('a', 0), nodeReady(2), podBound('a', 3), containerStarted('a', 4)];
    const journal = await openJournal(dir);
    await journal.append(events, { expectedSeq: 0 });
    await journal.close();
    const nodeEntry: [string, string] = [digestKey(at(2), sha256(canonical(nodeReady(2)))), '2'];
    // Format 7 kept a dedup entry for every event.
    await tamper(dir, async (db) => {
      expect(await digestEntries(db)).toEqual([nodeEntry]);
      for (const [i, e] of events.entries()) await db.put(digestKey(e.at, sha256(canonical(e))), String(i + 1));
      await db.put(META_FORMAT, '7');
    });
    const upgraded = await openJournal(dir);
    expect(await upgraded.verify()).toMatchObject({ ok: true, count: 4 });
    expect(await upgraded.appendNew(events, { expectedSeq: ANY })).toEqual([]);
    await upgraded.close();
    await tamper(dir, async (db) => {
      expect(await db.get(META_FORMAT)).toBe('10');
      expect(await digestEntries(db)).toEqual([nodeEntry]);
    });
  });

  it('creates missing parent folders', async () => {
    await (await openJournal(`${dir}/deeper/still`)).close();
    await (await openJournal(`${dir}/deeper/still`, { create: false })).close();
  });

  it('does not create a journal when asked not to', async () => {
    await expect(openJournal(dir, { create: false })).rejects.toThrow(`journal ${dir} does not exist`);
    await mkdir(dir);
    await expect(openJournal(dir, { create: false })).rejects.toMatchObject({ kind: 'not-a-journal' });
  });

  it('reopens a journal with its head and records', async () => {
    const journal = await openJournal(dir);
    const appended = await journal.append([podCreated('a', 0), podBound('a', 9), podBound('a', 3)], { expectedSeq: 0 });
    const head = journal.head();
    await journal.close();
    const again = await openJournal(dir);
    expect(again.head()).toEqual(head);
    expect(await again.records().toArray()).toEqual(appended);
    await again.close();
  });
});

describe('killed processes', () => {
  it('a bulk append killed after its first chunk leaves the journal as it was', async () => {
    const { lines, signal } = await runChild('die-in-bulk', dir);
    expect(signal).toBe('SIGKILL');
    const journal = await openJournal(dir);
    try {
      expect(journal.head()).toMatchObject({ seq: 1, hash: lines[0] });
      expect(await journal.verify()).toMatchObject({ ok: true, count: 1 });
      expect((await journal.records().toArray()).map((r) => r.seq)).toEqual([1]);
    } finally {
      await journal.close();
    }
  });

  it('a process killed during a burst of appends leaves a journal that verifies and holds every acknowledged append', async () => {
    const { lines, signal, stderr } = await runChild('burst', dir, (line, kill) => {
      if (Number(line) >= 5000) kill();
    });
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    const acknowledged = lines.map(Number);
    const last = acknowledged[acknowledged.length - 1] ?? 0;
    expect(last).toBeGreaterThanOrEqual(5000);
    const journal = await openJournal(dir);
    try {
      expect(await journal.verify()).toMatchObject({ ok: true });
      expect(journal.count()).toBeGreaterThanOrEqual(last);
      const seqs = new Set((await journal.records().toArray()).map((r) => r.seq));
      expect(acknowledged.filter((seq) => !seqs.has(seq))).toEqual([]);
    } finally {
      await journal.close();
    }
  });
});

/** Every index entry and the head, as stored: what the records determine. */
const derivedEntries = async (dir: string): Promise<Array<[string, string]>> => {
  const entries: Array<[string, string]> = [];
  await tamper(dir, async (db) => {
    for (const prefix of [PODS, OBSERVATIONS, DIGESTS, TIME]) entries.push(...(await db.iterator({ gte: prefix, lt: upper(prefix) }).all()));
    entries.push([META_HEAD, (await db.get(META_HEAD)) ?? '']);
  });
  return entries;
};

/**
 * What a journal whose writer was killed must show, opened again: `podj verify` passes (on its private copy,
 * before anything reopens the journal), every acknowledged record is there, the index entries and the head
 * are those a restore of its records builds, and the duplicates of its events are refused.
 */
const expectRecovered = async (dir: string, lastAcknowledged: number): Promise<void> => {
  const verified = spawnSync(process.execPath, [podj, 'verify'], { encoding: 'utf8', env: { ...process.env, PODJ_JOURNAL: dir } });
  expect(verified.stderr).toBe('');
  expect(verified.status).toBe(0);
  const journal = await openJournal(dir);
  const { dir: rebuiltDir, cleanup } = await tempDir();
  try {
    expect(journal.count()).toBeGreaterThanOrEqual(lastAcknowledged);
    expect(await journal.verify()).toMatchObject({ ok: true, count: journal.count() });
    const records = await journal.records().toArray();
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: journal.count() }, (_, i) => i + 1));
    expect(await journal.appendNew(records.map((r) => r.event), { expectedSeq: ANY })).toEqual([]);
    const rebuilt = await openJournal(rebuiltDir);
    await rebuilt.importExport(journal.exportLines());
    await rebuilt.close();
  } finally {
    await journal.close();
  }
  try {
    expect(await derivedEntries(dir)).toEqual(await derivedEntries(rebuiltDir));
  } finally {
    await cleanup();
  }
};

describe('durable appends: the index write after the records', () => {
  it('a journal that lost the index write of its last append (a crash after the acknowledgement) rebuilds it on open', async () => {
    const journal = await openJournal(dir);
    await journal.append([podCreated('a', 0), podBound('a', 3)], { expectedSeq: 0 });
    const before = journal.head();
    const appended = [containerStarted('a', 5), podBound('b', 6)];
    await journal.append(appended, { expectedSeq: 2 });
    await journal.close();
    // What a crash between the two writes leaves: the records, with neither their index entries nor the new head.
    await tamper(dir, async (db) => {
      const lost = appended.map((e, i) => ({ e, seq: 3 + i }));
      for (const { e, seq } of lost) {
        await db.del(podKey(podKeyOf(e) ?? '', false, { at: e.at, seq }));
      }
      await db.put(META_HEAD, JSON.stringify(before));
    });
    const reopened = await openJournal(dir);
    try {
      expect(reopened.count()).toBe(4);
      expect((await reopened.podRecords('default', 'pod-b').toArray()).map((r) => r.seq)).toEqual([4]);
      expect(await reopened.appendNew(appended, { expectedSeq: ANY })).toEqual([]);
      expect(await reopened.verify()).toMatchObject({ ok: true, count: 4 });
    } finally {
      await reopened.close();
    }
  });

  it('an append killed right after its acknowledgement keeps every acknowledged event; indexes as rebuilt, dedup, podj verify', async () => {
    // After 1 event, after 10, and after an append in a journal a late event made not time-ordered (a time index).
    for (const dieAfter of [1, 3, 57]) {
      const { dir: killed, cleanup } = await tempDir();
      try {
        const { lines, signal, stderr } = await runChild('durable-burst', killed, () => {}, [String(dieAfter)]);
        expect(stderr).toBe('');
        expect(signal).toBe('SIGKILL');
        expect(lines).toHaveLength(dieAfter);
        await expectRecovered(killed, Number(lines[lines.length - 1]));
      } finally {
        await cleanup();
      }
    }
  });

  it('a writer killed at any moment of a burst of durable appends leaves a journal that recovers the same way', async () => {
    const { lines, signal, stderr } = await runChild('durable-burst', dir, (line, kill) => {
      if (Number(line) >= 600) kill();
    });
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    await expectRecovered(dir, Number(lines[lines.length - 1]));
  });
});

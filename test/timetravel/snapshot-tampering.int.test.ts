/**
 * Snapshots are bound to the chain (issue 14, item 2): a tampered, misplaced, malformed or stale snapshot
 * never changes an answer, and `verifySnapshots` (what `podj verify` runs) names it.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { openJournal, type Journal } from '../../src/journal/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { foldCluster, podsOf } from '../../src/reducers/index.js';
import { rowsAtHead } from '../../src/timetravel/head-rows.js';
import { rowsAt } from '../../src/timetravel/rows-at.js';
import { podTableRow } from '../../src/printers/pod-table-row.js';
import { sortRows } from '../../src/printers/pod-table.js';
import { rowKey, rowLine, type RowLine } from '../../src/printers/row-line.js';
import { clusterAt, refreshSnapshots, timeTravel, type TimeTravel } from '../../src/timetravel/time-travel.js';
import { verifySnapshots } from '../../src/timetravel/verify-snapshots.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';
import {
  addPodToSnapshot,
  editPodLines,
  plantSnapshots,
  readSnapshotText,
  repointSnapshotKey,
  snapshotEntries,
  writeSnapshotText,
} from '../support/snapshot-tampering.js';

const life = (name: string, s: number): Event[] => {
  const pod = podRef(name);
  return [created(pod, s), bound(pod, s + 1), ...started(pod, s + 2), exited(pod, s + 5, 1)];
};

const EVENTS = [0, 3, 6, 9, 12].flatMap((s, i) => life(`web-${i}`, s)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
const INSTANTS = [2, 5, 8, 11, 14, 20, 1000].map(at);

let dir: string;
let journal: Journal;
const open = async (): Promise<TimeTravel> => {
  journal = await openJournal(dir, { sync: false });
  return timeTravel(journal, 'test', 4);
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podj-tamper-'));
  const tt = await open();
  await journal.append(EVENTS, { expectedSeq: 0 });
  await refreshSnapshots(tt);
  await journal.close();
});
afterEach(async () => {
  await journal.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** Every answer is the fold of the events, whatever the snapshots hold. */
const expectTrueAnswers = async (tt: TimeTravel, events: readonly Event[] = EVENTS): Promise<void> => {
  for (const t of INSTANTS) expect(await clusterAt(tt, t), `state at ${t}`).toEqual(foldCluster(events.filter((e) => e.at <= t)));
  expect(await clusterAt(tt)).toEqual(foldCluster(events));
};

describe('snapshots bound to the chain', () => {
  it('are used and verified when untouched', async () => {
    const entries = await snapshotEntries(dir);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const tt = await open();
    await expectTrueAnswers(tt);
    expect(await verifySnapshots(tt)).toEqual({ verified: entries.length, otherVersion: 0, faults: [] });
  });

  it('a pod added to a part of a snapshot: ignored, and verify names it (in every snapshot made of that part)', async () => {
    const [, [key, name] = ['', '']] = await snapshotEntries(dir);
    const part = await addPodToSnapshot(dir, name, false);
    expect(part).toBeDefined();
    const tt = await open();
    await expectTrueAnswers(tt);
    const { faults } = await verifySnapshots(tt);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults).toContainEqual({ position: expect.objectContaining({ seq: Number(key.slice(-16)) }), reason: `part ${part}: its content does not match its SHA-256` });
    expect(faults.every((f) => f.reason === `part ${part}: its content does not match its SHA-256`)).toBe(true);
  });

  it('a pod added with the SHA-256 recomputed (a deliberate forgery): verify re-folds the events and names it', async () => {
    const entries = await snapshotEntries(dir);
    const [key, name] = entries[entries.length - 1] ?? ['', ''];
    expect(await addPodToSnapshot(dir, name, true)).toBeDefined();
    const tt = await open();
    const { faults } = await verifySnapshots(tt);
    expect(faults).toEqual([{ position: expect.objectContaining({ seq: Number(key.slice(-16)) }), reason: 'it differs from the fold of the events at its position' }]);
  });

  it("pods' lines changed in place (the rows' places still fit): get pods --at ignores the snapshot, and verify names it", async () => {
    const entries = await snapshotEntries(dir);
    const [, name] = entries[entries.length - 1] ?? ['', ''];
    const parts = await editPodLines(dir, name, '"node-1"', '"node-9"');
    expect(parts.length).toBeGreaterThan(0);
    const tt = await open();
    for (const t of INSTANTS) expect(sortRows(await rowsAt(tt, t)), `rows at ${t}`).toEqual(sortRows(podsOf(foldCluster(EVENTS.filter((e) => e.at <= t))).map((p) => rowLine(podTableRow(p)))));
    const { faults } = await verifySnapshots(tt);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((f) => parts.some((p) => f.reason === `part ${p}: its content does not match its SHA-256`))).toBe(true);
  });

  it('an older snapshot copied over a newer one: ignored, and verify names it', async () => {
    const [[, older] = ['', ''], [, newer] = ['', '']] = await snapshotEntries(dir);
    await writeSnapshotText(dir, newer, await readSnapshotText(dir, older));
    const tt = await open();
    await expectTrueAnswers(tt);
    const { faults } = await verifySnapshots(tt);
    expect(faults.map((f) => f.reason)).toEqual([expect.stringMatching(new RegExp(`^file ${newer}: it holds the state at .* #\\d+, not at`))]);
  });

  it('an s! key re-pointed at another snapshot file: ignored, and verify names it', async () => {
    const entries = await snapshotEntries(dir);
    const [, first = ''] = entries[0] ?? [];
    const [lastKey = ''] = entries[entries.length - 1] ?? [];
    await repointSnapshotKey(dir, lastKey, first);
    const tt = await open();
    await expectTrueAnswers(tt);
    expect((await verifySnapshots(tt)).faults).toHaveLength(1);
  });

  it('a malformed (truncated) snapshot, or one without a header: ignored, and verify names it', async () => {
    const [[, a] = ['', ''], [, b] = ['', '']] = await snapshotEntries(dir);
    const text = await readSnapshotText(dir, a);
    await writeSnapshotText(dir, a, text.slice(0, text.length - 40));
    await writeSnapshotText(dir, b, '{"version":"x"}');
    const tt = await open();
    await expectTrueAnswers(tt);
    const { faults } = await verifySnapshots(tt);
    expect(faults.map((f) => f.reason)).toEqual([`file ${a}: its content does not match its SHA-256`, `file ${b}: no header line`]);
  });

  it('a stale snapshot planted back after a late append removed it: ignored, and verify names it', async () => {
    const entries = await snapshotEntries(dir);
    const saved = await Promise.all(entries.map(async ([key, name]) => ({ key, name, text: await readSnapshotText(dir, name) })));
    const late = life('late', 1);
    let tt = await open();
    await journal.append(late, { expectedSeq: EVENTS.length });
    await journal.close();
    await plantSnapshots(dir, saved);
    tt = await open();
    await expectTrueAnswers(tt, [...EVENTS, ...late]);
    const { faults } = await verifySnapshots(tt);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((f) => /belongs before it: it is stale$/.test(f.reason))).toBe(true);
  });

  it('after a rejected snapshot, the next write rebuilds them all, and they verify', async () => {
    const entries = await snapshotEntries(dir);
    const [, name = ''] = entries[entries.length - 1] ?? [];
    await addPodToSnapshot(dir, name, false);
    const tt = await open();
    const more = life('more', 100);
    await journal.append(more, { expectedSeq: EVENTS.length });
    await refreshSnapshots(tt);
    expect(await verifySnapshots(tt)).toMatchObject({ faults: [] });
    await expectTrueAnswers(tt, [...EVENTS, ...more]);
  });

  it('removes leftover .tmp files of a snapshot write on open', async () => {
    const leftover = join(dir, 'snapshots', '0000000000000099.json.tmp');
    await writeFile(leftover, 'half a snapsh');
    await open();
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('the head table: the rows of the pods at the head by namespace', () => {
  const rowsOf = (pods: readonly V1Pod[]): RowLine[] => sortRows(pods.map((p) => rowLine(podTableRow(p))));
  const twoNamespaces = [...life('web', 0), created(podRef('db', 'prod'), 2)];

  const withTable = async (): Promise<TimeTravel> => {
    await rm(dir, { recursive: true, force: true });
    const tt = await open();
    await journal.append(twoNamespaces.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)), { expectedSeq: 0 });
    await refreshSnapshots(tt);
    return tt;
  };

  it('holds exactly the pods at the end, one namespace at a time', async () => {
    const tt = await withTable();
    const end = podsOf(await clusterAt(tt));
    expect(sortRows((await rowsAtHead(journal)) ?? [])).toEqual(rowsOf(end));
    expect(await rowsAtHead(journal, 'prod')).toEqual(rowsOf(end.filter((p) => p.metadata.namespace === 'prod')));
    expect(await rowsAtHead(journal, 'nowhere')).toEqual([]);
    expect((await verifySnapshots(tt)).faults).toEqual([]);
  });

  it('is not used once the head moves, until the snapshots are refreshed', async () => {
    const tt = await withTable();
    await journal.append([created(podRef('late', 'prod'), 50)], { expectedSeq: journal.count() });
    expect(await rowsAtHead(journal, 'prod')).toBeUndefined();
    await refreshSnapshots(tt);
    expect((await rowsAtHead(journal, 'prod'))?.map((r) => rowKey(r).name)).toEqual(['db', 'late']);
  });

  it('a pod added to a part: not used, and verify names it; recomputing its SHA-256 is caught by the re-fold', async () => {
    const tt = await withTable();
    const file = join(dir, 'snapshots', 'head', '1.json');
    const [header = '', ...rows] = (await readFile(file, 'utf8')).split('\n');
    const forged = [...rows, (rows[0] ?? '').replace('\tdb\t', '\tintruder\t')].join('\n');
    await writeFile(file, `${header}\n${forged}`);
    expect(await rowsAtHead(journal)).toBeUndefined();
    expect((await verifySnapshots(tt)).faults).toEqual([{ reason: 'head table: part prod: file 1.json: its content does not match its SHA-256' }]);
    const rehashed = { ...(JSON.parse(header) as object), sha256: createHash('sha256').update(forged).digest('hex') };
    await writeFile(file, `${JSON.stringify(rehashed)}\n${forged}`);
    expect((await verifySnapshots(tt)).faults).toEqual([{ reason: 'head table: namespace prod differs from the fold of the events' }]);
  });
});

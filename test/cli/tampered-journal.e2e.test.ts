/**
 * A journal tampered with where only `verify` found it: a pod index entry put under another pod's key or
 * re-pointed at another pod's record, and the head record changed with its CRC-32 made again. Reads that reach
 * the entry refuse it (exit 2) naming the key, a write never chains onto the changed head, verify names the
 * fault (exit 1), reads change not one byte of the journal and writes no key or value.
 */
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { REPO, fingerprint, sample, storeEntries, workspace } from './podj.js';

// disk-pressure's journal: record 24 is api's ContainerStarted, 26 debug's PodRejected, both at 16:01:30; 38 the head.
const AT = '2026-01-18T16:01:30.000Z';
const apiEntry = (seq: number): string => `p!default/api!${AT}!${String(seq).padStart(16, '0')}`;
const debugEntry = (seq: number): string => `p!default/debug!${AT}!${String(seq).padStart(16, '0')}`;

/** The sample journal, changed by `edit` on its store, and its files then. */
const tampered = async (edit: (db: ClassicLevel<string, string>) => Promise<void>): Promise<ReturnType<typeof workspace> & { readonly files: string[] }> => {
  const space = workspace();
  expect(space.podj('replay', sample('disk-pressure')).code).toBe(0);
  const db = new ClassicLevel<string, string>(space.journal);
  await edit(db);
  await db.close();
  return { ...space, files: fingerprint(space.journal) };
};

/** Moves the value of `from` to `to`, as an edit of the pod index would. */
const move = async (db: ClassicLevel<string, string>, from: string, to: string): Promise<void> => {
  const value = await db.get(from);
  expect(value).toBeDefined();
  await db.batch().del(from).put(to, value ?? '').write();
};

describe('a pod index entry under a key that does not index it', () => {
  it("debug's rejection moved under api's key: the reads of api refuse it, naming the key (events --for listed it as api's), verify names it", async () => {
    const { podj, journal, files } = await tampered((db) => move(db, debugEntry(26), apiEntry(26)));
    const line = new RegExp(
      `^error: journal ${journal}: pod index entry ${apiEntry(26)}: holds PodRejected of pod default/debug at ${AT}, which this key does not index \\(LevelDB table \\d{6}\\.ldb\\)\n$`,
    );
    for (const args of [['describe', 'pod', 'api'], ['timeline', 'pod', 'api'], ['events', '-o', 'journal', '--for', 'pod/api'], ['events', '--for', 'pod/api', '-o', 'jsonl'], ['diff', 'pod', 'api', '--from', '+1m', '--to', '+3m']]) {
      expect([args.join(' '), podj(...args)]).toMatchObject([args.join(' '), { code: 2, stdout: '', stderr: expect.stringMatching(line) }]);
    }
    expect(podj('verify')).toMatchObject({ code: 1, stderr: `journal ${journal}: record 26: pod index entry ${debugEntry(26)} is missing\n` });
    expect(fingerprint(journal)).toEqual(files);
  });

  it("api's own entry re-pointed at debug's record: events --for -o jsonl refuses to print debug's record as api's", async () => {
    const { podj, journal, files } = await tampered((db) => move(db, apiEntry(24), apiEntry(26)));
    expect(podj('events', '--for', 'pod/api', '-o', 'jsonl')).toMatchObject({
      code: 2,
      stdout: expect.not.stringContaining('"seq":26'),
      stderr: expect.stringMatching(
        new RegExp(`^error: journal ${journal}: pod index entry of record 26: holds ContainerStarted of pod default/api at ${AT}, but record 26 is PodRejected of pod default/debug at ${AT} \\(LevelDB table \\d{6}\\.ldb\\)\n$`),
      ),
    });
    expect(podj('verify')).toMatchObject({ code: 1, stderr: `journal ${journal}: record 24: pod index entry ${apiEntry(24)} is missing\n` });
    expect(fingerprint(journal)).toEqual(files);
  });
});

describe('the head record changed and its CRC-32 made again', () => {
  it('every verb refuses the journal (a write chained onto it, reads answered from it), verify names it', async () => {
    const { podj, journal, files } = await tampered(async (db) => {
      const stored = (await db.get('e!0000000000000038')) ?? '';
      const text = stored.slice(8).replace('"sync":', '"sync":9');
      expect(text).not.toBe(stored.slice(8));
      await db.put('e!0000000000000038', `${crc32(text).toString(16).padStart(8, '0')}${text}`);
    });
    const line = new RegExp(
      `^error: journal ${journal} is damaged: its head record 38 does not hash to its hash [0-9a-f]{12}…: changed since it was written; it is left as it is \\(podj verify names the fault\\)\n$`,
    );
    for (const args of [['get', 'pods', '-A'], ['describe', 'pod', 'worker'], ['events'], ['export']]) {
      expect([args.join(' '), podj(...args)]).toMatchObject([args.join(' '), { code: 2, stdout: '', stderr: expect.stringMatching(line) }]);
    }
    expect(podj('verify')).toMatchObject({ code: 1, stderr: `journal ${journal}: record 38: hash does not match the record\n` });
    expect(fingerprint(journal)).toEqual(files);
    const stored = await storeEntries(journal);
    for (const args of [['record', 'NodeConditionChanged', '--node', 'node01', 'conditionType=Ready', 'status=False'], ['apply', '-f', join(REPO, 'test/fixtures/manifests/liveness-exec.yaml')]]) {
      expect([args.join(' '), podj(...args)]).toMatchObject([args.join(' '), { code: 2, stdout: '', stderr: expect.stringMatching(line) }]);
    }
    expect(await storeEntries(journal)).toEqual(stored);
  });
});

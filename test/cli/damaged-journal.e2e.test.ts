/**
 * A journal damaged where a user or a tool can reach it (its head, LevelDB's CURRENT and MANIFEST), met by every
 * kind of verb on the built CLI: verify names the fault (exit 1), reads and writes refuse in one line naming the
 * journal (exit 2), never answering from what the damage left, and not one byte of the journal changes.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { REPO, fingerprint, sample, storeEntries, workspace } from './podj.js';

const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');

/** Reads as a user types them: they change not one byte of the journal. */
const READS: ReadonlyArray<readonly string[]> = [['get', 'pods', '-A'], ['get', 'pods', '-A', '--at', '+1m'], ['describe', 'pod', 'memleak-pod'], ['events'], ['timeline', 'pod', 'memleak-pod']];
/** Each kind of write: LevelDB's open of the store may move its log into a table, but no key or value changes. */
const WRITES: ReadonlyArray<readonly string[]> = [
  ['record', 'NodeConditionChanged', '--node', 'n9', 'conditionType=Ready', 'status=False'],
  ['apply', '-f', manifest, '--at', '2027-01-01T00:00:00Z'],
  ['simulate', sample('two-containers')],
];

/** The files of the journal but LevelDB's info log, which LevelDB's open of a store it then refuses rotates. */
const dataFiles = (journal: string): string[] => fingerprint(journal).filter((line) => !/^LOG(\.old)? /.test(line));

/** Replaces `from` by `to` in the journal's head (`m!head`), as a hand edit or another tool would. */
const editHead = async (journal: string, from: string, to: string): Promise<void> => {
  const db = new ClassicLevel<string, string>(journal);
  const head = (await db.get('m!head')) ?? '';
  expect(head).toContain(from);
  await db.put('m!head', head.replace(from, to));
  await db.close();
};

/** A journal of 93 records, damaged by `damage`, and its files then. */
const damaged = async (damage: (journal: string) => Promise<void> | void): Promise<ReturnType<typeof workspace> & { readonly files: string[] }> => {
  const space = workspace();
  expect(space.podj('replay', sample('crashloop-memleak')).code).toBe(0);
  await damage(space.journal);
  return { ...space, files: fingerprint(space.journal) };
};

/** Runs every read, then every write, on the damaged journal: each refused with `line` (exit 2); reads change no byte, writes no key or value. */
const everyVerbRefuses = async (podj: ReturnType<typeof workspace>['podj'], journal: string, files: string[], line: string): Promise<void> => {
  for (const args of READS) expect([args.join(' '), podj(...args)]).toEqual([args.join(' '), { code: 2, stdout: '', stderr: line }]);
  expect(fingerprint(journal)).toEqual(files);
  const stored = await storeEntries(journal);
  for (const args of WRITES) expect([args.join(' '), podj(...args)]).toEqual([args.join(' '), { code: 2, stdout: '', stderr: line }]);
  expect(await storeEntries(journal)).toEqual(stored);
};

describe('a head that does not name the last record', () => {
  it('its seq lowered: every verb refuses (records 91 to 93 were written over by the next append, reads answered without them), verify names it', async () => {
    const { podj, journal, files } = await damaged((j) => editHead(j, '"seq":93', '"seq":90'));
    const line = `error: journal ${journal} is damaged: record 91 lies beyond its head (m!head: record 90) and does not follow it; it is left as it is (podj verify names the fault)\n`;
    expect(podj('verify')).toMatchObject({ code: 1, stdout: '', stderr: `journal ${journal}: record 91: record 91 lies beyond the head (90)\n` });
    await everyVerbRefuses(podj, journal, files, line);
  });

  it('its hash changed: every verb refuses (an append sealed its records onto a hash no record has), verify names it', async () => {
    let hash = '';
    const { podj, journal, files } = await damaged(async (j) => {
      const db = new ClassicLevel<string, string>(j);
      hash = (JSON.parse((await db.get('m!head')) ?? '{}') as { hash: string }).hash;
      await db.close();
      await editHead(j, hash, `${hash.slice(1)}0`);
    });
    const line = `error: journal ${journal} is damaged: its head (m!head) names record 93 as ${hash.slice(1, 13)}…, but that record's hash is ${hash.slice(0, 12)}…; it is left as it is (podj verify names the fault)\n`;
    expect(podj('verify')).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(new RegExp(`^journal ${journal}: record 93: head hash "[0-9a-f]{64}" does not match the records`)) });
    await everyVerbRefuses(podj, journal, files, line);
  });

  it('a head one behind its records, as a crash between an append and its index write leaves it, still rolls forward', async () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const db = new ClassicLevel<string, string>(journal);
    const [, ninetyTwo] = (await db.get('e!0000000000000092'))?.match(/"hash":"([0-9a-f]{64})"/) ?? [];
    await db.del('p!default/memleak-pod!' + ((await db.keys({ gte: 'p!default/memleak-pod!', lt: 'p!default/memleak-pod"' }).all()).at(-1)?.split('!').slice(2).join('!') ?? ''));
    await db.put('m!head', ((await db.get('m!head')) ?? '').replace(/"seq":93,"hash":"[0-9a-f]{64}"/, `"seq":92,"hash":"${ninetyTwo ?? ''}"`));
    await db.close();
    expect(podj('get', 'pods').code).toBe(0);
    expect(podj('record', 'NodeConditionChanged', '--node', 'node01', 'conditionType=Ready', 'status=False')).toMatchObject({ code: 0, stderr: expect.stringMatching(/^head 94 /) });
    expect(podj('verify').code).toBe(0);
  });
});

describe("LevelDB's CURRENT and MANIFEST", () => {
  it('a CURRENT that names no MANIFEST: reads name the journal and the file (they printed Node\'s "ENOENT: …, stat \'…/garbage\'"), verify finds it (exit 1)', async () => {
    const { podj, journal, files } = await damaged((j) => writeFileSync(join(j, 'CURRENT'), 'garbage\n'));
    const line = `journal ${journal} is damaged: LevelDB's CURRENT file does not name a MANIFEST ("garbage")\n`;
    for (const args of [['get', 'pods'], ['events'], ['describe', 'pod', 'memleak-pod']]) expect(podj(...args)).toEqual({ code: 2, stdout: '', stderr: `error: ${line}` });
    expect(podj('verify')).toEqual({ code: 1, stdout: '', stderr: line });
    expect(fingerprint(journal)).toEqual(files);
    expect(podj('record', 'NodeConditionChanged', '--node', 'n9', 'conditionType=Ready', 'status=False')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^error: journal ${journal} cannot be opened: IO error: ${journal}/garbage: No such file or directory\n$`)) });
    expect(dataFiles(journal)).toEqual(files.filter((line) => !/^LOG(\.old)? /.test(line)));
  });

  it('a MANIFEST deleted: reads name it missing, verify finds it (exit 1), a write refuses', async () => {
    let name = '';
    const { podj, journal, files } = await damaged((j) => {
      name = readdirSync(j).find((n) => n.startsWith('MANIFEST-')) ?? '';
      rmSync(join(j, name));
    });
    const line = `journal ${journal} is damaged: LevelDB's CURRENT file names ${name}, which is missing\n`;
    for (const args of [['get', 'pods'], ['timeline', 'pod', 'memleak-pod'], ['export']]) expect(podj(...args)).toEqual({ code: 2, stdout: '', stderr: `error: ${line}` });
    expect(podj('verify')).toEqual({ code: 1, stdout: '', stderr: line });
    expect(fingerprint(journal)).toEqual(files);
    expect(podj('apply', '-f', manifest)).toMatchObject({ code: 2, stdout: '', stderr: `error: journal ${journal} cannot be opened: IO error: ${journal}/${name}: No such file or directory\n` });
    expect(dataFiles(journal)).toEqual(files.filter((line) => !/^LOG(\.old)? /.test(line)));
  });
});

describe('a record deleted from the store', () => {
  it('reads that read the records in sequence refuse, naming it (events and check answered without it), a write that reads it names the journal', async () => {
    const { podj, journal, dir, files } = await damaged(async (j) => {
      const db = new ClassicLevel<string, string>(j);
      await db.del('e!0000000000000015');
      await db.close();
    });
    const refusal = new RegExp(`^error: journal ${journal}: record e!0000000000000016: follows record 14: record 15 is missing \\(LevelDB table \\d{6}\\.ldb\\)\n$`);
    for (const args of [['events'], ['check'], ['get', 'pods', '--at', '+20s'], ['export']]) {
      expect([args.join(' '), podj(...args)]).toMatchObject([args.join(' '), { code: 2, stderr: expect.stringMatching(refusal) }]);
    }
    expect(podj('verify')).toMatchObject({ code: 1, stderr: `journal ${journal}: record 15: record 15 is missing (the next is 16)\n` });
    expect(fingerprint(journal)).toEqual(files);
    const source = workspace();
    source.podj('replay', sample('two-containers'));
    writeFileSync(join(dir, 'other.export'), source.podj('export').stdout);
    const stored = await storeEntries(journal);
    // an import looks up what the journal holds; its refusal named the key alone ("error: record e!…16: …")
    expect(podj('import', 'other.export')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(refusal) });
    expect(await storeEntries(journal)).toEqual(stored);
  });
});

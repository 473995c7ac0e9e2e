/**
 * Bad input found by probing every verb: each is refused with exit 2 and one line naming what and where, and
 * the journal keeps every record (its head line before and after).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, realFixture, sample, workspace } from './podj.js';
import { BIN } from './spawn.js';

const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');

describe('--at and the other instants', () => {
  it('refuses a calendar date that does not exist, as Go time.Parse does (day, hour out of range), and takes a leap day', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    expect(podj('get', 'pods', '--at', '2026-02-30T00:00:00Z')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: --at: "2026-02-30T00:00:00Z" is not an RFC 3339 time: day out of range\n',
    });
    expect(podj('get', 'pods', '--at', '2026-02-29T00:00:00Z').stderr).toBe('error: --at: "2026-02-29T00:00:00Z" is not an RFC 3339 time: day out of range\n');
    expect(podj('describe', 'pod', 'memleak-pod', '--at', '2026-01-18T24:00:00Z')).toMatchObject({
      code: 2,
      stderr: 'error: --at: "2026-01-18T24:00:00Z" is not an RFC 3339 time: hour out of range\n',
    });
    expect(podj('diff', 'pod', 'memleak-pod', '--from', '2026-04-31T08:00:00Z').stderr).toBe(
      'error: --from: "2026-04-31T08:00:00Z" is not an RFC 3339 time: day out of range\n',
    );
    // 2024 is a leap year: its 29 February is an instant (before this journal began)
    expect(podj('get', 'pods', '--at', '2024-02-29T08:00:00+01:00')).toMatchObject({ code: 0, stdout: '' });
  });

  it('refuses an offset longer than Go allows a duration, or landing past year 9999, naming the flag', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    // Date's range ends in year 275760: these printed "error: Invalid time value" without naming --since
    expect(podj('events', '--since', '-9999999999999h')).toMatchObject({
      code: 2,
      stderr: 'error: --since: "-9999999999999h" is longer than the longest Go duration (2562047h47m16s)\n',
    });
    // within Date's range but past what RFC 3339 writes: this answered "before the journal's first event" at +013433
    expect(podj('get', 'pods', '--at', '+99999999h')).toMatchObject({
      code: 2,
      stderr: 'error: --at: "+99999999h" is longer than the longest Go duration (2562047h47m16s)\n',
    });
    expect(podj('get', 'pods', '--at', '+2562047h').code).toBe(0);
  });

  it('refuses an offset whose duration carries a sign of its own: +-1m read as a minute before the first event', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    expect(podj('get', 'pods', '--at', '+-1m')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: --at: "+-1m" is not a duration after "+" (e.g. +90s, +5m, +1h30m)\n',
    });
    expect(podj('describe', 'pod', 'memleak-pod', '--at=-+1m')).toMatchObject({
      code: 2,
      stderr: 'error: --at: "-+1m" is not a duration after "-" (e.g. -10s, -5m)\n',
    });
    expect(podj('events', '--since', '++30s').stderr).toBe('error: --since: "++30s" is not a duration after "+" (e.g. +90s, +5m, +1h30m)\n');
    expect(podj('get', 'pods', '--at', '+1m').code).toBe(0);
  });

  it('a manifest, an import or a recorded event with a time Go refuses is refused naming the field; nothing is written', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'default', uid: 'u1', creationTimestamp: '2026-02-30T08:00:00Z' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    writeFileSync(join(dir, 'pod.json'), JSON.stringify(pod));
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\n  creationTimestamp: "2026-04-31T00:00:00Z"\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    const event = { v: 1, type: 'NodeConditionChanged', at: '2026-01-18T24:00:00.000Z', source: 'node', node: 'n1', conditionType: 'Ready', status: 'False' };
    writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(event)}\n`);
    // these went in as 2 March, 1 May and the next midnight (Date.parse's roll-over), or as stored text
    expect(podj('import', 'pod.json')).toMatchObject({ code: 2, stderr: 'error: pod.json:1: metadata.creationTimestamp: "2026-02-30T08:00:00Z" is not an RFC 3339 time: day out of range\n' });
    expect(podj('apply', '-f', 'pod.yaml')).toMatchObject({ code: 2, stderr: 'error: pod.yaml:5: metadata.creationTimestamp: "2026-04-31T00:00:00Z" is not an RFC 3339 time: day out of range\n' });
    expect(podj('record', '-f', 'events.jsonl')).toMatchObject({ code: 2, stderr: 'error: events.jsonl:1: NodeConditionChanged: at: "2026-01-18T24:00:00.000Z" is not an Instant\n' });
    expect(podj('verify').stdout).toBe(head);
  });

  it('a write at a day that does not exist records nothing', () => {
    const { podj } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const r = podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False', '--at', '2026-02-30T00:00:00Z');
    expect(r).toMatchObject({ code: 2, stderr: 'error: --at: "2026-02-30T00:00:00Z" is not an RFC 3339 time: day out of range\n' });
    expect(podj('verify').stdout).toBe(head);
  });
});

describe('--journal under a file', () => {
  it('reads, writes and replay --replace name the file in one line (exit 2), and the file is as it was', () => {
    const { podj, dir } = workspace();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a journal\n');
    const line = `error: journal ${join(notes, 'j')}: ${notes} is a file, not a folder\n`;
    // these were LevelDB's and Node's "ENOTDIR: not a directory, mkdir '…/notes.txt/j'" (and lstat for --replace)
    for (const args of [['apply', '-f', manifest], ['replay', sample('crashloop-memleak'), '--replace'], ['get', 'pods'], ['verify']]) {
      expect(podj(...args, '--journal', 'notes.txt/j')).toEqual({ code: 2, stdout: '', stderr: line });
    }
    expect(podj('get', 'pods', '--journal', 'notes.txt/j/deeper').stderr).toBe(`error: journal ${join(notes, 'j', 'deeper')}: ${notes} is a file, not a folder\n`);
    expect(readFileSync(notes, 'utf8')).toBe('not a journal\n');
  });
});

describe('record TYPE field=value', () => {
  it('a field the event type does not have is refused, naming it, and nothing is recorded', () => {
    const { podj } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    // this recorded the condition without its reason, and said nothing of the field it left out
    const typo = podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False', 'reasn=KubeletDown');
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'error: NodeConditionChanged: unknown field "reasn"\n' });
    expect(podj('verify').stdout).toBe(head);
    const spelled = podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False', 'reason=KubeletDown', '--at', '2026-01-01T00:01:00Z');
    expect(spelled).toMatchObject({ code: 0, stdout: '#2 NodeConditionChanged node/n1: Ready=False (KubeletDown)\n' });
  });

  it('record -f refuses a line with a field its event type does not have, naming the file, line and field; nothing is recorded', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const event = (at: string, fields: Record<string, unknown>): string =>
      JSON.stringify({ v: 1, type: 'NodeConditionChanged', at, source: 'node', node: 'n1', conditionType: 'Ready', status: 'False', ...fields });
    writeFileSync(join(dir, 'events.jsonl'), `${event('2026-01-01T00:01:00.000Z', { reason: 'KubeletDown' })}\n${event('2026-01-01T00:02:00.000Z', { reasn: 'KubeletDown' })}\n`);
    // this recorded both lines, the second without its reason, and said nothing of the field it left out
    expect(podj('record', '-f', 'events.jsonl')).toEqual({ code: 2, stdout: '', stderr: 'error: events.jsonl:2: NodeConditionChanged: unknown field "reasn"\n' });
    expect(podj('verify').stdout).toBe(head);
    writeFileSync(join(dir, 'events.jsonl'), `${event('2026-01-01T00:01:00.000Z', { reason: 'KubeletDown' })}\n`);
    expect(podj('record', '-f', 'events.jsonl')).toMatchObject({ code: 0, stdout: '#2 NodeConditionChanged node/n1: Ready=False (KubeletDown)\n' });
  });
});

describe('files named on the command line', () => {
  it('apply without -f is a usage error and creates no journal', () => {
    const { podj, journal } = workspace();
    expect(podj('apply')).toMatchObject({ code: 2, stdout: '', stderr: "error: required option '-f, --filename <file>' not specified\n" });
    expect(existsSync(journal)).toBe(false);
  });

  it('apply and record -f name a missing file or a folder in words, and the journal is as it was', () => {
    const { podj, dir } = workspace();
    mkdirSync(join(dir, 'manifests'));
    expect(podj('apply', '-f', 'missing.yaml')).toMatchObject({ code: 2, stderr: 'error: missing.yaml: no such file\n' });
    // this was "error: EISDIR: illegal operation on a directory, read": no file named
    expect(podj('apply', '-f', 'manifests')).toMatchObject({ code: 2, stderr: 'error: manifests: is a folder\n' });
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    expect(podj('record', '-f', 'manifests')).toMatchObject({ code: 2, stderr: 'error: manifests: is a folder\n' });
    expect(podj('record', '-f', 'missing.jsonl')).toMatchObject({ code: 2, stderr: 'error: missing.jsonl: no such file\n' });
    expect(podj('verify').stdout).toBe(head);
  });

  it('record -f of a file with no events is refused, as apply and import refuse theirs, and the journal is as it was', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    writeFileSync(join(dir, 'empty.jsonl'), '\n  \n');
    // this exited 0 and printed nothing
    expect(podj('record', '-f', 'empty.jsonl')).toMatchObject({ code: 2, stdout: '', stderr: 'error: empty.jsonl: no events in it\n' });
    expect(podj('verify').stdout).toBe(head);
  });
});

describe('import', () => {
  it('a pretty-printed PodList missing a comma is refused at the line and column of the fault, importing nothing', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const list = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] }, null, 2).replace('"v1",', '"v1"');
    writeFileSync(join(dir, 'pods.json'), list);
    // this said pods.json:1 and "at position 39": the document's first line and an offset into it
    expect(podj('import', 'pods.json')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "error: pods.json:4: invalid JSON: Expected ',' or '}' after property value (column 3)\n",
    });
    expect(podj('verify').stdout).toBe(head);
  });
});

describe('a refused command creates no journal', () => {
  it('a refused import or apply into a new folder leaves nothing there, nor the folders above it; record makes none', () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'bad.jsonl'), '{"kind":\n');
    // each of these left an empty journal behind (an import's bad line, apply's bad --at)
    expect(podj('import', 'bad.jsonl')).toMatchObject({ code: 2, stdout: '' });
    expect(podj('apply', '-f', manifest, '--at', '2026-02-30T00:00:00Z')).toMatchObject({ code: 2 });
    expect(podj('import', '--journal', 'a/b/journal', 'bad.jsonl')).toMatchObject({ code: 2 });
    expect(existsSync(journal)).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.jsonl']);
    // an empty folder made for the journal stays, empty; record needs a journal and does not make one
    mkdirSync(journal);
    expect(podj('import', 'bad.jsonl')).toMatchObject({ code: 2 });
    expect(podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False')).toMatchObject({ code: 2, stderr: `error: journal ${journal} does not exist\n` });
    expect(readdirSync(journal)).toEqual([]);
    // one that succeeds makes it, whole
    const made = podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    expect(made).toMatchObject({ code: 0, stdout: 'pod/liveness-exec created\n' });
    expect(podj('verify').code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['bad.jsonl', 'journal']);
  });
});

describe('a disk that fills', () => {
  /** `podj ARGS` with a file size limit of 20 KiB (`ulimit -f`, 512-byte blocks): a write past it fails with EFBIG, as on a full disk. */
  const limited = (cwd: string, journal: string, ...args: string[]): { code: number | null; stderr: string } => {
    const r = spawnSync('sh', ['-c', `ulimit -f 40 && exec "$0" "$@"`, process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PODJ_JOURNAL: journal } });
    return { code: r.status, stderr: r.stderr };
  };

  it('an import that cannot write: one line naming the journal; a new journal is not made, an existing one is as it was', () => {
    const { podj, dir, journal } = workspace();
    const source = workspace();
    source.podj('replay', sample('crashloop-memleak'));
    writeFileSync(join(dir, 'all.export'), source.podj('export').stdout);
    // this named the folder the new journal was being made in (.journal.podj-new-PID-…), removed since
    expect(limited(dir, journal, 'import', 'all.export')).toEqual({ code: 2, stderr: expect.stringMatching(new RegExp(`^error: IO error: ${journal}/\\d{6}\\.log: File too large\n$`)) });
    expect(readdirSync(dir)).toEqual(['all.export']);
    podj('apply', '-f', manifest, '--at', '2025-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    expect(limited(dir, journal, 'import', 'all.export')).toEqual({ code: 2, stderr: expect.stringMatching(new RegExp(`^error: IO error: ${journal}/\\d{6}\\.log: File too large\n$`)) });
    expect(podj('verify').stdout).toBe(head);
  });
});

describe('import refusals', () => {
  it('shows the first five problems and counts the rest, where every bad line of a file was a line of stderr', () => {
    const { podj, dir } = workspace();
    const [watchLine] = readFileSync(realFixture('rolling-update-pods.watch.jsonl'), 'utf8').split('\n');
    // a JSON line, then a pretty-printed document: JSON lines from then on, each later line a problem
    const list = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [{ metadata: { name: 'a', namespace: 'default' } }] }, null, 2);
    writeFileSync(join(dir, 'mixed.jsonl'), `${watchLine ?? ''}\n${list}\n`);
    const r = podj('import', 'mixed.jsonl');
    const lines = r.stderr.trimEnd().split('\n');
    expect(r.code).toBe(2);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('error: mixed.jsonl:2: invalid JSON: the line ends inside an object');
    expect(lines[5]).toMatch(/^error: \d+ more problems not shown \(podj import --skip-bad lists every bad line it leaves out\)$/);
  });
});

describe('a damaged store', () => {
  /** Flips a bit in the text of the last record of the journal's write-ahead log, where replay left every record. */
  const damageLog = (journal: string): Buffer => {
    const [log] = readdirSync(journal).filter((n) => n.endsWith('.log'));
    const file = join(journal, log ?? '');
    const bytes = readFileSync(file);
    const offset = bytes.lastIndexOf('"memleak-pod"') + 3;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    return bytes;
  };

  it('a changed byte in the write-ahead log: verify finds it (exit 1), reads and writes refuse it, and no byte changes', () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const damaged = damageLog(journal);
    // LevelDB would drop the record and every later one of the log, silently: verify answered "verified 93 records"
    const verify = podj('verify');
    expect(verify).toMatchObject({ code: 1, stdout: '' });
    expect(verify.stderr).toMatch(/^journal \S+ is damaged: LevelDB's write-ahead log \d+\.log: dropping \d+ bytes; Corruption: checksum mismatch; its files are left as they are\n$/);
    expect(podj('get', 'pods')).toMatchObject({ code: 2, stderr: `error: ${verify.stderr}` });
    // a write would have opened the store, dropped the records and deleted the log for good
    const write = podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False');
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(/^error: journal \S+ is damaged: LevelDB's write-ahead log \d+\.log: the record at byte \d+ fails its checksum; its files are left as they are\n$/);
    const [log] = readdirSync(journal).filter((n) => n.endsWith('.log'));
    expect(readFileSync(join(journal, log ?? '')).equals(damaged)).toBe(true);
  });

  it('a store that lost its CURRENT file is damaged, not "other files": verify finds it (exit 1), a write refuses it', () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    rmSync(join(journal, 'CURRENT'));
    const message = `journal ${journal} is damaged: LevelDB's CURRENT file is missing\n`;
    expect(podj('verify')).toMatchObject({ code: 1, stderr: message });
    expect(podj('apply', '-f', manifest)).toMatchObject({ code: 2, stderr: `error: ${message}` });
    expect(existsSync(join(journal, 'CURRENT'))).toBe(false);
  });

  it('a changed value in a table: a read that checks the record names the journal and the record', () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // the open writes the log into a table
    const [table] = readdirSync(journal).filter((n) => n.endsWith('.ldb'));
    const file = join(journal, table ?? '');
    const bytes = readFileSync(file);
    const offset = bytes.indexOf('"exitCode"') + 1; // a field name, as stored: the event no longer has one
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const info = podj('info');
    expect(info.code).toBe(2);
    expect(info.stderr).toMatch(new RegExp(`^error: journal ${journal}: record e!\\d{16}: its bytes do not match their CRC-32: changed since it was written \\(LevelDB table ${table ?? ''}\\)\n$`));
    expect(podj('verify')).toMatchObject({ code: 1, stderr: expect.stringMatching(new RegExp(`^journal ${journal}: record \\d+: event: ContainerExited: exitCode: is required\n$`)) });
  });

  /** Flips a digit of the first exit code stored in the journal's table (a record's). */
  const changeExitCode = (journal: string): Buffer => {
    const [table] = readdirSync(journal).filter((n) => n.endsWith('.ldb'));
    const file = join(journal, table ?? '');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"exitCode":13') + '"exitCode":1'.length;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01; // 137 → 127: the event still decodes
    writeFileSync(file, bytes);
    return bytes;
  };

  it('a changed value in a table that still decodes: reads that read it refuse it, naming the key and the table (exit 2); no byte changes', () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // the open writes the log into a table
    const damaged = changeExitCode(journal);
    const refusal = new RegExp(`^error: journal ${journal}: record e!\\d{16}: its bytes do not match their CRC-32: changed since it was written \\(LevelDB table \\d{6}\\.ldb\\)\n$`);
    // these answered with exit code 127 where the pod had 137, and verify alone saw it
    expect(podj('get', 'pods', '-A', '--at', '-1s')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(refusal) });
    expect(podj('events')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(refusal) });
    expect(podj('verify')).toMatchObject({ code: 1, stderr: expect.stringMatching(/: record \d+: hash does not match the record\n$/) });
    const [table] = readdirSync(journal).filter((n) => n.endsWith('.ldb'));
    expect(readFileSync(join(journal, table ?? '')).equals(damaged)).toBe(true);
  });

  it('a changed value in a table: export stops before its line (exit 2, naming the key and the table), and import refuses what it wrote', () => {
    const { podj, journal, dir } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // the open writes the log into a table
    const damaged = changeExitCode(journal);
    const exported = podj('export');
    // this exited 0 with every line, the changed one too, which import then refused as "hash does not match"
    expect(exported).toMatchObject({ code: 2, stderr: expect.stringMatching(new RegExp(`^error: journal ${journal}: record e!(\\d{16}): its bytes do not match their CRC-32: changed since it was written \\(LevelDB table \\d{6}\\.ldb\\)\n$`)) });
    const seq = Number(/record e!(\d{16})/.exec(exported.stderr)?.[1]);
    const lines = exported.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(seq); // the header and the records before the changed one
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ podjournal: { records: 94 } });
    writeFileSync(join(dir, 'partial.jsonl'), exported.stdout);
    expect(podj('import', 'partial.jsonl', '--journal', join(dir, 'copy'))).toMatchObject({
      code: 2,
      stderr: `error: partial.jsonl:${seq}: the export ends after record ${seq - 1}, but its header promises 94 records ending in ${(JSON.parse(lines[0] ?? '') as { podjournal: { headHash: string } }).podjournal.headHash.slice(0, 12)}…\n`,
    });
    expect(existsSync(join(dir, 'copy'))).toBe(false);
    const [table] = readdirSync(journal).filter((n) => n.endsWith('.ldb'));
    expect(readFileSync(join(journal, table ?? '')).equals(damaged)).toBe(true);
  });

  it("a damaged head table index is verify's finding (reads fold the events instead), as a damaged part was", () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // a write brings the head table up to date
    const rows = podj('get', 'pods', '-A').stdout;
    writeFileSync(join(journal, 'snapshots', 'head', 'index.json'), '{"format":');
    expect(podj('verify')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `journal ${journal}: head table: index.json is not JSON (reads ignore it; the next write rebuilds the snapshots)\n`,
    });
    expect(podj('get', 'pods', '-A')).toMatchObject({ code: 0, stdout: rows });
  });

  it("a table cut short is named in the journal, not in the reader's private copy", () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // the open writes the log into a table
    const [table] = readdirSync(journal).filter((n) => n.endsWith('.ldb'));
    truncateSync(join(journal, table ?? ''), 2000);
    const get = podj('get', 'pods');
    expect(get.code).toBe(2);
    expect(get.stderr).toBe(`error: journal ${journal} cannot be read: IO error: ${journal}/${table ?? ''}: Invalid argument\n`);
    expect(podj('verify')).toMatchObject({ code: 1, stderr: `journal ${journal} cannot be read: IO error: ${journal}/${table ?? ''}: Invalid argument\n` });
  });
});

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/index.js';
import { refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { packageVersion } from '../../src/cli/version.js';
import { addPodToSnapshot, snapshotEntries } from '../support/snapshot-tampering.js';
import { realFixture, REPO, sample, workspace } from './podj.js';
import { start } from './spawn.js';

const manifest = (name: string) => join(REPO, 'test/fixtures/manifests', `${name}.yaml`);

/** The journal's event count and head hash, through the CLI itself. */
const headOf = (podj: ReturnType<typeof workspace>['podj']): string => podj('verify').stdout.split('\n')[0] ?? '';

describe('podj apply', () => {
  it('answers like kubectl: created, unchanged, configured', () => {
    const { podj, dir } = workspace();
    expect(podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z')).toMatchObject({
      code: 0,
      stdout: 'pod/liveness-exec created\n',
    });
    expect(podj('apply', '-f', manifest('liveness-exec')).stdout).toBe('pod/liveness-exec unchanged\n');
    const relabelled = readFileSync(manifest('liveness-exec'), 'utf8').replace('test: liveness', 'test: liveness\n    tier: web');
    writeFileSync(join(dir, 'relabelled.yaml'), relabelled);
    expect(podj('apply', '-f', 'relabelled.yaml').stdout).toBe('pod/liveness-exec configured\n');
    expect(podj('get', 'pods', '--show-labels').stdout).toMatch(/liveness-exec .*test=liveness,tier=web/);
  });

  it('refuses a bad manifest with one line naming file, line and field, and leaves the journal as it was', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', manifest('two-containers'));
    const before = headOf(podj);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: busybox\n    resources:\n      limits:\n        memory: 12Q\n',
    );
    const r = podj('apply', '-f', 'bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: bad.yaml:11: spec.containers[0].resources.limits.memory: "12Q" is not a quantity\n');
    expect(headOf(podj)).toBe(before);
  });
});

describe('podj record', () => {
  it('refuses an unknown event type and a bad field, leaving the journal unchanged', () => {
    const { podj } = workspace();
    podj('apply', '-f', manifest('liveness-exec'));
    const before = headOf(podj);
    expect(podj('record', 'PodExploded', '--pod', 'liveness-exec')).toMatchObject({ code: 2, stderr: 'error: unknown event type "PodExploded"\n' });
    const bad = podj('record', 'ContainerExited', '--pod', 'liveness-exec', '--container', 'liveness', 'containerID=c1', 'exitCode=one', 'reason=Error');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: ContainerExited: exitCode: "one" is not an integer\n');
    expect(headOf(podj)).toBe(before);
  });

  it('appends an observation the reducers fold', () => {
    const { podj } = workspace();
    podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z');
    expect(podj('record', 'PodBound', '--pod', 'liveness-exec', 'node=node-1', '--at', '+2s').code).toBe(0);
    expect(podj('get', 'pods', '-o', 'wide').stdout).toMatch(/liveness-exec .* node-1 /);
  });
});

describe('podj verify', () => {
  it('exits 0 on a good journal and 1 naming the first bad sequence number after a stored value is altered', async () => {
    const { podj, journal } = workspace();
    expect(podj('replay', sample('crashloop-memleak')).code).toBe(0);
    expect(podj('verify')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^verified \d+ records?, head [0-9a-f]{64}\nverified \d+ snapshots? against the events\n$/) });
    const db = new ClassicLevel<string, string>(journal);
    const key = 'e!0000000000000007';
    const value = await db.get(key);
    await db.put(key, (value ?? '').replace('"runtime"', '"kubelet"'));
    await db.close();
    const r = podj('verify');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/record 7: /);
  });

  it('checks every snapshot: a tampered one changes no answer, and verify names it (exit 1)', async () => {
    const { podj, journal } = workspace();
    expect(podj('replay', sample('crashloop-memleak')).code).toBe(0);
    const rows = podj('get', 'pods', '-A').stdout;
    // Snapshots every 5 events, as this podj writes them (the CLI's own interval is 10,000).
    const opened = await openJournal(journal);
    await refreshSnapshots(timeTravel(opened, packageVersion(), 5));
    await opened.close();
    expect(podj('verify').stdout).toMatch(/\nverified [1-9]\d* snapshots against the events\n$/);
    const entries = await snapshotEntries(journal);
    const [key, name] = entries[entries.length - 1] ?? ['', ''];
    const part = await addPodToSnapshot(journal, name, false);
    expect(part).toBeDefined();
    expect(podj('get', 'pods', '-A').stdout).toBe(rows);
    const r = podj('verify');
    expect(r.code).toBe(1);
    const at = key.slice(2, 26);
    expect(r.stderr).toContain(`snapshot at ${at} #${Number(key.slice(-16))}: part ${part}: its content does not match its SHA-256`);
    // A forger who recomputes the SHA-256 is caught by verify's re-fold of the events.
    await addPodToSnapshot(journal, name, true);
    expect(podj('verify').stderr).toContain('it differs from the fold of the events at its position');
  });
});

describe('the head anchor', () => {
  const HEAD_LINE = /^head (\d+) sha256:([0-9a-f]{64})\n$/;

  it('every write prints its head line on stderr; verify --expect-head holds it, with SEQ also after later appends', () => {
    const { podj } = workspace();
    const applied = podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z');
    expect(applied.stderr).toMatch(HEAD_LINE);
    const [, seq = '', hash = ''] = HEAD_LINE.exec(applied.stderr) ?? [];
    expect(podj('verify', '--expect-head', `${seq}:${hash}`).code).toBe(0);
    expect(podj('verify', '--expect-head', applied.stderr).code).toBe(0); // the line itself, as kept
    const recorded = podj('record', 'PodBound', '--pod', 'liveness-exec', 'node=n1', '--at', '2026-01-01T00:00:05Z');
    expect(recorded.stderr).toMatch(HEAD_LINE);
    expect(recorded.stderr).not.toBe(applied.stderr);
    // The older anchor still holds as a prefix; without SEQ it names the head, which has moved.
    expect(podj('verify', '--expect-head', `${seq}:sha256:${hash}`).code).toBe(0);
    const moved = podj('verify', '--expect-head', hash);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/the head is \d+ sha256:[0-9a-f]{64}, not the expected sha256:/);
    expect(podj('verify', '--expect-head', 'abc')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: --expect-head: "abc" is not \[SEQ:\]HASH/) });
  });

  it('a journal rewritten from scratch passes the chain check but not the anchor', () => {
    const { podj, journal } = workspace();
    const kept = podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z').stderr;
    rmSync(journal, { recursive: true, force: true });
    podj('apply', '-f', manifest('two-containers'), '--at', '2026-01-01T00:00:00Z');
    expect(podj('verify').code).toBe(0);
    const r = podj('verify', '--expect-head', kept);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/record 1 hashes to sha256:[0-9a-f]{64}, not the anchored sha256:[0-9a-f]{64}: the journal was rewritten/);
  });

  it('a deleted m!head is a finding (exit 1), not bad input', async () => {
    const { podj, journal } = workspace();
    podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z');
    const db = new ClassicLevel<string, string>(journal);
    await db.del('m!head');
    await db.close();
    const r = podj('verify');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/record 1: head is missing|head is missing/);
  });
});

describe('export and import', () => {
  it('export → import → export is byte-identical', () => {
    const a = workspace();
    a.podj('replay', sample('init-containers'));
    const exported = a.podj('export').stdout;
    writeFileSync(join(a.dir, 'out.jsonl'), exported);
    const b = workspace();
    expect(b.podj('import', join(a.dir, 'out.jsonl')).code).toBe(0);
    expect(b.podj('export').stdout).toBe(exported);
  });

  it('refuses a malformed export line naming file and line, importing nothing', () => {
    const a = workspace();
    a.podj('replay', sample('two-containers'));
    const lines = a.podj('export').stdout.split('\n');
    lines[3] = lines[3]?.replace('"seq":3', '"seq":"three"') ?? '';
    writeFileSync(join(a.dir, 'broken.jsonl'), lines.join('\n'));
    const b = workspace();
    const r = b.podj('import', join(a.dir, 'broken.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.jsonl:4: /);
    expect(existsSync(b.journal)).toBe(false);
  });

  it('a rejected multi-file import changes nothing: good files before the bad one are not imported either', () => {
    const a = workspace();
    a.podj('replay', sample('two-containers'));
    const good = a.podj('export').stdout;
    writeFileSync(join(a.dir, 'good.jsonl'), good);
    const lines = good.split('\n');
    lines[3] = lines[3]?.replace('"seq":3', '"seq":"three"') ?? '';
    writeFileSync(join(a.dir, 'bad.jsonl'), lines.join('\n'));
    const audit = realFixture('audit-pod-create.falco.jsonl');
    const b = workspace();
    b.podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z');
    const before = headOf(b.podj);
    const r = b.podj('import', audit, join(a.dir, 'good.jsonl'), join(a.dir, 'bad.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*bad\.jsonl:4: /);
    expect(headOf(b.podj)).toBe(before);
    expect(b.podj('verify').code).toBe(0);
    // The same import without the bad file goes in whole.
    expect(b.podj('import', audit, join(a.dir, 'good.jsonl')).code).toBe(0);
    expect(headOf(b.podj)).not.toBe(before);
  });
});

describe('read verbs at an instant', () => {
  it('answers --at before the first event with no pods, and refuses an unparsable instant', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const early = podj('get', 'pods', '--at', '2020-01-01T00:00:00Z');
    expect(early).toMatchObject({ code: 0, stdout: '' });
    // The answer says when the journal starts (issue 15): a warning, then kubectl's line.
    expect(early.stderr).toMatch(/^warning: --at 2020-01-01T00:00:00\.000Z is before the journal's first event \(2026-\S+\): nothing existed yet\nNo resources found in default namespace\.\n$/);
    expect(podj('get', 'pods', '--at', 'yesterday')).toMatchObject({
      code: 2,
      stderr: 'error: --at: "yesterday" is not an RFC 3339 time or +DURATION\n',
    });
  });

  it('shows the crash loop at +5m40s in get, describe and timeline', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    // the OOM at +268s shows OOMKilled; the jittered resync at +336s shows the back-off it cached
    expect(podj('get', 'pods', '--at', '+5m').stdout).toMatch(/memleak-pod\s+0\/1\s+OOMKilled\s+5 \(/);
    expect(podj('get', 'pods', '--at', '+5m40s').stdout).toMatch(/memleak-pod\s+0\/1\s+CrashLoopBackOff\s+5 \(/);
    const described = podj('describe', 'pod', 'memleak-pod', '--at', '+5m40s').stdout;
    expect(described).toMatch(/State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff/);
    expect(described).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
    expect(described).toMatch(/QoS Class:\s+Guaranteed/);
    const timeline = podj('timeline', 'pod', 'memleak-pod').stdout;
    expect(timeline.match(/STATUS: \S+ → CrashLoopBackOff/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('diffs a pod between two instants', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const r = podj('diff', 'pod', 'memleak-pod', '--from', '+10s', '--to', '+40s');
    // kubectl diff exits 1 when there are differences (kubectl/pkg/cmd/diff/diff.go :: RunDiff)
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/~ status\.containerStatuses\[simmemleak\]\.restartCount: 0 → 1/);
  });
});

describe('real cluster data', () => {
  it('imports the crash-loop PodList and Events, and a second import adds nothing', () => {
    const { podj } = workspace();
    const files = [realFixture('crash-loop-pods.json'), realFixture('crash-loop-events.json')];
    const first = podj('import', ...files);
    expect(first.code).toBe(0);
    expect(podj('get', 'pods', '-A').stdout).toMatch(/flaky-worker-\S+\s+0\/1\s+CrashLoopBackOff\s+6 \(/);
    const head = headOf(podj);
    expect(podj('import', ...files).stdout).toMatch(/imported 0 new events/);
    expect(podj('import', files[0] ?? '').stdout).toMatch(/imported 0 new events/);
    expect(headOf(podj)).toBe(head);
  });

  it('the import tally counts each document once: a bad line kept out is skipped, an export restored line by line is imported', () => {
    const { podj, dir } = workspace();
    const watch = readFileSync(realFixture('rolling-update-pods.watch.jsonl'), 'utf8').split('\n').slice(0, 3);
    writeFileSync(join(dir, 'part.jsonl'), [...watch, '{"type": "MODIFIED", "object": {"kind": "Pod"}}', ''].join('\n'));
    const first = podj('import', '--skip-bad', 'part.jsonl');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^in all: read 4 documents: 3 imported, 0 already present, 1 skipped$/m);
    const exported = podj('export').stdout;
    writeFileSync(join(dir, 'copy.jsonl'), exported);
    const records = exported.split('\n').filter((l) => l !== '').length - 1; // after the head line
    const other = workspace();
    writeFileSync(join(other.dir, 'copy.jsonl'), exported);
    expect(other.podj('import', 'copy.jsonl').stdout).toMatch(new RegExp(`^in all: read ${records} documents: ${records} imported, 0 already present, 0 skipped$`, 'm'));
    expect(other.podj('import', 'copy.jsonl').stdout).toMatch(new RegExp(`^in all: read ${records} documents: 0 imported, ${records} already present, 0 skipped$`, 'm'));
  });

  it('crash-loop import: check passes, get/describe/timeline agree with the PodList, inferred times are marked', () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('crash-loop-pods.json'), realFixture('crash-loop-events.json')).code).toBe(0);
    // kuberuntime_manager.go :: doBackOff: the runs the restart count implies sit on the back-off curve.
    const check = podj('check');
    expect(check.stdout).toMatch(/^no violations of \d+ invariants in \d+ records about 1 pod/);
    expect(check.code).toBe(0);
    const row = podj('get', 'pods', '-A', '-o', 'wide').stdout;
    expect(row).toMatch(/flaky-worker-897c5486c-lfk2f\s+0\/1\s+CrashLoopBackOff\s+6 \(\S+ ago\)\s+\S+\s+10\.244\.0\.23\s+k8shark-dev-control-plane/);
    const describe = podj('describe', 'pod', 'flaky-worker-897c5486c-lfk2f', '-n', 'crash-demo').stdout;
    expect(describe).toMatch(/Status:\s+Running/);
    expect(describe).toMatch(/IP:\s+10\.244\.0\.23/);
    expect(describe).toMatch(/Reason:\s+CrashLoopBackOff/);
    expect(describe).toMatch(/Restart Count:\s+6/);
    expect(describe).toMatch(/Warning\s+BackOff\s+\S+ \(x\d+ over \S+\)( \(inferred\))?\s+kubelet/);
    const timeline = podj('timeline', 'pod', 'flaky-worker-897c5486c-lfk2f', '-n', 'crash-demo').stdout;
    expect(timeline).toMatch(/ContainerExited \(runtime\): worker: exited 1 \(Error\) \(inferred\)/);
    expect(timeline).toMatch(/restartCount: 5 → 6\s+#\d+ ContainerCreated \(runtime\): worker: created\n/);
    // The IP is there from the first start on: the sandbox comes before any container.
    expect(podj('get', 'pods', '-A', '-o', 'wide', '--at', '2026-07-22T21:05:23Z').stdout).toMatch(/10\.244\.0\.23/);
  });

  it('refuses a file of unknown format, naming it', () => {
    const { podj, dir } = workspace();
    writeFileSync(join(dir, 'notes.json'), '{"hello": "world"}\n');
    const r = podj('import', 'notes.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: notes\.json: unknown format/);
  });
});

describe('the sample incidents', () => {
  const samples = readdirSync(join(REPO, 'journal')).filter((f) => f.endsWith('.yaml'));

  it.each(samples)('%s replays and verifies', (file) => {
    const { podj } = workspace();
    const r = podj('replay', join(REPO, 'journal', file));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^OFFSET\s+POD\s+CHANGE\s+CAUSE\n/);
    expect(podj('verify').code).toBe(0);
  });

  it('watches the crash loop unfold, one row per watch event', async () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const watch = start(['get', 'pods', '-w', '--journal', journal]);
    await watch.waitFor(/CrashLoopBackOff\s+6 .*\n$/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    const lines = watch.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^memleak-pod\s+0\/1\s+Pending\s+0\s+0s$/);
    expect(lines.filter((l) => /CrashLoopBackOff/.test(l)).length).toBeGreaterThanOrEqual(5);
    expect(lines.at(-1)).toMatch(/CrashLoopBackOff\s+6 /);
  });

  it('ends with 1 when interrupted while the history still plays (Ctrl-C: kubectl get -w exits 1, util/interrupt/interrupt.go :: Handler.Signal)', async () => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    // Paced at 10x, the ten minutes of history take a minute: the interrupt lands in the middle of them.
    const watch = start(['get', 'pods', '-w', '--speed', '10', '--journal', journal]);
    await watch.waitFor(/ContainerCreating/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    expect(watch.stdout()).not.toMatch(/CrashLoopBackOff/);
  });
});

describe('scenario errors', () => {
  const head = 'start: 2026-01-18T08:00:00Z\nnodes:\n  - name: n1\n    capacity: { cpu: "4", memory: 8Gi, pods: "110" }\n';
  it.each([
    ['a bad duration', `${head}until: 5 minutes\ntimeline: []\n`, 'error: bad.yaml:5: until: "5 minutes" is not a duration\n'],
    [
      'a manifest outside the folder',
      `${head}until: 5m\ntimeline:\n  - at: 0s\n    apply: ../outside.yaml\n`,
      'error: bad.yaml:8: timeline[0].apply: "../outside.yaml" is outside the scenario\'s folder\n',
    ],
    [
      'an unknown pod',
      `${head}until: 5m\ntimeline: []\nbehavior:\n  ghost:\n    app:\n      exit: { after: 1s, code: 1 }\n`,
      /^error: bad\.yaml:8: behavior\.ghost: no pod "default\/ghost" in the timeline\n$/,
    ],
  ])('%s exits 2 naming the line, and writes nothing', (_, text, message) => {
    const { podj, dir } = workspace();
    writeFileSync(join(dir, 'bad.yaml'), text);
    const r = podj('simulate', 'bad.yaml');
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(podj('events').code).toBe(2); // no journal was created
  });
});

describe('usage errors', () => {
  it('exits 2 for an unknown verb, an unknown resource and a missing journal', () => {
    const { podj } = workspace();
    expect(podj('explode').code).toBe(2);
    expect(podj('get', 'deployments')).toMatchObject({ code: 2 });
    expect(podj('get', 'pods').stderr).toMatch(/^error: no journal at .*journal/);
  });
});

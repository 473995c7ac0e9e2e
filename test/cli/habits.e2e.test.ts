/**
 * Small kubectl habits through the built binary: help with no arguments, `version`, `logs`, shell completion,
 * `diff` exit codes, `--at` outside the journal, `--at -DURATION`, `--at HH:MM`, `--as-of +DURATION`, `info`, `1 document`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixture, REPO, sample, workspace } from './podj.js';


describe('the program', () => {
  it('podj with no arguments prints the help and exits 0', () => {
    const r = workspace().podj();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: podj \[options\] \[command\]/);
    expect(r.stdout).toMatch(/\n {2}get /);
  });

  it('podj version and podj --version name the version and the Kubernetes release followed', () => {
    const { podj } = workspace();
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(podj('version').stdout).toBe(`podj version ${version} (Kubernetes v1.36 semantics)\n`);
    expect(podj('--version').stdout).toBe(podj('version').stdout);
  });

  it('podj logs says plainly that a journal holds no logs, exit 1 as kubectl when it cannot show logs', () => {
    const r = workspace().podj('logs', 'web');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: a podjournal journal holds no container logs, only lifecycle events; try: podj describe pod web/);
  });

  it('podj completion bash is generated from the verbs and their options', () => {
    const r = workspace().podj('completion', 'bash');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/complete -o default -F _podj podj\n$/);
    expect(r.stdout).toMatch(/compgen -W "apply delete get .*completion --journal/);
    expect(r.stdout).toMatch(/ get\) words="pods nodes events -o --output .*--field-selector/);
  });
});

describe('time and diffs', () => {
  it('diff exits 1 when something changed, 0 when nothing did; --from after --to is bad input', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    expect(podj('diff', 'pod', 'memleak-pod', '--from', '+10s', '--to', '+40s').code).toBe(1);
    const same = podj('diff', 'pod', 'memleak-pod', '--from', '+1s', '--to', '+1s');
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/\(no changes\)/);
    const reversed = podj('diff', 'pod', 'memleak-pod', '--from', '+40s', '--to', '+10s');
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/^error: --from \S+ is after --to \S+\n$/);
  });

  it('events --since after --until (or --at) is bad input, as diff --from after --to is, not "No events found."', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const reversed = podj('events', '--since', '+40s', '--until', '+10s');
    expect(reversed).toMatchObject({ code: 2, stdout: '' });
    expect(reversed.stderr).toMatch(/^error: --since \S+ is after --until \S+\n$/);
    expect(podj('events', '--for', 'pod/memleak-pod', '--since', '+40s', '--at', '+10s').stderr).toMatch(/^error: --since \S+ is after --at \S+\n$/);
    const oneInstant = podj('events', '--since', '+10s', '--until', '+10s');
    expect(oneInstant.code).toBe(0);
  });

  it('--at past the end warns on stderr; before the first event says when the journal starts; -10s counts back from the end', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const late = podj('get', 'pods', '--at', '2099-01-01T00:00:00Z');
    expect(late.code).toBe(0);
    expect(late.stderr).toMatch(/^warning: --at 2099-01-01T00:00:00\.000Z is after the journal's last event \(2026-/);
    const early = podj('get', 'pods', '--at', '2000-01-01T00:00:00Z');
    expect(early.stderr).toMatch(/^warning: --at 2000-01-01T00:00:00\.000Z is before the journal's first event \(2026-\S+\): nothing existed yet\n/);
    const end = podj('get', 'pods', '-o', 'jsonpath={.items[0].status.containerStatuses[0].restartCount}').stdout;
    const back = podj('get', 'pods', '--at', '-3m', '-o', 'jsonpath={.items[0].status.containerStatuses[0].restartCount}');
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toBe('');
    expect(back.stdout).toMatch(/^\d+$/);
    expect(Number(back.stdout)).toBeLessThan(Number(end));
    expect(podj('get', 'pods', '--at', '-5 minutes').code).toBe(2);
  });

  it('--at HH:MM is that UTC time on the journal\'s day; out of range, or on several of its days, is bad input naming the choices', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak')); // starts 2026-01-18T08:00:00Z
    const atTime = podj('get', 'pods', '--at', '08:05');
    expect(atTime.code, atTime.stderr).toBe(0);
    expect(atTime.stdout).toBe(podj('get', 'pods', '--at', '+5m').stdout);
    expect(podj('get', 'pods', '--at', '8:00:18.5').stdout).toBe(podj('get', 'pods', '--at', '+18.5s').stdout);
    expect(podj('describe', 'pod', 'memleak-pod', '--at', '08:05:00').stdout).toBe(podj('describe', 'pod', 'memleak-pod', '--at', '+5m').stdout);
    const wrong = podj('get', 'pods', '--at', '25:00');
    expect([wrong.code, wrong.stderr]).toEqual([2, 'error: --at: "25:00" is not a time of day (HH:MM or HH:MM:SS, UTC)\n']);
  });

  it('--at HH:MM on a journal over two UTC days: the occurrence inside its span, else the choices', () => {
    const { podj } = workspace();
    expect(podj('apply', '-f', join(REPO, 'journal/manifests/pod-demo.yaml'), '--at', '2026-01-18T23:00:00Z').code).toBe(0);
    expect(podj('apply', '-f', join(REPO, 'journal/manifests/memleak-pod.yaml'), '--at', '2026-01-19T02:00:00Z').code).toBe(0);
    expect(podj('get', 'pods', '-A', '--at', '01:00', '-o', 'name').stdout).toBe('pod/pod-demo\n');
    expect(podj('get', 'pods', '-A', '--at', '23:30', '-o', 'name').stdout).toBe('pod/pod-demo\n');
    const ambiguous = podj('get', 'pods', '-A', '--at', '12:00');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      'error: --at: "12:00" falls on more than one of the journal\'s days (2026-01-18T12:00:00.000Z, 2026-01-19T12:00:00.000Z): give the date, e.g. 2026-01-18T12:00:00.000Z\n',
    );
  });

  it('--as-of +DURATION counts from the first record time', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    // Everything was recorded within the replay's first seconds: +1h from the first record time sees it all.
    expect(podj('get', 'pods', '--as-of', '+1h').stdout).toBe(podj('get', 'pods').stdout);
    expect(podj('get', 'pods', '--as-of', '-1h').stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('info and import wording', () => {
  it('podj info tells the spans, namespaces, pods, nodes, events, size and format', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const r = podj('info');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Journal: +\S+journal\n/);
    expect(r.stdout).toMatch(/\nFormat: +podjournal 10 \(LevelDB\)\n/);
    expect(r.stdout).toMatch(/\nEvents: +\d+\n/);
    expect(r.stdout).toMatch(/\nValid time: +2026-\S+ → 2026-\S+ \(\d+m\d*s?\)\n/);
    expect(r.stdout).toMatch(/\nNamespaces: +default\n/);
    expect(r.stdout).toMatch(/\nPods: +1 at the end\n/);
    expect(r.stdout).toMatch(/\nNodes: +1\n/);
    expect(r.stdout).toMatch(/\nSize on disk: +[\d.]+ KiB\n/);
  });

  it('an import of one document says "1 document"', () => {
    const { podj } = workspace();
    const r = podj('import', realFixture('crash-loop-events.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: core-events, read 1 document: 1 imported, 0 already present, 0 skipped; \d+ events/);
  });
});

describe('describe', () => {
  it('describe pods describes every pod; describe pod PREFIX those whose name starts so (kubectl describe.go :: DescribeMatchingResources)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const all = podj('describe', 'pods');
    expect(all.code, all.stderr).toBe(0);
    const described = (out: string): string[] => [...out.matchAll(/^Name: +(\S+)$/gm)].map((m) => m[1] ?? '');
    expect(described(all.stdout)).toEqual(['qos-demo', 'qos-demo-2', 'qos-demo-3']);
    expect(described(podj('describe', 'pod', 'qos-demo-').stdout)).toEqual(['qos-demo-2', 'qos-demo-3']);
    expect(described(podj('describe', 'pod', 'qos-demo').stdout)).toEqual(['qos-demo']);
    expect(podj('describe', 'pod', 'nothing-like-it').code).not.toBe(0);
  });
});

describe('timeline -o compact', () => {
  it('fits 120 columns: OFFSET CHANGE CAUSE, the cause by its event type', () => {
    const { podj } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const r = podj('timeline', 'pod', 'memleak-pod', '-o', 'compact');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^OFFSET\s+CHANGE\s+CAUSE$/);
    expect(lines.length).toBeGreaterThan(10);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(120);
    // a sync's changes name what it published (kubelet.go :: SyncPod writes the status the runtime showed)
    expect(r.stdout).toMatch(/#\d+ ContainerExited \(sync\)/);
    expect(r.stdout).toMatch(/#\d+ PodCreated/);
  });
});

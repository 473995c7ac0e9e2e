/**
 * kubectl's `get` as a kubectl user types it, through the built binary on a real journal: `--sort-by` as
 * kubectl v1.36 orders (`kubectl/pkg/cmd/get/sorter.go`: quantities by value, other strings byte by byte, an
 * absent path refused), and `get events` / `get nodes` honouring names, `-l`, `--field-selector` and
 * `--sort-by` (each used to be ignored, answering a question the user did not ask); `get pods -w` printing each
 * change in the format asked for (`get.go :: watch`), `--output-watch-events`, `--watch-only`, kubectl's flag
 * checks (`get.go :: Validate`), and Ctrl-C ending the watch with kubectl's exit 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';
import { start } from './spawn.js';

const pod = (name: string, memory: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests:\n        memory: ${memory}\n`;

/** A journal of three pods whose names and memory requests natural order and byte order sort differently. */
const threePods = (): ReturnType<typeof workspace> => {
  const ws = workspace();
  const file = join(ws.dir, 'pods.yaml');
  writeFileSync(file, [pod('web-2', '1Gi'), pod('web-10', '64Mi'), pod('web-1', '128Mi')].join('---\n'));
  const r = ws.podj('apply', '-f', file, '--at', '2026-01-18T08:00:00Z');
  expect(r.code, r.stderr).toBe(0);
  return ws;
};

describe('get pods --sort-by (kubectl/pkg/cmd/get/sorter.go at kubectl v0.36.3)', () => {
  it('orders names byte by byte, as kubectl has since v1.31 (web-10 before web-2)', () => {
    const { podj } = threePods();
    const r = podj('get', 'pods', '--sort-by=.metadata.name', '-o', 'name');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('pod/web-1\npod/web-10\npod/web-2\n');
  });

  it('orders quantities by value (64Mi, 128Mi, 1Gi), and reads [] as every element', () => {
    const { podj } = threePods();
    const r = podj('get', 'pods', '--sort-by', '{.spec.containers[].resources.requests.memory}', '--no-headers', '-o', 'custom-columns=NAME:.metadata.name');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('web-10\nweb-1\nweb-2\n');
  });

  it('refuses a path no pod has, in kubectl\'s words', () => {
    const { podj } = threePods();
    const r = podj('get', 'pods', '--sort-by=.status.nothing');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'error: couldn\'t find any field with path "{.status.nothing}" in the list of objects\n']);
  });
});

describe('get events selects and orders as the API server and kubectl do', () => {
  it('--field-selector over the Event fields (registry/core/event/strategy.go :: ToSelectableFields)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const r = podj('get', 'events', '--field-selector', 'involvedObject.name=qos-demo-3,type=Warning', '--no-headers');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\S+\s+Warning\s+Evicted\s+pod\/qos-demo-3\s+The node was low on resource: memory/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(podj('get', 'events', '--field-selector', 'reason=Pulled', '-o', 'jsonpath={.items[*].reason}').stdout).toMatch(/^Pulled( Pulled)*$/);
    const bad = podj('get', 'events', '-l', 'a=b', '--field-selector', 'status.phase=Running');
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "a=b", field selector "status.phase=Running": field label not supported: status.phase\n',
    ]);
  });

  it('--sort-by=.lastTimestamp and .metadata.creationTimestamp (the first occurrence) order by time', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    for (const path of ['.lastTimestamp', '.metadata.creationTimestamp']) {
      const r = podj('get', 'events', '--sort-by', path, '-o', `jsonpath={range .items[*]}{${path}}{"\\n"}{end}`);
      expect(r.code, r.stderr).toBe(0);
      const stamps = r.stdout.trimEnd().split('\n');
      expect(stamps.length).toBeGreaterThan(10);
      expect(stamps.every((s) => /^2026-\S+Z$/.test(s))).toBe(true);
      expect([...stamps].sort()).toEqual(stamps);
    }
    // The API lists by name (the qos-demo pod's Events, seen 2m30s ago, last); sorted, the newest come last.
    const lastSeen = (...flags: string[]): string => podj('get', 'events', '--no-headers', ...flags).stdout.trimEnd().split('\n').at(-1)?.split(/\s+/)[0] ?? '';
    expect(lastSeen()).not.toBe('0s');
    expect(lastSeen('--sort-by=.lastTimestamp')).toBe('0s');
  });

  it('an event by name; a name it does not have is NotFound (exit 1); an empty namespace says "No resources found"', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const first = podj('get', 'events', '-o', 'name').stdout.split('\n')[0] ?? '';
    const one = podj('get', first, '-o', 'jsonpath={.metadata.name}');
    expect([one.code, one.stdout]).toEqual([0, first.replace('event/', '')]);
    const missing = podj('get', 'events', 'nope');
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'Error from server (NotFound): events "nope" not found\n']);
    expect(podj('get', 'events', '-n', 'elsewhere').stderr).toBe('No resources found in elsewhere namespace.\n');
  });

  it('nodes -w is refused, not ignored (events -w: watch-events.e2e)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('get', 'nodes', '-w')).toMatchObject({ code: 2, stderr: 'error: -w: podj watches pods and events only; nodes answer at one instant (--at T)\n' });
  });

  it('-L and --show-labels add label columns to nodes and events as to any table (cli-runtime tableprinter.go :: decorateTable)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('get', 'nodes', '--show-labels', '-L', 'kubernetes.io/hostname,absent').stdout).toBe(
      [
        'NAME     STATUS   ROLES    AGE     VERSION   HOSTNAME   ABSENT   LABELS',
        'node01   Ready    <none>   2m30s             node01              kubernetes.io/hostname=node01,kubernetes.io/os=linux',
        '',
      ].join('\n'),
    );
    expect(podj('get', 'nodes', '--show-labels', '-o', 'wide').stdout.split('\n')[0]).toMatch(/\sCONTAINER-RUNTIME\s+LABELS$/);
    // a recorder's Event has no labels
    const events = podj('get', 'events', '-L', 'app', '--show-labels').stdout.split('\n');
    expect(events[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\s+APP\s+LABELS$/);
    expect(events[1]).toMatch(/\S\s+<none>$/);
    expect(podj('get', 'nodes', '--show-labels', '-o', 'json')).toMatchObject({ code: 2, stderr: 'error: --show-labels option cannot be used with json printer\n' });
  });
});

describe('get nodes selects as the API server does', () => {
  it('by name, node/NAME, -l and --field-selector (registry/core/node/strategy.go :: NodeToSelectableFields)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('get', 'nodes', 'node01', '-o', 'name').stdout).toBe('node/node01\n');
    expect(podj('get', 'node/node01', '-o', 'name').stdout).toBe('node/node01\n');
    const missing = podj('get', 'nodes', 'node01', 'node02', '-o', 'name');
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, 'node/node01\n', 'Error from server (NotFound): nodes "node02" not found\n']);
    expect(podj('get', 'nodes', '-l', 'pool=gpu')).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found\n' });
    expect(podj('get', 'nodes', '--field-selector', 'metadata.name!=node01').stderr).toBe('No resources found\n');
    expect(podj('get', 'nodes', '--field-selector', 'spec.unschedulable=false', '-o', 'name').stdout).toBe('node/node01\n');
  });
});

describe('get pods -w prints each change as kubectl\'s watch does (kubectl/pkg/cmd/get/get.go :: watch)', () => {
  /** The watch's stdout once it shows `until`, and its exit code after Ctrl-C. */
  const watched = async (journal: string, until: RegExp, ...flags: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> => {
    const watch = start(['get', 'pods', ...(flags.includes('--watch-only') ? [] : ['-w']), ...flags, '--journal', journal]);
    await watch.waitFor(until);
    watch.proc.kill('SIGINT');
    return { code: await watch.exit, stdout: watch.stdout(), stderr: watch.stderr() };
  };
  const crashLoop = (): string => {
    const { podj, journal } = workspace();
    expect(podj('replay', sample('crashloop-memleak')).code).toBe(0);
    return journal;
  };

  it('-o name: pod/NAME per change, not the table; Ctrl-C exits 1 (util/interrupt/interrupt.go :: Handler.Signal)', async () => {
    const r = await watched(crashLoop(), /(pod\/memleak-pod\n){6}/, '-o', 'name');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^(pod\/memleak-pod\n)+$/);
  });

  it('-o json: each changed Pod, bare (the stream kubectl get -w -o json writes, which podj import reads)', async () => {
    const r = await watched(crashLoop(), /"reason": "CrashLoopBackOff"/, '-o', 'json');
    const objects = r.stdout.split(/\n(?=\{)/).map((text) => JSON.parse(text) as { kind: string; type?: string; metadata: { name: string } });
    expect(objects.length).toBeGreaterThan(3);
    expect(objects.every((o) => o.kind === 'Pod' && o.type === undefined && o.metadata.name === 'memleak-pod')).toBe(true);
  });

  it('-o yaml: documents separated by ---; -o jsonpath: the template per Pod', async () => {
    const journal = crashLoop();
    const yaml = await watched(journal, /reason: CrashLoopBackOff/, '-o', 'yaml');
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(yaml.stdout.split('\n---\n').every((doc) => doc.startsWith('apiVersion: v1\nkind: Pod\n'))).toBe(true);
    const path = await watched(journal, /Running\n/, '-o', 'jsonpath={.metadata.name} {.status.phase}{"\\n"}');
    expect(path.stdout).toMatch(/^memleak-pod Pending\n(memleak-pod (Pending|Running)\n)*memleak-pod Running\n/);
  });

  it('--output-watch-events: an EVENT column in the table, {"type", "object"} in json; refused without a watch', async () => {
    const journal = crashLoop();
    const table = await watched(journal, /MODIFIED .*Running/, '--output-watch-events');
    expect(table.stdout).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nADDED\s+memleak-pod\s+0\/1\s+Pending\s/);
    // cli-runtime's JSONPrinter writes a watch event with json.Marshal: one line each, the object's keys sorted
    const json = await watched(journal, /"type":"MODIFIED"/, '-o', 'json', '--output-watch-events');
    expect(json.stdout).toMatch(/^\{"type":"ADDED","object":\{"apiVersion":"v1","kind":"Pod","metadata":\{"creationTimestamp":"[^"]+","generation":1,"labels":/);
    expect(json.stdout.split('\n').slice(0, -1).every((line) => /^\{"type":"(ADDED|MODIFIED|DELETED)","object":\{.*\}\}$/.test(line))).toBe(true);
    const { podj } = workspace();
    expect(podj('get', 'pods', '--output-watch-events', '--journal', journal)).toMatchObject({
      code: 2,
      stderr: 'error: --output-watch-events option can only be used with --watch or --watch-only\n',
    });
  });

  it("a deleted pod's last row prints again, as kubectl prints the DELETED event's object", async () => {
    const { podj, journal } = workspace();
    expect(podj('replay', sample('lifecycle-demo')).code).toBe(0);
    const plain = await watched(journal, /nginx-srv\s+0\/1\s+Error\s.*\n.*nginx-srv\s+0\/1\s+Error\s/);
    // the final status at the last exit (+2m32s), the kubelet's final delete at the relist after it: the same
    // object, its AGE counted to the DELETED event's instant
    const last = plain.stdout.trimEnd().split('\n').slice(-2).map((row) => row.replace(/\s+\S+$/, ''));
    expect(last[0]).toBe(last[1]);
    const typed = await watched(journal, /DELETED\s+nginx-srv/, '--output-watch-events');
    expect(typed.stdout).toMatch(/\nMODIFIED\s+nginx-srv\s+0\/1\s+Error\s+0\s+2m32s\nDELETED\s+nginx-srv\s+0\/1\s+Error\s+0\s+2m33s\n/);
  });

  it('--sort-by orders the table at the start (sorter.go :: SortingPrinter sorts the list\'s Table), not -o name\'s items', async () => {
    const { journal } = threePods();
    const memory = '--sort-by={.spec.containers[].resources.requests.memory}';
    const table = await watched(journal, /(web-\d+\s.*\n){3}/, '--at', '2026-01-18T08:00:00Z', '--no-headers', memory);
    expect(table.stdout.split('\n').slice(0, 3).map((row) => row.split(/\s+/)[0])).toEqual(['web-10', 'web-1', 'web-2']);
    const names = await watched(journal, /(pod\/web-\d+\n){3}/, '--at', '2026-01-18T08:00:00Z', '-o', 'name', memory);
    expect(names.stdout.split('\n').slice(0, 3)).toEqual(['pod/web-1', 'pod/web-10', 'pod/web-2']);
  });

  it('--watch-only leaves out the pods at the start; --no-headers leaves out the header; --sort-by is warned about', async () => {
    const journal = crashLoop();
    const all = await watched(journal, /CrashLoopBackOff/, '--at', '+1m', '--no-headers', '--sort-by=.metadata.name');
    expect(all.stdout).toMatch(/^memleak-pod\s/);
    expect(all.stderr).toBe('warning: --watch requested, --sort-by will be ignored for watch events received\n');
    const { podj } = workspace();
    const atStart = podj('get', 'pods', '--at', '+1m', '--no-headers', '--journal', journal).stdout;
    expect(all.stdout.startsWith(atStart)).toBe(true);
    const only = await watched(journal, /CrashLoopBackOff/, '--at', '+1m', '--no-headers', '--watch-only');
    expect(only.stdout.startsWith(atStart)).toBe(false);
    expect(all.stdout.startsWith(atStart + only.stdout.split('\n')[0])).toBe(true);
  });
});

describe("kubectl's flag checks (get.go :: Validate)", () => {
  it('--show-labels only with the table or wide; --chunk-size accepted (a journal pages itself), but an integer', () => {
    const { podj } = threePods();
    expect(podj('get', 'pods', '-o', 'json', '--show-labels')).toMatchObject({ code: 2, stderr: 'error: --show-labels option cannot be used with json printer\n' });
    expect(podj('get', 'pods', '-o', 'wide', '--show-labels').code).toBe(0);
    expect(podj('get', 'pods', '--chunk-size', '10', '-o', 'name').stdout).toBe('pod/web-1\npod/web-10\npod/web-2\n');
    expect(podj('get', 'pods', '--chunk-size', 'many').code).toBe(2);
  });
});

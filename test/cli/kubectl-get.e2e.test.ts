/**
 * kubectl's `get` as a kubectl user types it, through the built binary on a real journal: `--sort-by` as
 * kubectl v1.36 orders (`kubectl/pkg/cmd/get/sorter.go`: quantities by value, other strings byte by byte, an
 * absent path refused), and `get events` / `get nodes` honouring names, `-l`, `--field-selector` and
 * `--sort-by` (each used to be ignored, answering a question the user did not ask).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';

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
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'error: --sort-by: couldn\'t find any field with path "{.status.nothing}" in the list of objects\n']);
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
    const bad = podj('get', 'events', '--field-selector', 'status.phase=Running');
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --field-selector: field label not supported: status.phase\n']);
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

  it('-w and label columns are refused, not ignored', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('get', 'events', '-w')).toMatchObject({ code: 2, stderr: 'error: -w: podj watches pods only; events answer at one instant (--at T)\n' });
    expect(podj('get', 'nodes', '--show-labels').code).toBe(2);
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

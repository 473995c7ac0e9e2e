/**
 * kubectl's own `get` cases (staging/src/k8s.io/kubectl/pkg/cmd/get/get_test.go at kubectl v0.36.3), through the
 * built binary on a real journal. Upstream serves a fake API (pods `bar` and `foo` in namespace `test`, foo then
 * modified and deleted); here the same happens in a journal: bar and foo applied, foo's labels changed, foo
 * deleted. Upstream's pods have no status (STATUS empty); here they are Pending. A real API server deletes an
 * unbound pod with grace 0 in two writes (apiserver registry/generic/registry/store.go ::
 * updateForGracefulDeletionAndFinalizers stores the deletionTimestamp, then the object is deleted), so foo's
 * deletion is a MODIFIED (Terminating) and a DELETED where upstream's fake sends one DELETED. A table prints a
 * change that shows in its row (foo's label change does not: podj's pod changes finer than the API server's writes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';
import { start } from './spawn.js';

const manifest = (name: string, labels = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: test\n${labels}spec:\n  containers:\n  - name: c\n    image: busybox\n`;

/** bar and foo created, foo modified (a label), then deleted: ADDED bar, ADDED foo, MODIFIED foo (twice), DELETED foo. */
const barAndFoo = (): ReturnType<typeof workspace> => {
  const ws = workspace();
  const apply = (name: string, at: string, labels = ''): void => {
    const file = join(ws.dir, `${name}-${at.replace(/\D/g, '')}.yaml`);
    writeFileSync(file, manifest(name, labels));
    const r = ws.podj('apply', '-f', file, '--at', at);
    expect(r.code, r.stderr).toBe(0);
  };
  apply('bar', '2026-01-18T08:00:00Z');
  apply('foo', '2026-01-18T08:00:01Z');
  apply('foo', '2026-01-18T08:00:02Z', '  labels:\n    changed: "yes"\n');
  const deleted = ws.podj('delete', 'pod', 'foo', '-n', 'test', '--at', '2026-01-18T08:00:03Z');
  expect(deleted.code, deleted.stderr).toBe(0);
  return ws;
};

/** `get pods -w -A --show-kind --output-watch-events` in a format, until the DELETED event shows, then Ctrl-C. */
const watchEvents = async (journal: string, until: RegExp, ...format: string[]): Promise<string> => {
  const watch = start(['get', 'pods', '-w', '-A', '--show-kind', '--output-watch-events', ...format, '--journal', journal]);
  await watch.waitFor(until);
  watch.proc.kill('SIGINT');
  expect(await watch.exit).toBe(1);
  return watch.stdout();
};

describe('get_test.go :: TestWatchResourceWatchEvents (-w -A --show-kind --output-watch-events)', () => {
  it('table and wide: an EVENT column, NAMESPACE, NAME as pod/NAME', async () => {
    const { journal } = barAndFoo();
    const table = await watchEvents(journal, /DELETED .*\n/);
    expect(table.split('\n').map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'EVENT NAMESPACE NAME',
      'ADDED test pod/bar',
      'ADDED test pod/foo',
      'MODIFIED test pod/foo',
      'DELETED test pod/foo',
      '',
    ]);
    const wide = await watchEvents(journal, /DELETED .*\n/, '-o', 'wide');
    expect(wide.split('\n')[0]).toMatch(/^EVENT\s+NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(wide.split('\n')[3]).toMatch(/^MODIFIED\s+test\s+pod\/foo\s+0\/1\s+Terminating\s/);
    expect(wide.split('\n')[4]).toMatch(/^DELETED\s+test\s+pod\/foo\s+0\/1\s+Terminating\s+0\s+\S+\s+<none>\s+<none>\s+<none>\s+<none>$/);
  });

  it('json: one line per event, {"type":…,"object":…}, the object\'s keys sorted', async () => {
    const { journal } = barAndFoo();
    const lines = (await watchEvents(journal, /"type":"DELETED".*\n/, '-o', 'json')).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(',"object"')))).toEqual(['{"type":"ADDED"', '{"type":"ADDED"', '{"type":"MODIFIED"', '{"type":"MODIFIED"', '{"type":"DELETED"']);
    for (const line of lines) expect(line).toMatch(/^\{"type":"[A-Z]+","object":\{"apiVersion":"v1","kind":"Pod","metadata":\{"creationTimestamp":/);
    expect(lines.map((l) => (JSON.parse(l) as { object: { metadata: { name: string } } }).object.metadata.name)).toEqual(['bar', 'foo', 'foo', 'foo', 'foo']);
  });

  it('yaml: object before type (sorted keys), documents separated by ---', async () => {
    const { journal } = barAndFoo();
    const docs = (await watchEvents(journal, /type: DELETED\n/, '-o', 'yaml')).split('---\n');
    expect(docs.map((d) => [d.startsWith('object:\n  apiVersion: v1\n  kind: Pod\n'), d.slice(d.lastIndexOf('type: '))])).toEqual([
      [true, 'type: ADDED\n'],
      [true, 'type: ADDED\n'],
      [true, 'type: MODIFIED\n'],
      [true, 'type: MODIFIED\n'],
      [true, 'type: DELETED\n'],
    ]);
  });

  it('jsonpath, custom-columns and name over the watch event', async () => {
    const { journal } = barAndFoo();
    expect(await watchEvents(journal, /DELETED,foo\n/, '-o', 'jsonpath={.type},{.object.metadata.name}{"\\n"}')).toBe('ADDED,bar\nADDED,foo\nMODIFIED,foo\nMODIFIED,foo\nDELETED,foo\n');
    // The header and the list's rows share one tabwriter flush, each later event has its own (get.go :: watch
    // flushes after each); upstream's expected text pads its later rows' NAME cells one space wider, which a
    // flush per row does not explain: the cells are compared, the widths only for the first flush.
    const columns = await watchEvents(journal, /DELETED\s+foo\n/, '-o', 'custom-columns=TYPE:.type,NAME:.object.metadata.name');
    expect(columns.startsWith('TYPE    NAME\nADDED   bar\nADDED   foo\n')).toBe(true);
    expect(columns.trimEnd().split('\n').map((l) => l.split(/\s+/))).toEqual([['TYPE', 'NAME'], ['ADDED', 'bar'], ['ADDED', 'foo'], ['MODIFIED', 'foo'], ['MODIFIED', 'foo'], ['DELETED', 'foo']]);
    expect(await watchEvents(journal, /(pod\/foo\n){4}/, '-o', 'name')).toBe('pod/bar\npod/foo\npod/foo\npod/foo\npod/foo\n');
  });
});

describe('get_test.go :: TestGetTableObjectsShowKind, and --show-kind for nodes and events', () => {
  it('NAME as KIND/NAME in tables; -o name unchanged', () => {
    const { podj } = barAndFoo();
    const pods = podj('get', 'pods', 'bar', '-n', 'test', '--show-kind');
    expect(pods.code, pods.stderr).toBe(0);
    expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/bar\s+0\/1\s+Pending\s+0\s+\S+\n$/);
    expect(podj('get', 'pods', '-n', 'test', '--show-kind', '-o', 'name').stdout).toBe('pod/bar\n');
  });

  it('nodes as node/NAME; Events as event/NAME in the NAME column -o wide shows', () => {
    const { podj } = workspace();
    expect(podj('replay', sample('memory-pressure')).code).toBe(0);
    expect(podj('get', 'nodes', '--show-kind', '--no-headers').stdout).toMatch(/^node\/node01\s+/);
    const wide = podj('get', 'events', '--show-kind', '-o', 'wide', '--no-headers').stdout.trimEnd().split('\n');
    expect(wide.length).toBeGreaterThan(3);
    expect(wide.every((l) => /\sevent\/\S+\.[0-9a-f]+$/.test(l))).toBe(true);
    expect(podj('get', 'events', '--show-kind', '--no-headers').stdout).not.toMatch(/event\//);
  });
});

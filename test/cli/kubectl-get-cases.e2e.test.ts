/**
 * kubectl's own `get` cases (staging/src/k8s.io/kubectl/pkg/cmd/get/get_test.go at kubectl v0.36.3), through the
 * built binary on a real journal. Upstream serves a fake API (pods `bar` and `foo` in namespace `test`, foo then
 * modified and deleted); here the same happens in a journal: bar and foo applied, foo's labels changed, foo
 * deleted. Upstream's pods have no status (STATUS empty); here they are Pending. A real API server deletes an
 * unbound pod with grace 0 in two writes (apiserver registry/generic/registry/store.go ::
 * updateForGracefulDeletionAndFinalizers stores the deletionTimestamp, then the object is deleted), so foo's
 * deletion is a MODIFIED (Terminating) and a DELETED where upstream's fake sends one DELETED. Every write that
 * changes the object is a watch event, and a table prints a row for each, whether its row changed or not (foo's
 * label change, as upstream's MODIFIED foo that changes only its resourceVersion). get.go :: watch flushes its
 * tabwriter after the list and after each event, and cli-runtime's tabwriter remembers each column's widest
 * width across flushes (liggitt/tabwriter RememberWidths): a later row is padded to what the earlier ones set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** `get pods -w` with `flags`, until stdout matches `until`, then Ctrl-C (exit 1, as kubectl's interrupt). */
const watched = async (journal: string, until: RegExp, ...flags: string[]): Promise<string> => {
  const watch = start(['get', 'pods', '-w', ...flags, '--journal', journal]);
  await watch.waitFor(until);
  watch.proc.kill('SIGINT');
  expect(await watch.exit).toBe(1);
  return watch.stdout();
};

/** `get pods -w -A --show-kind --output-watch-events` in a format, until the DELETED event shows. */
const watchEvents = (journal: string, until: RegExp, ...format: string[]): Promise<string> => watched(journal, until, '-A', '--show-kind', '--output-watch-events', ...format);

describe('get_test.go :: TestWatchResourceWatchEvents (-w -A --show-kind --output-watch-events)', () => {
  it('table and wide: an EVENT column (each type padded to 8, tableprinter.go :: formatEventType), NAMESPACE, NAME as pod/NAME', async () => {
    const { journal } = barAndFoo();
    // upstream: EVENT      NAMESPACE   NAME      READY   STATUS   RESTARTS   AGE / ADDED      test        pod/bar   0/0 …
    expect(await watchEvents(journal, /DELETED .*\n/)).toBe(
      [
        'EVENT      NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE',
        'ADDED      test        pod/bar   0/1     Pending   0          0s',
        'ADDED      test        pod/foo   0/1     Pending   0          0s',
        'MODIFIED   test        pod/foo   0/1     Pending   0          1s',
        'MODIFIED   test        pod/foo   0/1     Terminating   0          2s',
        'DELETED    test        pod/foo   0/1     Terminating   0          2s',
        '',
      ].join('\n'),
    );
    const wide = await watchEvents(journal, /DELETED .*\n/, '-o', 'wide');
    expect(wide).toBe(
      [
        'EVENT      NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES',
        'ADDED      test        pod/bar   0/1     Pending   0          0s    <none>   <none>   <none>           <none>',
        'ADDED      test        pod/foo   0/1     Pending   0          0s    <none>   <none>   <none>           <none>',
        'MODIFIED   test        pod/foo   0/1     Pending   0          1s    <none>   <none>   <none>           <none>',
        'MODIFIED   test        pod/foo   0/1     Terminating   0          2s    <none>   <none>   <none>           <none>',
        'DELETED    test        pod/foo   0/1     Terminating   0          2s    <none>   <none>   <none>           <none>',
        '',
      ].join('\n'),
    );
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
    // Each event its own flush of the remembering tabwriter: TYPE widens for MODIFIED, NAME keeps the 7 it had
    // (upstream: TYPE    NAME   RSRC / ADDED   bar    9 / … / MODIFIED   foo    11 / DELETED    foo    12).
    const spec = 'custom-columns=TYPE:.type,NAME:.object.metadata.name,NS:.object.metadata.namespace';
    expect(await watchEvents(journal, /DELETED\s+foo\s+test\n/, '-o', spec)).toBe(
      'TYPE    NAME   NS\nADDED   bar    test\nADDED   foo    test\nMODIFIED   foo    test\nMODIFIED   foo    test\nDELETED    foo    test\n',
    );
    expect(await watchEvents(journal, /(pod\/foo\n){4}/, '-o', 'name')).toBe('pod/bar\npod/foo\npod/foo\npod/foo\npod/foo\n');
  });
});

describe('-w -o jsonpath: one printer for the whole watch (get.go :: watch, cli-runtime JSONPathPrinter)', () => {
  const range = 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}';

  it('{range .items[*]}…{end}: a pod has no items; the next is read from the range\'s body and fails at {end}, which ends the watch quietly, exit 0', async () => {
    const { journal } = barAndFoo();
    // from the start: ADDED bar prints nothing, ADDED foo fails; UntilWithoutRetry ends, and get.go drops the error
    const watch = start(['get', 'pods', '-w', '-n', 'test', '-o', range, '--journal', journal]);
    expect(await watch.exit).toBe(0);
    expect([watch.stdout(), watch.stderr()]).toEqual(['', '']);
  });

  it('among the pods at the start, the second fails: kubectl\'s error, nothing of the list printed', () => {
    const { podj } = barAndFoo();
    const template = '{range .items[*]}{.metadata.name}{"\\n"}{end}';
    expect(podj('get', 'pods', '-w', '-n', 'test', '--at', '2026-01-18T08:00:01.500Z', '-o', `jsonpath=${template}`)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: unable to output the provided object: error executing jsonpath ${JSON.stringify(template)}: Error executing template: not in range, nothing to end\n`,
    });
  });

  it('{.metadata.name}: each pod\'s name, no newline between; a tab aligns as the tabwriter aligns a table', async () => {
    const { journal } = barAndFoo();
    expect(await watched(journal, /(foo){4}/, '-n', 'test', '-o', 'jsonpath={.metadata.name}')).toBe('barfoofoofoofoo');
    const tabbed = await watched(journal, /(foo\s+\S+\n){4}/, '-n', 'test', '-o', 'jsonpath={.metadata.name}{"\\t"}{.metadata.namespace}{"\\n"}');
    expect(tabbed).toBe('bar   test\nfoo   test\nfoo   test\nfoo   test\nfoo   test\n');
  });
});

describe('-o custom-columns with a template the parser refuses (customcolumn.go :: PrintObj: headers, then each column parsed)', () => {
  it('over no pods and over pods alike: the headers, then the parser\'s error; never "No resources found"', () => {
    const { podj } = barAndFoo();
    const spec = 'custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[';
    const refused = { code: 2, stdout: 'NAME   OWNER\n', stderr: 'error: unterminated array\n' };
    expect(podj('get', 'pods', '-n', 'empty', '-o', spec)).toMatchObject(refused);
    expect(podj('get', 'pods', '-n', 'test', '-o', spec)).toMatchObject(refused);
    expect(podj('get', 'pods', '-n', 'empty', '-o', spec, '--no-headers')).toMatchObject({ ...refused, stdout: '' });
    // a template that parses: the headers alone over no pods, and no "No resources found" (get.go :: printGeneric)
    expect(podj('get', 'pods', '-n', 'empty', '-o', 'custom-columns=NAME:.metadata.name')).toMatchObject({ code: 0, stdout: 'NAME\n', stderr: '' });
  });

  it('a template failing on the second pod: the headers and the first pod\'s row, then the error (PrintObj flushes however it returns)', () => {
    const { podj } = barAndFoo();
    // bar has no labels (nothing to index: <none>); foo's label is a string, which client-go cannot index
    const r = podj('get', 'pods', '-n', 'test', '--at', '2026-01-18T08:00:02.500Z', '-o', 'custom-columns=NAME:.metadata.name,FIRST:.metadata.labels.changed[0]');
    expect(r).toMatchObject({ code: 2, stdout: 'NAME   FIRST\nbar    <none>\n', stderr: 'error: string is not array or slice\n' });
  });
});

describe('-o custom-columns-file and -o jsonpath-file: the template read from a file (customcolumn_flags.go, jsonpath_flags.go :: ToPrinter)', () => {
  it('prints as the inline template does; a file template keeps its headers under --no-headers (NoHeaders: false); a file not read is kubectl\'s error', () => {
    const { dir, podj } = barAndFoo();
    const at = ['-n', 'test', '--at', '2026-01-18T08:00:02.500Z'];
    writeFileSync(join(dir, 'columns.txt'), 'NAME   UID\n.metadata.name   {.metadata.namespace}\n');
    writeFileSync(join(dir, 'names.jsonpath'), '{range .items[*]}{.metadata.name}{"\\n"}{end}');
    const inline = podj('get', 'pods', ...at, '-o', 'custom-columns=NAME:.metadata.name,UID:{.metadata.namespace}');
    expect(inline).toMatchObject({ code: 0, stdout: 'NAME   UID\nbar    test\nfoo    test\n' });
    expect(podj('get', 'pods', ...at, '-o', 'custom-columns-file=columns.txt')).toMatchObject({ code: 0, stdout: inline.stdout, stderr: '' });
    expect(podj('get', 'pods', ...at, '-o', 'custom-columns-file=columns.txt', '--no-headers').stdout).toBe(inline.stdout);
    expect(podj('get', 'pods', ...at, '-o', 'jsonpath-file=names.jsonpath')).toMatchObject({ code: 0, stdout: 'bar\nfoo\n', stderr: '' });
    expect(podj('get', 'pods', ...at, '-o', 'jsonpath-file=missing')).toMatchObject({ code: 2, stdout: '', stderr: 'error: error reading --template missing, open missing: no such file or directory\n' });
    expect(podj('get', 'pods', ...at, '-o', 'custom-columns-file=missing')).toMatchObject({ code: 2, stdout: '', stderr: 'error: error reading template missing, open missing: no such file or directory\n' });
    expect(podj('get', 'pods', ...at, '-o', 'jsonpath-file=')).toMatchObject({ code: 2, stderr: 'error: template format specified but no template given\n' });
    writeFileSync(join(dir, 'uneven.txt'), 'NAME UID\n.metadata.name\n');
    expect(podj('get', 'pods', ...at, '-o', 'custom-columns-file=uneven.txt')).toMatchObject({ code: 2, stderr: "error: number of headers (2) and field specifications (1) don't match\n" });
    // a folder: os.Open opens it for custom-columns-file and its scanner reads no line (customcolumn.go ::
    // NewCustomColumnsPrinterFromTemplate); jsonpath-file's os.ReadFile fails on reading it
    mkdirSync(join(dir, 'folder'));
    expect(podj('get', 'pods', ...at, '-o', 'custom-columns-file=folder')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.\n',
    });
    expect(podj('get', 'pods', ...at, '-o', 'jsonpath-file=folder')).toMatchObject({ code: 2, stdout: '', stderr: 'error: error reading --template folder, read folder: is a directory\n' });
  });
});

describe('get_test.go :: TestWatchTableResource, TestWatchLabelSelector: a row per watch event, the selectors as the API server applies them', () => {
  it('get pods foo -w: the pod, then a row per write, its label change and its deletion too', async () => {
    const { journal } = barAndFoo();
    // upstream: NAME   READY   STATUS   RESTARTS   AGE / foo    0/0              0          <unknown> (three times)
    expect(await watched(journal, /Terminating.*\n.*Terminating.*\n/, 'foo', '-n', 'test', '--at', '2026-01-18T08:00:01.500Z')).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'foo    0/1     Pending   0          0s',
        'foo    0/1     Pending   0          1s',
        'foo    0/1     Terminating   0          2s',
        'foo    0/1     Terminating   0          2s',
        '',
      ].join('\n'),
    );
  });

  it('TestWatchNonExistObject: a named pod the API server does not have is NotFound, exit 1, before any output', () => {
    const { podj } = barAndFoo();
    const notFound = { code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n' };
    expect(podj('get', 'pods', 'nosuch', '-n', 'test', '-w')).toMatchObject(notFound);
    // at --at, the pod must be there then: foo is created a second after bar
    expect(podj('get', 'pods', 'foo', '-n', 'test', '-w', '--at', '2026-01-18T08:00:00.500Z')).toMatchObject({ ...notFound, stderr: 'Error from server (NotFound): pods "foo" not found\n' });
  });

  it('a pod that comes to match -l is ADDED, one that stops matching is DELETED with its last object (cache_watcher.go :: convertToWatchEvent)', async () => {
    const { journal } = barAndFoo();
    expect(await watched(journal, /DELETED .*\n/, '-n', 'test', '-l', 'changed=yes', '--output-watch-events')).toBe(
      [
        'EVENT      NAME   READY   STATUS    RESTARTS   AGE',
        'ADDED      foo    0/1     Pending   0          1s',
        'MODIFIED   foo    0/1     Terminating   0          2s',
        'DELETED    foo    0/1     Terminating   0          2s',
        '',
      ].join('\n'),
    );
    // foo leaves the selector's scope at its label change: DELETED, and its deletion later sends nothing
    const others = await watched(journal, /DELETED .*\n/, '-n', 'test', '-l', 'changed!=yes', '-o', 'jsonpath={.type} {.object.metadata.name} {.object.metadata.labels}{"\\n"}', '--output-watch-events');
    expect(others).toBe('ADDED bar \nADDED foo \nDELETED foo \n');
  });
});

describe('get_test.go :: TestGetNonExistObject, TestGetNonExistObjectIgnoreNotFound, TestWatchNonExistObjectIgnoreNotFound, TestEmptyResultJSON, TestGetEmptyTable (get.go :: Run, printGeneric, watch)', () => {
  const at = ['-n', 'test', '--at', '2026-01-18T08:00:02.500Z'];
  const notFound = 'Error from server (NotFound): pods "nosuch" not found\n';
  const outputs = [[], ['-o', 'wide'], ['-o', 'yaml'], ['-o', 'json'], ['-o', 'name'], ['-o', 'jsonpath={.metadata.name}'], ['-o', 'custom-columns=NAME:.metadata.name']];

  it('one name not found: its NotFound is the whole answer in every output (printGeneric returns it: no empty List, no headers)', () => {
    const { podj } = barAndFoo();
    for (const output of outputs) expect({ output, ...podj('get', 'pods', 'nosuch', ...at, ...output) }).toEqual({ output, code: 1, stdout: '', stderr: notFound });
    // Two names imply a list: what was found (none here: an empty List), then each NotFound.
    const two = podj('get', 'pods', 'nosuch', 'other', ...at, '-o', 'json');
    expect(two).toMatchObject({ code: 1, stderr: `${notFound}Error from server (NotFound): pods "other" not found\n` });
    expect(JSON.parse(two.stdout)).toMatchObject({ kind: 'List', items: [] });
    expect(podj('get', 'pods', 'foo', 'nosuch', ...at, '-o', 'name')).toEqual({ code: 1, stdout: 'pod/foo\n', stderr: notFound });
  });

  it('--ignore-not-found: a name not found is no error (exit 0), what was found is printed, and nothing found prints nothing', () => {
    const { podj } = barAndFoo();
    for (const output of outputs) {
      expect({ output, ...podj('get', 'pods', 'nosuch', ...at, '--ignore-not-found', ...output) }).toEqual({ output, code: 0, stdout: '', stderr: '' });
      // Without a name, an empty namespace: not even "No resources found" (get.go :: Run prints it only without the flag), nor an empty List.
      expect({ output, ...podj('get', 'pods', '-n', 'empty', '--ignore-not-found', ...output) }).toEqual({ output, code: 0, stdout: '', stderr: '' });
    }
    expect(podj('get', 'pods', 'foo', 'nosuch', ...at, '--ignore-not-found')).toEqual({ code: 0, stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nfoo    0/1     Pending   0          1s\n', stderr: '' });
    // Without it: TestGetEmptyTable's words (and podj's line naming where the pods are), TestEmptyResultJSON's empty List.
    expect(podj('get', 'pods', '-n', 'empty')).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^No resources found in empty namespace\.\n/) as unknown });
    expect(JSON.parse(podj('get', 'pods', '-n', 'empty', '-o', 'json').stdout)).toMatchObject({ kind: 'List', items: [] });
  });

  it('-w --ignore-not-found on a name not found: nothing, exit 0, before any watch', () => {
    const { podj } = barAndFoo();
    expect(podj('get', 'pods', 'nosuch', '-n', 'test', '-w', '-o', 'yaml', '--ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('events and nodes alike: a lone name not found is its NotFound alone; --ignore-not-found prints nothing, exit 0', () => {
    const { podj } = workspace();
    expect(podj('replay', sample('crashloop-memleak')).code).toBe(0);
    for (const [resource, output] of [['events', 'yaml'], ['events', 'json'], ['nodes', 'json'], ['nodes', 'name']] as const) {
      const asked = { resource, output };
      expect({ ...asked, ...podj('get', resource, 'nosuch', '-o', output) }).toEqual({ ...asked, code: 1, stdout: '', stderr: `Error from server (NotFound): ${resource} "nosuch" not found\n` });
      expect({ ...asked, ...podj('get', resource, 'nosuch', '-o', output, '--ignore-not-found') }).toEqual({ ...asked, code: 0, stdout: '', stderr: '' });
    }
    expect(podj('get', 'events', '-n', 'empty', '--ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(podj('get', 'events', 'nosuch', '-w', '--ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('--no-headers: no header in the tabwriter (cli-runtime v0.36.2 tableprinter.go :: printTable, tableprinter_test.go :: TestPrintTable)', () => {
  it('each column as wide as its rows make it, not as its header', () => {
    const { podj } = barAndFoo();
    const at = ['-n', 'test', '--at', '2026-01-18T08:00:01.500Z'];
    expect(podj('get', 'pods', ...at, '--no-headers').stdout).toBe('bar   0/1   Pending   0     1s\nfoo   0/1   Pending   0     0s\n');
    // -o wide and --sort-by take the other way, through whole pods
    expect(podj('get', 'pods', ...at, '--no-headers', '-o', 'wide', '--sort-by', '.metadata.name').stdout).toBe(
      'bar   0/1   Pending   0     1s    <none>   <none>   <none>   <none>\nfoo   0/1   Pending   0     0s    <none>   <none>   <none>   <none>\n',
    );
  });
});

describe("selectors the API server refuses: its 400 as kubectl prints it (cli-runtime resource/helper.go :: EnhanceListError)", () => {
  it('-l for get and describe, before the field selector (the server decodes the label selector first)', () => {
    const { podj } = barAndFoo();
    const refused = (resource: string, label: string, field: string, why: string): string =>
      `Error from server (BadRequest): Unable to find "/v1, Resource=${resource}" that match label selector "${label}", field selector "${field}": ${why}\n`;
    const why = "found '=', expected: ',' or 'end of string'";
    expect(podj('get', 'pods', '-n', 'test', '-l', 'a=b=c')).toMatchObject({ code: 2, stdout: '', stderr: refused('pods', 'a=b=c', '', why) });
    expect(podj('describe', 'pods', '-n', 'test', '-l', ' a=b=c ')).toMatchObject({ code: 2, stdout: '', stderr: refused('pods', 'a=b=c', '', why) });
    expect(podj('get', 'events', '-l', 'a=b=c', '--field-selector', 'x')).toMatchObject({ code: 2, stderr: refused('events', 'a=b=c', 'x', why) });
    expect(podj('get', 'nodes', '--field-selector', 'x')).toMatchObject({ code: 2, stderr: refused('nodes', '', 'x', "invalid selector: 'x'; can't understand 'x'") });
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

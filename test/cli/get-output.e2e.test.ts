/**
 * kubectl's `get` habits through the built binary, over the real rolling-update capture: `-o jsonpath`,
 * `-o custom-columns`, `-o=wide`, `--sort-by`, `--no-headers`, `--field-selector`, `pod/NAME`, `PODJ_NAMESPACE`
 * and the "No resources found" line that says where the pods are.
 */
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFixture, type Run } from './podj.js';
import { BIN, finish } from './spawn.js';

// One journal for the whole file (workspace() folders are removed after each test).
const folder = mkdtempSync(join(tmpdir(), 'podj-get-'));
const journal = join(folder, 'journal');
const podj = (...args: string[]): Run => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--journal', journal], { cwd: folder, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeAll(() => {
  const r = podj('import', realFixture('rolling-update-pods.watch.jsonl'), realFixture('rolling-update-events.json'));
  expect(r.code, r.stderr).toBe(0);
});

// At the end of the capture three api pods run, in namespace rollout-demo.
const names = ['api-5c59c454f5-2wffn', 'api-5c59c454f5-bkzc4', 'api-5c59c454f5-g5b8z'];

describe('get output formats', () => {
  it('-o jsonpath with range, literals and a filter (client-go util/jsonpath :: PrintResults)', () => {
    const r = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(names.map((n) => `${n}\tTrue\n`).join(''));
    const flat = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'jsonpath={.items[*].metadata.name}');
    expect(flat.stdout).toBe(names.join(' '));
    const one = podj('get', `pod/${names[0]}`, '-n', 'rollout-demo', '-o', 'jsonpath={.metadata.name} {.kind}');
    expect(one.stdout).toBe(`${names[0]} Pod`);
  });

  it('-o jsonpath as client-go executes it: a negative index, a filter without @, an index past the end refused (jsonpath.go :: evalArray)', () => {
    const last = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'jsonpath={.items[-1].metadata.name}');
    expect(last.stdout).toBe(names[2]);
    const running = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'jsonpath={.items[?(.status.phase=="Running")].metadata.name}');
    expect(running.stdout).toBe(names.join(' '));
    const none = podj('get', 'pods', '-n', 'no-such-namespace', '-o', 'jsonpath={.items[0].metadata.name}');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('error: error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0\n');
    const unparsable = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'jsonpath={.items[0}');
    expect(unparsable.code).toBe(2);
    expect(unparsable.stderr).toBe('error: error parsing jsonpath {.items[0}, unterminated array\n');
  });

  it('-o custom-columns with --no-headers, and <none> for a missing field (cli-runtime printers/customcolumn.go)', () => {
    const r = podj('get', 'pods', '-n', 'rollout-demo', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,GATE:.spec.readinessGates');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+IMAGE\s+GATE$/);
    expect(r.stdout.split('\n')[1]).toMatch(new RegExp(`^${names[0]}\\s+nginx:1.26-alpine\\s+<none>$`));
    const bare = podj('get', 'pods', '-n', 'rollout-demo', '--no-headers');
    expect(bare.stdout.split('\n')[0]).toMatch(new RegExp(`^${names[0]}\\s+1/1\\s+Running`));
  });

  it('-o=wide is -o wide; an unknown format names the allowed ones', () => {
    expect(podj('get', 'pods', '-n', 'rollout-demo', '-o=wide').stdout).toBe(podj('get', 'pods', '-n', 'rollout-demo', '-o', 'wide').stdout);
    const bad = podj('get', 'pods', '-o', 'tsv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unable to match a printer suitable for the output format "tsv", allowed formats are: /);
  });

  it('--sort-by orders by the field (kubectl get/sorter.go), the default by name', () => {
    const byTime = podj('get', 'pods', '-n', 'rollout-demo', '--sort-by=.metadata.creationTimestamp', '-o', 'name').stdout;
    const stamps = podj('get', 'pods', '-n', 'rollout-demo', '--sort-by=.metadata.creationTimestamp', '-o', 'jsonpath={.items[*].metadata.creationTimestamp}').stdout.split(' ');
    expect([...stamps].sort()).toEqual(stamps);
    expect(byTime.trimEnd().split('\n').sort()).toEqual(names.map((n) => `pod/${n}`));
  });

  it('--field-selector over status.phase, spec.nodeName, metadata.name (registry/core/pod/strategy.go :: PodToSelectableFields)', () => {
    expect(podj('get', 'pods', '-A', '--field-selector', 'status.phase=Running', '-o', 'name').stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(podj('get', 'pods', '-A', '--field-selector', `metadata.name==${names[1]}`, '-o', 'name').stdout).toBe(`pod/${names[1]}\n`);
    const none = podj('get', 'pods', '-A', '--field-selector', 'status.phase!=Running,spec.nodeName=k8shark-dev-control-plane');
    expect(none.stderr).toBe('No resources found\n');
    const bad = podj('get', 'pods', '--field-selector', 'spec.color=blue');
    expect(bad.code).toBe(2);
    // the API server's 400, as kubectl prints it (cli-runtime resource/helper.go :: EnhanceListError)
    expect(bad.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.color=blue": field label not supported: spec.color\n');
  });

  it('pods NAME and pod/NAME name the same pod', () => {
    const a = podj('get', 'pods', names[2] ?? '', '-n', 'rollout-demo');
    expect(a.code, a.stderr).toBe(0);
    expect(podj('get', `pod/${names[2]}`, '-n', 'rollout-demo').stdout).toBe(a.stdout);
    expect(podj('get', 'pods', `pod/${names[2]}`, '-n', 'rollout-demo').stdout).toBe(a.stdout);
  });
});

describe('namespace', () => {
  it('"No resources found in default namespace." says where the journal\'s pods are', () => {
    const r = podj('get', 'pods');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('No resources found in default namespace.\nThe journal holds pods in namespace rollout-demo (use -n NAMESPACE or -A).\n');
  });

  it('takes the namespace from PODJ_NAMESPACE; -n overrides it', async () => {
    const env = { ...process.env, PODJ_NAMESPACE: 'rollout-demo' };
    const r = await finish(['get', 'pods', '-o', 'name', '--journal', journal], { env });
    expect(r.stdout).toBe(names.map((n) => `pod/${n}\n`).join(''));
    const other = await finish(['get', 'pods', '-n', 'default', '--journal', journal], { env });
    expect(other.stderr).toMatch(/^No resources found in default namespace\.\n/);
  });

  it('every verb about one pod takes PODJ_NAMESPACE too: describe, timeline, events --for, diff', async () => {
    const env = { ...process.env, PODJ_NAMESPACE: 'rollout-demo' };
    const pod = names[0] ?? '';
    const described = await finish(['describe', 'pod', pod, '--journal', journal], { env });
    expect(described.stderr).toBe('');
    expect(described.stdout).toMatch(new RegExp(`^Name:\\s+${pod}\nNamespace:\\s+rollout-demo\n`));
    const timeline = await finish(['timeline', 'pod', pod, '--journal', journal], { env });
    expect(timeline.stderr).toBe('');
    expect(timeline.stdout).toContain('Running');
    const events = await finish(['events', '--for', `pod/${pod}`, '-o', 'jsonl', '--journal', journal], { env });
    expect(events.stdout.split('\n').filter((l) => l !== '').every((l) => l.includes(`"name":"${pod}"`))).toBe(true);
    // each line is the whole record, its hash chain read from the record (the pod index holds none)
    expect(events.stdout.split('\n').filter((l) => l !== '').every((l) => /"prevHash":"[0-9a-f]{64}","hash":"[0-9a-f]{64}"/.test(l))).toBe(true);
    expect(events.stdout).not.toBe('');
    const diff = await finish(['diff', 'pod', pod, '--from', '+0s', '--journal', journal], { env });
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(1);
    const elsewhere = await finish(['describe', 'pod', pod, '-n', 'default', '--journal', journal], { env });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toBe(`Error from server (NotFound): pods "${pod}" not found\n`);
  });

  it('at the end, the table, -o wide, labels and -o name come from the head table and read as the fold of the events', () => {
    expect(JSON.parse(readFileSync(join(journal, 'snapshots', 'head', 'index.json'), 'utf8'))).toMatchObject({ format: 5 });
    const folded = join(folder, 'without-head-table');
    cpSync(journal, folded, { recursive: true });
    rmSync(join(folded, 'snapshots'), { recursive: true, force: true });
    const both = (...args: string[]): [Run, Run] => {
      const r = spawnSync(process.execPath, [BIN, ...args, '--journal', folded], { cwd: folder, encoding: 'utf8' });
      return [podj(...args), { code: r.status, stdout: r.stdout, stderr: r.stderr }];
    };
    for (const args of [['-A', '-o', 'wide', '--show-labels', '-L', 'app'], ['-n', 'rollout-demo', '-l', 'app=api', '-o', 'name'], ['-n', 'rollout-demo', '--no-headers'], ['-n', 'nowhere']]) {
      const [fromRows, fromFold] = both('get', 'pods', ...args);
      expect(fromRows.stdout, args.join(' ')).toBe(fromFold.stdout);
      expect(fromRows.stderr, args.join(' ')).toBe(fromFold.stderr);
    }
    expect(both('get', 'pods', '-A')[0].stdout.split('\n').length).toBeGreaterThan(3);
  });
});

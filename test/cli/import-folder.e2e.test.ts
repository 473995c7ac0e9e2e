/**
 * `podj import DIR`: a must-gather or a folder of rotated audit logs imports as its files named one by one
 * would, found recursively in name order; files of other kinds in it (manifests of other resources, logs,
 * binaries) are counted on stderr instead of refusing the import; a folder with nothing importable is bad input.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { realFixture, workspace } from './podj.js';

describe('podj import DIR', () => {
  it('imports every file it can under the folder, as if named, and counts the others on stderr', () => {
    const { dir, podj } = workspace();
    const gather = join(dir, 'must-gather');
    mkdirSync(join(gather, 'namespaces/crash-demo/core'), { recursive: true });
    mkdirSync(join(gather, 'namespaces/crash-demo/apps'), { recursive: true });
    mkdirSync(join(gather, 'audit_logs'), { recursive: true });
    copyFileSync(realFixture('crash-loop-pods.json'), join(gather, 'namespaces/crash-demo/core/pods.json'));
    copyFileSync(realFixture('crash-loop-events.json'), join(gather, 'namespaces/crash-demo/core/events.json'));
    writeFileSync(join(gather, 'audit_logs/audit.log.1.gz'), gzipSync(readFileSync(realFixture('audit-pod-create.falco.jsonl'))));
    writeFileSync(join(gather, 'namespaces/crash-demo/apps/deployments.json'), '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"x"}}\n');
    writeFileSync(join(gather, 'namespaces/crash-demo/kubelet.log'), 'I1206 12:00:00.000000    1 kubelet.go:1] started\n');
    writeFileSync(join(gather, 'blob.bin'), Buffer.from([0x00, 0xff, 0x7b, 0x0a, 0x22]));
    writeFileSync(join(gather, '.hidden.json'), '{"broken');

    const r = podj('import', gather);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes(': ')).map((l) => l.split(':')[0])).toEqual([
      join(gather, 'audit_logs/audit.log.1.gz'),
      join(gather, 'namespaces/crash-demo/core/events.json'),
      join(gather, 'namespaces/crash-demo/core/pods.json'),
      'in all',
    ]);
    expect(r.stderr.split('\n')[0]).toBe(
      `${gather}: 3 files of other kinds not imported (${join(gather, 'blob.bin')}, ${join(gather, 'namespaces/crash-demo/apps/deployments.json')}, ${join(gather, 'namespaces/crash-demo/kubelet.log')})`,
    );

    const named = workspace();
    const files = ['audit_logs/audit.log.1.gz', 'namespaces/crash-demo/core/events.json', 'namespaces/crash-demo/core/pods.json'].map((f) => join(gather, f));
    expect(named.podj('import', ...files).code).toBe(0);
    expect(podj('get', 'pods', '-A', '-o', 'json').stdout).toBe(named.podj('get', 'pods', '-A', '-o', 'json').stdout);
  });

  it('refuses a folder with nothing it can import, and a bad line in a file it recognised, as for named files', () => {
    const { dir, podj } = workspace();
    const others = join(dir, 'others');
    mkdirSync(others);
    writeFileSync(join(others, 'deployments.json'), '{"kind":"Deployment","apiVersion":"apps/v1"}\n');
    const none = podj('import', others);
    expect([none.code, none.stderr]).toEqual([2, `error: ${others}: no file in it is an audit log, a Pod, PodList or pod watch stream, Kubernetes Events or a podjournal export\n`]);

    const broken = join(dir, 'broken');
    mkdirSync(broken);
    const watch = readFileSync(realFixture('rolling-update-pods.watch.jsonl'), 'utf8').split('\n');
    writeFileSync(join(broken, 'pods.jsonl'), [watch[0], '{"type":"ADDED","object":{', ...watch.slice(1)].join('\n'));
    const bad = podj('import', broken);
    expect([bad.code, bad.stderr]).toEqual([2, `error: ${join(broken, 'pods.jsonl')}:2: invalid JSON: the line ends inside an object\n`]);
  });
});

/** `podj report` through the built binary: one self-contained file, and bad input refused with one line. */
import { readFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, workspace } from '../cli/podj.js';
import { refusedWrite, whileUnwritable } from '../support/unwritable.js';

const dataOf = (html: string): { pods: { namespace: string; name: string; steps: unknown[] }[]; nodes: { name: string }[]; from: number; to: number } => {
  const json = /<script id="podj-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error('no data script in the report');
  return JSON.parse(json) as ReturnType<typeof dataOf>;
};

describe('podj report', () => {
  it('writes one HTML file with its script and data inline, nothing fetched from anywhere', () => {
    const { dir, podj } = workspace();
    expect(podj('replay', join(REPO, 'journal/node-lost.yaml')).code).toBe(0);
    const run = podj('report', '-A', '--out', 'incident.html');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^incident\.html: 2 pods, 2 nodes, \d+\.\d MB\n$/);
    const html = readFileSync(join(dir, 'incident.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    const data = dataOf(html);
    expect(data.pods.map((p) => p.name).sort()).toEqual(['spare', 'web']);
    expect(data.nodes.map((n) => n.name)).toEqual(['node01', 'node02']);
  });

  it('counts the nodes an import knows only from its pods’ spec.nodeName, as the page draws them', () => {
    const { podj } = workspace();
    expect(podj('import', join(REPO, 'test/fixtures/import/deadline-exceeded-pods.json')).code).toBe(0);
    expect(podj('report', '-A', '--out', 'imported.html').stdout).toMatch(/^imported\.html: 1 pod, 1 node, /);
  });

  it('keeps the pods asked for by name, namespace and selector, and the window asked for', () => {
    const { dir, podj } = workspace();
    expect(podj('replay', join(REPO, 'journal/pod-demo-labels.yaml')).code).toBe(0);
    expect(podj('report', '--out', 'default.html').stdout).toMatch(/^default\.html: 0 pods/);
    expect(podj('report', '-n', 'prod', '-l', 'tier=frontend', '--out', 'sel.html').stdout).toMatch(/^sel\.html: 1 pod, /);
    expect(podj('report', '-n', 'prod', '-l', 'tier=backend', '--out', 'none.html').stdout).toMatch(/^none\.html: 0 pods/);
    expect(podj('report', '-A', 'pod-demo', '--from', '+1m', '--to', '+2m', '--out', 'win.html').code).toBe(0);
    const data = dataOf(readFileSync(join(dir, 'win.html'), 'utf8'));
    expect(data.to - data.from).toBe(60_000);
    expect(data.pods.map((p) => p.name)).toEqual(['pod-demo']);
  });

  it("lists the lanes in get pods -A's order, the API server's storage keys (argo-events/… before argo/…)", () => {
    const { dir, podj } = workspace();
    const pods = [['default', 'web'], ['argocd', 'server'], ['argo', 'workflow-controller'], ['argo-events', 'eventbus-0'], ['argo', 'argo-server']];
    const manifest = (ns: string, name: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {containers: [{name: c, image: nginx}]}\n`;
    writeFileSync(join(dir, 'pods.yaml'), pods.map(([ns, name]) => manifest(ns ?? '', name ?? '')).join('---\n'));
    expect(podj('apply', '-f', 'pods.yaml').code).toBe(0);
    const listed = podj('get', 'pods', '-A', '--no-headers').stdout.trim().split('\n').map((line) => line.split(/\s+/).slice(0, 2).join('/'));
    expect(listed).toEqual(['argo-events/eventbus-0', 'argo/argo-server', 'argo/workflow-controller', 'argocd/server', 'default/web']);
    expect(podj('report', '-A', '--out', 'order.html').code).toBe(0);
    expect(dataOf(readFileSync(join(dir, 'order.html'), 'utf8')).pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(listed);
  });

  it('refuses bad input with one line naming it, exit 2, and writes nothing', () => {
    const { dir, podj } = workspace();
    expect(podj('report', '--out', 'x.html')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: no journal at .*\n$/) });
    expect(podj('replay', join(REPO, 'journal/bad-image.yaml')).code).toBe(0);
    const cases: [string[], RegExp][] = [
      [['--from', 'yesterday'], /^error: --from: .*yesterday.*\n$/],
      [['-l', 'app in (a'], /^error: --selector: .*\n$/],
      [['--from', '+2m', '--to', '+1m'], /^error: --from \S+ is after --to \S+\n$/],
    ];
    for (const [args, stderr] of cases) {
      const run = podj('report', ...args, '--out', 'x.html');
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 2, stderr: expect.stringMatching(stderr) });
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it("answers a name no pod in scope held as get pods NAME does: kubectl's NotFound line per name, exit 1, no file", () => {
    const { dir, podj } = workspace();
    expect(podj('replay', join(REPO, 'journal/crashloop-memleak.yaml')).code).toBe(0);
    const cases: string[][] = [['nosuch'], ['memleak-pod', 'nosuch', 'other'], ['memleak-pod', '-n', 'kube-system'], ['memleak-pod', '-l', 'app=nothing']];
    for (const args of cases) {
      const get = podj('get', 'pods', ...args);
      const report = podj('report', ...args, '--out', 'x.html');
      expect({ args, code: report.code, stdout: report.stdout, stderr: report.stderr }).toEqual({ args, code: 1, stdout: '', stderr: get.stderr });
      expect(get.stderr).toMatch(/^(Error from server \(NotFound\): pods "\S+" not found\n)+$/);
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    expect(podj('report', 'memleak-pod', '--out', 'x.html').code).toBe(0);
  });

  it('refuses an --out it cannot write: one line naming the path as given, exit 2, nothing written', () => {
    const { dir, podj } = workspace();
    expect(podj('replay', join(REPO, 'journal/crashloop-memleak.yaml')).code).toBe(0);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'plain'), '');
    const cases: [string, string][] = [
      ['folder', 'error: --out folder: is a folder\n'],
      [join(dir, 'folder'), `error: --out ${join(dir, 'folder')}: is a folder\n`],
      ['nodir/r.html', 'error: --out nodir/r.html: no such folder nodir\n'],
      ['plain/r.html', 'error: --out plain/r.html: plain is not a folder\n'],
    ];
    for (const [out, stderr] of cases) expect({ out, ...podj('report', '--out', out) }).toEqual({ out, code: 2, stdout: '', stderr });
    const locked = whileUnwritable(join(dir, 'folder'), () => podj('report', '--out', 'folder/r.html'));
    if (locked !== undefined) expect(locked).toEqual({ code: 2, stdout: '', stderr: `error: --out folder/r.html: cannot write in folder folder (${refusedWrite})\n` });
    writeFileSync(join(dir, 'kept.html'), 'evidence');
    const kept = whileUnwritable(join(dir, 'kept.html'), () => podj('report', '--out', 'kept.html'));
    if (kept !== undefined) expect(kept).toEqual({ code: 2, stdout: '', stderr: `error: --out kept.html: ${refusedWrite}\n` });
    expect(readFileSync(join(dir, 'kept.html'), 'utf8')).toBe('evidence');
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });
});

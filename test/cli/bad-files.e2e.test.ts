/**
 * Files a user hands podj as they come: a gzip-compressed export (whole or cut short), a folder holding YAML
 * the parser warns about, a manifest or scenario with a YAML syntax error. Each is read, or refused in one line
 * naming the file and where, and the journal keeps every record.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { realFixture, sample, workspace } from './podj.js';

/** An export of a replayed sample incident, and its head line. */
const exported = (): { readonly text: string; readonly head: string } => {
  const source = workspace();
  source.podj('replay', sample('two-containers'));
  return { text: source.podj('export').stdout, head: source.podj('verify').stdout.split('\n')[0] ?? '' };
};

describe('a gzip-compressed export', () => {
  it('imports as the export does (it was detected as an export, then read raw: "not a podjournal export header: is not JSON")', () => {
    const { podj, dir } = workspace();
    const { text, head } = exported();
    writeFileSync(join(dir, 'incident.export.gz'), gzipSync(text));
    expect(podj('import', 'incident.export.gz')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^incident\.export\.gz: podjournal export, 18 records \(restored\)\n/) });
    expect(podj('verify').stdout.split('\n')[0]).toBe(head);
  });

  it('cut short: refused naming the file (it named no file), and nothing is imported', () => {
    const { podj, dir, journal } = workspace();
    const { text } = exported();
    const whole = gzipSync(text);
    writeFileSync(join(dir, 'cut.export.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    expect(podj('import', 'cut.export.gz')).toEqual({ code: 2, stdout: '', stderr: 'error: cut.export.gz: gzip: unexpected end of file\n' });
    expect(existsSync(journal)).toBe(false);
  });
});

describe('a folder holding YAML the parser warns about', () => {
  it('its files of other kinds are counted in one line, without the parser\'s warnings (Node printed "YAMLWarning: Alias ending in : is ambiguous", four lines each)', () => {
    const { podj, dir } = workspace();
    mkdirSync(join(dir, 'bundle'));
    writeFileSync(join(dir, 'bundle', 'pods.json'), readFileSync(realFixture('crash-loop-pods.json')));
    // an X resource file, as /etc/X11/app-defaults holds them
    writeFileSync(join(dir, 'bundle', 'xterm.yaml'), '*ShapeStyle: Oval\n*allowShellResize: true\n');
    const r = podj('import', 'bundle');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((line) => !line.startsWith('head '))).toEqual(['bundle: 1 file of other kinds not imported (bundle/xterm.yaml)', '']);
  });
});

describe('a YAML syntax error', () => {
  it('a manifest and a scenario name the line and the column of the fault, and nothing is written', () => {
    const { podj, dir } = workspace();
    const podYaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n   bad: [\n';
    writeFileSync(join(dir, 'pod.yaml'), podYaml);
    writeFileSync(join(dir, 'incident.yaml'), `start: 2026-01-18T12:00:00Z\nuntil: 5m\nnodes:\n  - name: n1\n   bad: [\n`);
    expect(podj('apply', '-f', 'pod.yaml')).toEqual({ code: 2, stdout: '', stderr: 'error: pod.yaml:9: Sequence item without - indicator (column 1)\n' });
    expect(podj('simulate', 'incident.yaml')).toEqual({ code: 2, stdout: '', stderr: 'error: incident.yaml:5: Sequence item without - indicator (column 1)\n' });
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });
});

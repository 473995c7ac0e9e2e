/**
 * `podj import -` reads stdin, as `kubectl apply -f -` does: `kubectl get pods -A -o json | podj import -`.
 * Its content decides as a file's does (gzip too); it is named `stdin` in tallies and errors.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO, realFixture, workspace } from './podj.js';

const BIN = join(REPO, 'dist/podj/bin.js');

/** podj with `input` on its stdin, in the workspace's journal. */
const piped = (journal: string, input: Buffer | string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--journal', journal], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('podj import -', () => {
  const watch = readFileSync(realFixture('rolling-update-pods.watch.jsonl'));

  it('imports a watch stream from stdin, plain or gzip, as from its file', () => {
    const fromFile = workspace();
    expect(fromFile.podj('import', realFixture('rolling-update-pods.watch.jsonl')).code).toBe(0);
    for (const input of [watch, gzipSync(watch)]) {
      const { journal, podj } = workspace();
      const r = piped(journal, input, 'import', '-');
      expect(r.code, r.stderr).toBe(0);
      // 33: every object is a capture of its own (its resourceVersion, which a capture keeps)
      expect(r.stdout).toMatch(/^stdin: watch, read 33 documents: 33 imported, 0 already present, 0 skipped; 84 events\n/);
      expect(podj('get', 'pods', '-A', '-o', 'json').stdout).toBe(fromFile.podj('get', 'pods', '-A', '-o', 'json').stdout);
    }
  });

  it('names stdin in errors: a bad line, nothing at all, an export (read twice, so only from its file)', () => {
    const { journal, podj } = workspace();
    expect(piped(journal, '{"type":"ADDED","object":{\n', 'import', '-')).toMatchObject({ code: 2, stderr: 'error: stdin:1: invalid JSON: the input ends inside an object\n' });
    expect(piped(journal, '', 'import', '-')).toMatchObject({ code: 2, stderr: 'error: stdin: unknown format: no document in it\n' });
    const from = workspace();
    expect(from.podj('import', realFixture('rolling-update-pods.watch.jsonl')).code).toBe(0);
    expect(piped(journal, from.podj('export').stdout, 'import', '-')).toMatchObject({
      code: 2,
      stderr: 'error: stdin: a podjournal export is imported from its file (podj import FILE), not from stdin\n',
    });
    // three refused imports: no journal made
    expect(podj('get', 'pods', '-A').stderr).toBe(`error: no journal at ${journal} (pass --journal DIR or set PODJ_JOURNAL)\n`);
  });
});

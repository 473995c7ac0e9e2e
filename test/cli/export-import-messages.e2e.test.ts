/** Issue 14 item 10: an error importing a podjournal export reads `file:N: why`, like every import error. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { realFixture, workspace } from './podj.js';

it('a broken export names its file and line', () => {
  const from = workspace();
  expect(from.podj('import', realFixture('argo-pod-crashloop.yaml')).code).toBe(0);
  const exported = from.podj('export').stdout.split('\n');
  // Line 3 claims to be record 7: the chain no longer follows.
  exported[2] = (exported[2] ?? '').replace('"seq":2', '"seq":7');
  const to = workspace();
  const file = join(to.dir, 'broken.jsonl');
  writeFileSync(file, exported.join('\n'));
  const r = to.podj('import', file);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `error: ${file}:3: record 7 does not follow record 1\n` });
  expect(readFileSync(file, 'utf8')).toContain('"seq":7');
});

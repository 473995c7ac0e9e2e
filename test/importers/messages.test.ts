/** Issue 14 item 10: every refused document is one line, `file:line: why`, short, with control characters escaped. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/index.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The problems importing `text` gives, each a line of its own. */
const problems = async (name: string, text: string): Promise<{ file: string; lines: readonly string[] }> => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-msg-'));
  dirs.push(dir);
  const file = join(dir, name);
  await writeFile(file, text);
  const r = await importFiles([file]);
  return { file, lines: E.isLeft(r) ? r.left : [] };
};

describe('import messages', () => {
  it('a malformed pretty-printed JSON document is one line, whatever the parser quotes', async () => {
    const { file, lines } = await problems('bad.json', '{"kind": "PodList", "items": [\n{"a": }\n]}\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: invalid JSON: `));
    expect(lines[0]).not.toMatch(/\n/);
  });

  it('a YAML alias bomb names the file and the line, once', async () => {
    const levels = ['a: &a [1, 2]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    const { file, lines } = await problems('bomb.yaml', `${levels.join('\n')}\n`);
    expect(lines).toEqual([`${file}:1: invalid YAML: Excessive alias count indicates a resource exhaustion attack`]);
  });

  it('a huge bad value is shortened, and control characters in it are escaped', async () => {
    const pod = { kind: 'Pod', metadata: { name: 'x', uid: 'u' }, spec: { containers: [{ name: 'a' }] }, status: { phase: `Run\u0001\u001b[31m${'y'.repeat(100_000)}` } };
    const { lines } = await problems('huge.jsonl', `${JSON.stringify(pod)}\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBeLessThan(400);
    expect(lines[0]).toContain('Run\\u0001\\u001b[31m');
    expect(lines[0]).not.toMatch(/[\u0000-\u001f]/);
  });

  it('a broken JSON line that quotes control characters is escaped too', async () => {
    const { lines } = await problems('ctl.jsonl', '{"type": "ADDED", "object": {\u0007bad}}\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f]/);
  });
});

/**
 * Compressed inputs: the API server gzips rotated audit logs (`--audit-log-compress`), and captures travel as
 * `.gz`. A gzip file is recognised by its content (RFC 1952's magic bytes), whatever its name, and imports as
 * its text does; a truncated or corrupt archive is refused with one line naming the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/index.js';
import { imported, ours, real, withoutSourceLines } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'podj-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `source` gzipped under `name` (two gzip members when `members` is 2: rotated logs are often concatenated). */
const gzipped = (source: string, name: string, members = 1): string => {
  const text = readFileSync(source);
  const half = Math.floor(text.length / 2);
  const bytes = members === 1 ? gzipSync(text) : Buffer.concat([gzipSync(text.subarray(0, half)), gzipSync(text.subarray(half))]);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('gzip-compressed inputs', () => {
  it.each([
    ['a watch stream', real('rolling-update-pods.watch.jsonl'), 'pods.watch.jsonl.gz', 1],
    ['an audit log in two gzip members, named without .gz', ours('pod-life.audit.jsonl'), 'audit.log.1', 2],
    ['a YAML PodList', real('newrelic-minikube-v1.35-pods.yaml'), 'pods.yaml.gz', 1],
  ] as const)('%s imports to the events its text gives', async (_what, source, name, members) => {
    const plain = await imported([source]);
    const compressed = await imported([gzipped(source, name, members)]);
    expect(plain.events.length).toBeGreaterThan(0);
    expect(withoutSourceLines(compressed.events)).toEqual(withoutSourceLines(plain.events));
    expect(compressed.files.map((f) => f.format)).toEqual(plain.files.map((f) => f.format));
  });

  it('refuses a truncated archive with one line naming the file', async () => {
    const whole = readFileSync(gzipped(real('rolling-update-pods.watch.jsonl'), 'whole.gz'));
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await importFiles([truncated]);
    expect(E.isLeft(result) && result.left).toEqual([`${truncated}: gzip: unexpected end of file`]);
  });

  it('refuses bytes that start as gzip but are not, with one line naming the file', async () => {
    const corrupt = join(dir, 'corrupt.gz');
    writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02, 0x03]));
    const result = await importFiles([corrupt]);
    expect(E.isLeft(result) && result.left).toEqual([`${corrupt}: gzip: unknown compression method`]);
  });
});

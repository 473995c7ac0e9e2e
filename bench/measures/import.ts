/**
 * `podj import` of a large audit log, as a user runs it (the built CLI under GNU time for its peak RSS).
 * The log is generated deterministically from one recorded pod life (`test/fixtures/import/pod-life.audit.jsonl`):
 * copy k is pod `flaky-api-k` with its own uid on node `worker-(k mod 50)` (and that node's uid), every auditID suffixed with `-k`, shifted k × 50 ms; copies are written
 * in blocks of 100 sorted by time, and a life outlasts a block, so the file is mostly, not wholly, time-ordered.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TierName } from '../../src/generator/index.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { seconds } from '../lib/stats.js';

const BIN = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));
const LIFE = fileURLToPath(new URL('../../test/fixtures/import/pod-life.audit.jsonl', import.meta.url));
const TIME = '/usr/bin/time';
const SIZE_MB: Record<TierName, number> = { S: 30, M: 300, L: 1000 };
const BLOCK = 100;
const STEP_MS = 50;

const TIMESTAMP = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z/g;

/** The instant shifted by `ms`, keeping its precision (whole seconds stay whole when the shift is). */
const shifted = (text: string, ms: number): string =>
  text.replace(TIMESTAMP, (_, whole: string, fraction: string | undefined) => {
    const digits = (fraction ?? '.').slice(1);
    const micros = Date.parse(`${whole}Z`) * 1000 + Number(digits.padEnd(6, '0').slice(0, 6)) + ms * 1000;
    const base = new Date(Math.floor(micros / 1e6) * 1000).toISOString().slice(0, 19);
    if (digits.length === 0) return `${base}Z`;
    return `${base}.${String(micros % 1e6).padStart(6, '0').slice(0, digits.length)}Z`;
  });

const copyOf = (lines: readonly string[], k: number): Array<{ at: string; line: string }> =>
  lines.map((line) => {
    const text = shifted(line, k * STEP_MS)
      .replaceAll('flaky-api', `flaky-api-${k}`)
      .replaceAll('5b0c7f1e-2d4a-4f8e-9c3b-7a1d2e6f8b90', `5b0c7f1e-2d4a-4f8e-9c3b-${k.toString(16).padStart(12, '0')}`)
      .replaceAll('0e6f2a94-51c3-4b7d-8f26-3c9d1a7e5b40', `0e6f2a94-51c3-4b7d-8f26-${(k % 50).toString(16).padStart(12, '0')}`)
      .replaceAll('worker-1', `worker-${k % 50}`)
      .replace(/"auditID":"([^"]+)"/, `"auditID":"$1-${k}"`);
    return { at: /"stageTimestamp":"([^"]+)"/.exec(text)?.[1] ?? '', line: text };
  });

/** Writes the log (untimed); returns its size in bytes and the pods in it. */
const writeLog = async (file: string, bytes: number): Promise<{ bytes: number; pods: number }> => {
  const life = readFileSync(LIFE, 'utf8').split('\n').filter((l) => l !== '');
  const out = createWriteStream(file);
  let written = 0;
  let k = 0;
  while (written < bytes) {
    const block = Array.from({ length: BLOCK }, (_, i) => copyOf(life, k + i)).flat();
    block.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    const text = block.map((b) => `${b.line}\n`).join('');
    written += Buffer.byteLength(text);
    k += BLOCK;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { bytes: written, pods: k };
};

export const importAudit = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'MB/s', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  const file = join(a.dataDir, 'audit.jsonl');
  const journal = join(a.dataDir, 'imported');
  rmSync(journal, { recursive: true, force: true });
  const log = await writeLog(file, SIZE_MB[a.tier] * 1e6);
  const t0 = performance.now();
  const run = spawnSync(TIME, ['-f', 'maxrss=%M', BIN, 'import', file, '--journal', journal], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = seconds(t0);
  rmSync(file, { force: true });
  if (run.status !== 0) throw new Error(`podj import exited ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const kib = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
  const appended = Number(/imported (\d+) new events/.exec(run.stdout)?.[1]);
  rmSync(journal, { recursive: true, force: true });
  return {
    value: log.bytes / 1e6 / wall,
    unit: 'MB/s',
    details: { logMB: log.bytes / 1e6, pods: log.pods, events: appended, seconds: wall },
    // The RSS is the CLI's own (GNU time), not this process's.
    rssMiB: kib / 1024,
    anonMiB: Number.NaN,
  };
};

/**
 * `podj report` at the tier's size: writing the file (the built CLI, as a user runs it), its size, and in
 * Debian's Chromium the time until the page is drawn and the median time for cursor A to answer (the
 * `get pods --at` panel filled and the lanes redrawn) at instants across the incident.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../../test/support/chromium.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { median, quantile, seconds } from '../lib/stats.js';
import { journalDir } from './journal.js';

const BIN = fileURLToPath(new URL('../../dist/podj/bin.js', import.meta.url));

/** In the page: cursor A at 20 instants across the incident, each timed from the call to the next frame. */
const CURSOR_TIMES = `(async () => {
  const api = window.podjReport;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const answers = [];
  for (let i = 1; i <= 20; i++) {
    await frame();
    const start = performance.now();
    api.setCursor(api.first + ((api.last - api.first) * i) / 21);
    answers.push((await frame()) - start);
  }
  return answers;
})()`;

export const report = async (a: MeasureArgs): Promise<Measured> => {
  if (!existsSync(BIN)) return { unit: 'ms', details: {}, rssMiB: 0, pending: 'dist/podj/bin.js missing: run `npm run build` first' };
  const out = join(a.dataDir, 'report.html');
  const t0 = performance.now();
  const run = spawnSync(BIN, ['report', '-A', '--journal', journalDir(a), '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`podj report exited ${run.status}: ${run.stderr.trim()}`);
  const writeSeconds = seconds(t0);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const opened = performance.now();
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
    const openMs = performance.now() - opened;
    // Sent as text: tsx would wrap a function's inner names in a helper the page does not have.
    const times = (await page.evaluate(CURSOR_TIMES)) as number[];
    return {
      value: median(times),
      unit: 'ms',
      details: { openMs, p95Ms: quantile(times, 0.95), writeSeconds, fileMB: statSync(out).size / 1e6 },
      rssMiB: Number.NaN,
      anonMiB: Number.NaN,
    };
  } finally {
    await browser.close();
  }
};

/**
 * Where a replay's JavaScript time goes, without LevelDB: a tier's events sealed into the very strings the
 * journal stores (canonical JSON, chained), then, alternating over `--rounds N` (default 5), the CPU time of
 * `JSON.parse` alone, of `readRecord` (parse + check), of `readRecord` plus the fold (`foldPages` over
 * pages of 1,000), and of the same with the observations left unread (`TimeQuery.skipTypes`), as replay does. `npx tsx bench/probes/replay-split.ts --tier M [--values FILE] [--only NAME]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TierName } from '../../src/generator/index.js';
import { canonical } from '../../src/journal/canonical.js';
import { recordKey } from '../../src/journal/keys.js';
import { GENESIS_HASH, readRecord, seal } from '../../src/journal/record.js';
import { skipping } from '../../src/journal/scan.js';
import { foldPages } from '../../src/reducers/index.js';
import { observationTypes } from '../../src/events/index.js';
import type { Event } from '../../src/events/index.js';
import { tierEvents } from '../fold/inputs.js';
import { median } from '../lib/stats.js';

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const tier = option('tier', 'M') as TierName;
const rounds = Number(option('rounds', '5'));

/** The stored values, one a line in `--values FILE` if given (written on the first run), so that profiles show the replay, not the generator. */
const sealedValues = (): string[] => {
  const file = option('values', '');
  if (file !== '' && existsSync(file)) return readFileSync(file, 'utf8').split('\n').slice(0, -1);
  const values: string[] = [];
  let prev = GENESIS_HASH;
  for (const [i, e] of tierEvents(tier).entries()) {
    const sealed = seal(prev, i + 1, e.at, canonical(e));
    values.push(sealed.stored);
    prev = sealed.hash;
  }
  if (file !== '') writeFileSync(file, values.map((v) => `${v}\n`).join(''));
  return values;
};
const values = sealedValues();

const cpuMs = async (f: () => unknown): Promise<number> => {
  const t0 = process.cpuUsage();
  await f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
};

async function* pages(): AsyncGenerator<Event[]> {
  for (let i = 0; i < values.length; i += 1000) yield values.slice(i, i + 1000).map((v, j) => readRecord(v, recordKey(i + j + 1)).event);
}

// As replay reads: the observations left unread (`TimeQuery.skipTypes`).
const skip = skipping(observationTypes);
async function* unskippedPages(): AsyncGenerator<Event[]> {
  for (let i = 0; i < values.length; i += 1000) {
    const page: Event[] = [];
    for (let j = i; j < Math.min(i + 1000, values.length); j++) {
      const v = values[j] ?? '';
      if (skip?.(v) !== true) page.push(readRecord(v, recordKey(j + 1)).event);
    }
    yield page;
  }
}

const measures: Record<string, () => unknown> = {
  'JSON.parse': () => {
    for (const v of values) JSON.parse(v);
  },
  readRecord: () => {
    for (const [i, v] of values.entries()) readRecord(v, recordKey(i + 1));
  },
  'readRecord + fold': () => foldPages(pages()),
  'skip + read + fold': () => foldPages(unskippedPages()),
};

// `--only NAME` measures one of them (to profile it alone)
const only = option('only', '');
const times: Record<string, number[]> = {};
for (let r = 0; r < rounds; r++) for (const [name, f] of Object.entries(measures)) if (only === '' || only === name) (times[name] ??= []).push(await cpuMs(f));
console.log(`tier ${tier}: ${values.length} records, ${rounds} rounds, median CPU`);
for (const [name, ts] of Object.entries(times)) console.log(`${name.padEnd(20)} ${median(ts).toFixed(0).padStart(6)} ms  ${((median(ts) * 1000) / values.length).toFixed(2)} µs/record`);

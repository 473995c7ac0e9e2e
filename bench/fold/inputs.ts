/** The fold benchmark's inputs, held in memory: a generated tier, or every sample scenario in `journal/`. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../../src/events/index.js';
import { generateChunks, type TierName } from '../../src/generator/index.js';
import { renderScenarioError, runScenario } from '../../src/scenario/index.js';

const SAMPLES = join(import.meta.dirname, '../../journal');

/** A tier's whole journal, seed as the benchmarks use it. */
export const tierEvents = (tier: TierName): Event[] => {
  const events: Event[] = [];
  for (const chunk of generateChunks({ tier })) for (const e of chunk) events.push(e);
  return events;
};

/** Each sample scenario's events, by file name (manifests read relative to `journal/`). */
export const scenarioEvents = (): [string, Event[]][] => {
  const read = (path: string): E.Either<string, string> => E.tryCatch(() => readFileSync(join(SAMPLES, path), 'utf8'), String);
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml')).sort();
  return files.map((file) => {
    const events = runScenario(readFileSync(join(SAMPLES, file), 'utf8'), file, read);
    if (E.isLeft(events)) throw new Error(renderScenarioError(events.left));
    return [file, events.right];
  });
};

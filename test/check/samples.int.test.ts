/** Every sample scenario in journal/, simulated into a real LevelDB journal, passes every check. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { renderViolation } from '../../src/check/index.js';
import { checkStoredJournal } from '../../src/check/run.js';
import { renderScenarioError, runScenario } from '../../src/scenario/index.js';
import { tempJournal } from '../support/temp-journal.js';

const SAMPLES = join(import.meta.dirname, '../../journal');
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'));

const read = (path: string): E.Either<string, string> => E.tryCatch(() => readFileSync(join(SAMPLES, path), 'utf8'), String);

describe('podj check over the samples', () => {
  it('has samples to check', () => expect(samples.length).toBeGreaterThan(10));

  it.each(samples)('%s has no violations', async (file) => {
    const events = runScenario(readFileSync(join(SAMPLES, file), 'utf8'), file, read);
    if (E.isLeft(events)) throw new Error(renderScenarioError(events.left));
    const journal = await tempJournal();
    await journal.append(events.right, { expectedSeq: 0 });
    const report = await checkStoredJournal(journal);
    expect(report.violations.map(renderViolation)).toEqual([]);
    expect(report.records).toBe(events.right.length);
  });
});

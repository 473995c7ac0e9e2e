/**
 * How every property runs: a fixed seed and a run count for `npm test`, both overridable for deeper runs
 * (`npm run properties -- --runs N --seed S`); a failure reports the seed, the shrunk counterexample and,
 * when the counterexample holds a generated scenario, the scenario file `podj replay` reproduces it from.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Scenario } from '../arbitraries/scenarios.js';

/** The seed `npm test` uses; `PODJ_PROPERTY_SEED` overrides it. */
export const DEFAULT_SEED = 20261123;

const envNumber = (name: string): number | undefined => {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? undefined : Number(raw);
};

/** Where failing scenarios are written (git-ignored). */
const COUNTEREXAMPLES = join('reports', 'counterexamples');

const scenariosIn = (value: unknown): Scenario[] =>
  value instanceof Scenario ? [value] : Array.isArray(value) ? value.flatMap(scenariosIn) : [];

const writeScenarios = (name: string, seed: number, counterexample: unknown): string[] => {
  const found = scenariosIn(counterexample);
  if (found.length === 0) return [];
  mkdirSync(COUNTEREXAMPLES, { recursive: true });
  return found.map((s, i) => {
    const file = join(COUNTEREXAMPLES, `${name}-seed${seed}${found.length > 1 ? `-${i}` : ''}.yaml`);
    writeFileSync(file, `# property ${name} fails on this scenario (seed ${seed}); reproduce with: podj replay ${file}\n${s.yaml}`);
    return file;
  });
};

/**
 * Checks `property` with the suite's seed, `runs` runs by default (`PODJ_PROPERTY_RUNS` overrides every
 * count; `PODJ_PROPERTY_SCALE` scales them, for mutation testing), and throws a report naming the seed,
 * the counterexample and any scenario file written.
 */
export const holds = async <Ts extends unknown[]>(
  name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  runs: number,
): Promise<void> => {
  const seed = envNumber('PODJ_PROPERTY_SEED') ?? DEFAULT_SEED;
  const numRuns = envNumber('PODJ_PROPERTY_RUNS') ?? Math.max(5, Math.round(runs * (envNumber('PODJ_PROPERTY_SCALE') ?? 1)));
  const details = await fc.check(property, { seed, numRuns });
  if (!details.failed) return;
  const files = writeScenarios(name, seed, details.counterexample);
  const replay = files.map((f) => `scenario written: ${f} (reproduce: podj replay ${f})`);
  const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error([`property ${name} failed (seed ${seed}, path ${details.counterexamplePath ?? '?'})`, why, fc.defaultReportMessage(details) ?? '', ...replay].join('\n'));
};

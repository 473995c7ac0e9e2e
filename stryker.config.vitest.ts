/**
 * The tests `npm run mutation` runs against each mutant: the unit tests of the code under mutation
 * (eviction, phase, reducers, engine, checks) and the properties that state its rules directly (eviction,
 * back-off). The other engine-level properties run whole scenarios and would make every mutant cost minutes.
 * `MUTATION_TESTS` (comma-separated globs) narrows the set for a narrower `MUTATE`.
 */
import { defineConfig } from 'vitest/config';

const all = [
  'test/eviction/**/*.test.ts',
  'test/reducers/**/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/check/**/*.test.ts',
  'properties/eviction.test.ts',
  'properties/eviction-keys.test.ts',
  'properties/phase.test.ts',
  'properties/backoff.test.ts',
];

export default defineConfig({
  test: {
    include: process.env['MUTATION_TESTS']?.split(',') ?? all,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});

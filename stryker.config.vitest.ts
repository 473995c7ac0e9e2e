/**
 * The tests `npm run mutation` runs against each mutant: the unit tests and properties of the code under
 * mutation (eviction, phase, reducers, engine, checks), not the printers', importers', CLI or benchmarks'.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/eviction/**/*.test.ts',
      'test/reducers/**/*.test.ts',
      'test/engine/**/*.test.ts',
      'test/check/**/*.test.ts',
      'properties/**/*.test.ts',
    ],
    // storage properties test the journal, not the rules under mutation
    exclude: ['properties/journal.test.ts', 'properties/time-travel.test.ts', 'properties/codecs.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});

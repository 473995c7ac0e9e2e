// @ts-check
/**
 * `npm run mutation`: StrykerJS (9.x, the line that supports Node 20) over the eviction ranking, the phase
 * rules, the reducers' restart rules and the engine's back-off and lifecycle questions, killed by the tests
 * and properties of that code (stryker.config.vitest.ts; run counts scaled down by PODJ_PROPERTY_SCALE to
 * keep it under an hour on two cores). `MUTATE=src/eviction/**,src/k8s/phase.ts npm run mutation` narrows the scope. Not part of `npm test`.
 */
const scope = process.env.MUTATE?.split(',') ?? [
  'src/eviction/**/*.ts',
  'src/k8s/phase.ts',
  'src/reducers/restart.ts',
  'src/engine/backoff.ts',
  'src/engine/lifecycle.ts',
  '!src/**/index.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // every test of the set for every mutant: vitest's import graph misses no test then
  vitest: { configFile: 'stryker.config.vitest.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: scope,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // TypeScript 7 has no JS compiler API for Stryker's tsconfig rewriting; ours has no references to rewrite
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

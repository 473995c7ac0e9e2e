/** Init container invariants over engine journals: regular containers wait for every init container; init containers run one at a time, in order. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { scenario } from './arbitraries/scenarios.js';
import { check, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

describe('init containers', () => {
  it('init-containers-before-regular', async () => {
    await holds('init-containers-before-regular', fc.property(scenario(), scenarioClean(check('init-before-regular'))), 30);
  });

  it('init-containers-one-at-a-time-in-order', async () => {
    await holds('init-containers-one-at-a-time-in-order', fc.property(scenario(), scenarioClean(check('init-in-order'))), 30);
  });
});

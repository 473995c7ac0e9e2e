/** QoS invariant: status.qosClass never changes over a pod's life and always equals `qosClassOf(spec)`. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { rawCluster } from './arbitraries/events.js';
import { scenario } from './arbitraries/scenarios.js';
import { check, expectClean, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

describe('QoS class', () => {
  it('qos-class-constant-and-computed (engine)', async () => {
    await holds('qos-class-constant-and-computed', fc.property(scenario(), scenarioClean(check('qos-class'))), 25);
  });

  it('qos-class-constant-and-computed (reducers, raw sequences)', async () => {
    await holds('qos-class-constant-and-computed-raw', fc.property(rawCluster, (pods) => expectClean(pods.flatMap((p) => p.events), check('qos-class'))), 300);
  });
});

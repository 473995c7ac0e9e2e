/** `podj check` works on any journal: every check is total over raw, contradictory, out-of-order event sequences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJournal, entriesOf } from '../src/check/index.js';
import { rawCluster } from './arbitraries/events.js';
import { holds } from './support/property.js';

describe('podj check', () => {
  it('checks-total-over-any-journal', async () => {
    await holds('checks-total-over-any-journal', fc.property(rawCluster, (pods) => {
      const events = pods.flatMap((p) => p.events);
      const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (const v of checkJournal(entriesOf(sorted))) expect(v.evidence.length, `${v.check} names its records`).toBeGreaterThan(0);
    }), 300);
  });
});

/** Predicates over journals: no violation of a check, reported as the check prints it (rule, pod, records). */
import type { Event } from '../../src/events/index.js';
import { checkByName, entriesOf, observe, renderViolation, type Check, type Observed } from '../../src/check/index.js';
import type { Scenario } from '../arbitraries/scenarios.js';
import { journalOf } from './simulated.js';

/** Throws the rendered violations of `checks` over `events`, if any. */
export const expectClean = (events: readonly Event[], ...checks: readonly Check[]): void => {
  const observed = observe(entriesOf(events));
  const found = checks.flatMap((c) => c.run(observed));
  if (found.length > 0) throw new Error(found.map(renderViolation).join('\n'));
};

/** The same, over a generated scenario's journal. */
export const scenarioClean =
  (...checks: readonly Check[]) =>
  (s: Scenario): void =>
    expectClean(journalOf(s), ...checks);

/** A generated scenario's journal, observed. */
export const observedOf = (s: Scenario): Observed => observe(entriesOf(journalOf(s)));

/** The check named `name` (a typo fails the suite at once). */
export const check = (name: string): Check => {
  const found = checkByName.get(name);
  if (found === undefined) throw new Error(`no check named ${name}`);
  return found;
};

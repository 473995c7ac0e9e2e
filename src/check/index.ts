/**
 * `podj check`'s invariants over any journal, simulated or observed: pure checks over the records in
 * valid-time order, each naming its violations with the records that show them.
 */
import { isInferred } from '../events/index.js';
import { backoffBroken } from './backoff.js';
import { conditionsBroken, unboundNotPending } from './conditions.js';
import { evictionOrderBroken } from './eviction.js';
import { aliveAfterGrace } from './grace.js';
import { initOutOfOrder, regularBeforeInit } from './init-order.js';
import { observe, type Entry } from './observed.js';
import { probeKillEarly } from './probes.js';
import { qosClassChanged } from './qos.js';
import { restartCountDecreased } from './restart-count.js';
import { restartAfterSuccess, restartUnderNever } from './restart-policy.js';
import { restartAllUnasked } from './restart-all.js';
import { terminalPhaseLeft } from './terminal.js';
import type { Check, Violation } from './violation.js';

export { observe, entriesOf, type Entry, type Observed, type PodHistory, type PodStep } from './observed.js';
export { renderViolation, type Check, type Violation } from './violation.js';
export { evictionScenes, type EvictionScene } from './eviction-scene.js';
export { startsOf, type Start } from './instances.js';
export { MAX_BACKOFF_SECONDS, BACKOFF_RESET_MS } from './backoff.js';

/** Every check, in the order `podj check` reports them. */
export const checks: readonly Check[] = [
  terminalPhaseLeft,
  restartCountDecreased,
  restartUnderNever,
  restartAfterSuccess,
  restartAllUnasked,
  initOutOfOrder,
  regularBeforeInit,
  conditionsBroken,
  unboundNotPending,
  backoffBroken,
  probeKillEarly,
  qosClassChanged,
  aliveAfterGrace,
  evictionOrderBroken,
];

export const checkByName: ReadonlyMap<string, Check> = new Map(checks.map((c) => [c.name, c]));

/**
 * A violation is the recorded data contradicting a rule. One whose evidence includes an inferred event (an
 * import's guess at a time or a fact no source recorded) shows the guess, not the kubelet, and is not one.
 */
const recordedOnly = (v: Violation): boolean => v.evidence.every(({ event }) => !isInferred(event));

/** Runs every check over records in valid-time order. */
export const checkJournal = (entries: readonly Entry[]): Violation[] => {
  const observed = observe(entries);
  return checks.flatMap((c) => c.run(observed)).filter(recordedOnly);
};

/**
 * The fold's equality check: fingerprints of what the reducers compute on the S and M tiers and every
 * sample scenario, compared with `reference.json` (first recorded before the speed work, at f328ed6;
 * re-recorded from main at 4fb9726 on 2026-12-06, as rules and the kubelet view changed since; again at
 * 76f01cc on 2026-12-07: S, M and bad-image.yaml first differ at 85d9ac2, the ImagePullBackOff message's rule change,
 * found by bisection, and the samples added since are recorded; again on 2026-12-07 for the kubelet view's
 * `terminatingSynced` (pod_workers.go :: acknowledgeTerminating), the cases that differed then differing only by that
 * key: with it dropped from the JSON all matched the earlier record; again on 2026-12-07 on the stored scenario events for
 * the generation a pod's first graceful deletion bumps (registry/rest/delete.go :: BeforeDelete): with `generation` and
 * `observedGeneration` dropped from every state, all 30 cases matched the earlier code's; again on 2026-12-07 with the
scenarios' events re-recorded: 4 stored ones had drifted through intended engine changes (pod-deletions: a pull in
flight at 1f07163, a kill in flight at 42c9d77; prestop-shortened: 42c9d77; lifecycle-demo, native-sidecars and
pod-deletions: the final delete at the next relist, 445ba53), 5 gained the held-back status of a pod that finishes by
itself (the engine change recorded with it: a PodSynced with beforeKill, the rest equal but for sync numbers), 10 samples were added; tier S and M
unchanged; then for Initialized kept True once shown (GeneratePodInitializedCondition under the gate): only
restart-all-containers.yaml differed; then for TerminatePod's marks shown only from SyncTerminatedPod's PodSynced (terminated):
on the stored events crashloop-evicted.yaml and pod-deletions.yaml differed, whose re-recorded events gained that PodSynced). `npx tsx bench/fold/check.ts`
 * compares; `--write` records the current code's fingerprints.
 *
 * Per case: the events, every pod state after every event (`reducePod`, the state serialized whenever its
 * object changes), and the final `foldCluster` state (pods sorted by uid, then nodes), each a SHA-256 of
 * `JSON.stringify`, which is key-order sensitive. The scenarios' events are those the engine produced at
 * recording time (`scenarios.json`), so that engine changes do not show here; the tiers are generated
 * afresh, so a difference in `events` means the generator changed (re-record with the old reducers).
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../../src/events/index.js';
import { foldCluster, reducePod, type ClusterState, type PodState } from '../../src/reducers/index.js';
import { scenarioEvents, tierEvents } from './inputs.js';

interface Fingerprint {
  readonly events: string;
  readonly steps: string;
  readonly final: string;
}

const REFERENCE = join(import.meta.dirname, 'reference.json');
const SCENARIOS = join(import.meta.dirname, 'scenarios.json');
const writing = process.argv.includes('--write');

const line = (h: Hash, value: unknown): void => {
  h.update(JSON.stringify(value));
  h.update('\n');
};

/** Every pod's state after every event, without the cluster's name rule (a per-pod trace). */
const stepsHash = (events: readonly Event[]): string => {
  const h = createHash('sha256');
  const pods = new Map<string, PodState>();
  for (const [i, e] of events.entries()) {
    if (!('pod' in e)) continue;
    const before = pods.get(e.pod.uid);
    const after = reducePod(before, e);
    if (after === before) continue;
    if (after === undefined) pods.delete(e.pod.uid);
    else pods.set(e.pod.uid, after);
    line(h, [i, after ?? null]);
  }
  return h.digest('hex');
};

const finalHash = (state: ClusterState): string => {
  const h = createHash('sha256');
  for (const uid of [...state.pods.keys()].sort()) line(h, [uid, state.pods.get(uid)]);
  for (const name of [...state.nodes.keys()].sort()) line(h, [name, state.nodes.get(name)]);
  return h.digest('hex');
};

const fingerprint = (events: readonly Event[]): Fingerprint => {
  const h = createHash('sha256');
  for (const e of events) line(h, e);
  return { events: h.digest('hex'), steps: stepsHash(events), final: finalHash(foldCluster(events)) };
};

const scenarios = (): [string, Event[]][] => {
  if (!writing) return JSON.parse(readFileSync(SCENARIOS, 'utf8')) as [string, Event[]][];
  const recorded = scenarioEvents();
  writeFileSync(SCENARIOS, `${JSON.stringify(recorded)}\n`);
  return recorded;
};

const cases = (): [string, Event[]][] => [['tier S', tierEvents('S')], ['tier M', tierEvents('M')], ...scenarios()];

const current: Record<string, Fingerprint> = {};
for (const [name, events] of cases()) current[name] = fingerprint(events);

if (writing) {
  writeFileSync(REFERENCE, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`recorded ${Object.keys(current).length} cases in ${REFERENCE}`);
} else {
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Record<string, Fingerprint>;
  let differing = 0;
  for (const name of new Set([...Object.keys(reference), ...Object.keys(current)])) {
    const a = reference[name];
    const b = current[name];
    const parts = (['events', 'steps', 'final'] as const).filter((k) => a?.[k] !== b?.[k]);
    if (parts.length > 0) differing++;
    console.log(`${parts.length === 0 ? 'same     ' : 'DIFFERENT'} ${name}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`);
  }
  if (differing > 0) process.exitCode = 1;
}

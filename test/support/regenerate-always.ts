/**
 * The reference for `properties/regenerate-less.test.ts` and its fixed counterexamples: a fold that regenerates a
 * pod's status at every event that may skip it (`mayRegenerate`), beside the fold itself.
 */
import { expect } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { FoldedPod, baseOf, reducePod, type PodState } from '../../src/reducers/index.js';
import { writerOf, writesNoMore } from '../../src/reducers/pod.js';
import { kubeletStatus } from '../../src/reducers/status.js';
import { podWith } from '../../src/reducers/pod-object.js';
import { apiTime } from '../../src/reducers/time.js';

/**
 * Events after which the fold may skip the regeneration while the pod's object stays (`pod.ts :: afterView`,
 * `published`): a container event, for a kubelet that writes at once (a capture, `PodObserved`, writes captured
 * times and order instead); a sync or a probe result for one that publishes at syncs.
 */
const mayRegenerate = (s: PodState, e: Event): boolean => (s.kubelet.syncs ? e.type === 'PodSynced' || e.type === 'ProbeResultChanged' : 'container' in e);

/**
 * `reduced`, the state `before` became at `e`, with the status regenerated at `e` without skipping: from the
 * object before the event (which such an event does not change) and the view the kubelet shows after it. Once per
 * event: a second regeneration is not a no-op (a phase that just turned terminal makes the pod terminal). Not once
 * the kubelet wrote `TerminatePod`'s status (`writesNoMore`): it writes that pod's status no more.
 */
const regeneratedAt = (before: PodState, reduced: PodState, e: Event): PodState => {
  const k = reduced.kubelet;
  const shown = k.syncs ? k.published : k;
  if (!(reduced instanceof FoldedPod) || shown === undefined || !k.admitted || k.rejected !== undefined || k.nodeLost || !mayRegenerate(reduced, e) || writesNoMore(before)) return reduced;
  const base = baseOf(before);
  const generated = kubeletStatus(base, shown, apiTime(e.at), !k.syncs ? 'event' : writerOf(before, e));
  return new FoldedPod(generated.status === base.status ? base : podWith(base, base.metadata, base.spec, generated.status), k, generated);
};

/**
 * The pod as JSON, its conditions by type: a capture (`PodObserved`) may order them as the cluster showed, until
 * the kubelet's next write, which the fold that always regenerates makes sooner (a rule of when it writes, not of
 * what it decides).
 */
const shown = (s: PodState | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const pod: V1Pod = s.pod;
  const conditions = pod.status?.conditions?.slice().sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return JSON.stringify(conditions === undefined ? pod : { ...pod, status: { ...pod.status, conditions } });
};

/** Folds `events` both ways and compares every pod an event names, after each event. */
export const sameAfterEveryEvent = (events: readonly Event[]): void => {
  const fold = new Map<string, PodState>();
  const always = new Map<string, PodState>();
  for (const [i, e] of events.entries()) {
    if (!('pod' in e)) continue;
    const uid = e.pod.uid;
    const next = reducePod(fold.get(uid), e);
    const before = always.get(uid);
    const reduced = reducePod(before, e);
    const reference = reduced === undefined || before === undefined || reduced === before ? reduced : regeneratedAt(before, reduced, e);
    if (shown(next) !== shown(reference)) expect({ i, type: e.type, pod: shown(next) }).toEqual({ i, type: e.type, pod: shown(reference) });
    if (next === undefined) fold.delete(uid);
    else fold.set(uid, next);
    if (reference === undefined) always.delete(uid);
    else always.set(uid, reference);
  }
};


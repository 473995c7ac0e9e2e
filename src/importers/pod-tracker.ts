/**
 * The last known object of each pod in one source (a watch stream, a snapshot file, an audit log), so that
 * every new sighting is diffed against the one before it. Mutable on purpose: one per file, streamed through.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import type { CapturedCondition, PodRef, StatusField } from '../events/index.js';
import { envelopeAt, podRefOf } from './build.js';
import type { Imported, Origin } from './imported.js';
import { diffPod, kubeletConditionTypes } from './pod-differ.js';
import { latestKnownTime } from './pod-times.js';
import { shownFromCapture } from './shown-later.js';
import { listedByKubelet } from '../k8s/static-pods.js';
import { latest, maybeInstant } from './time.js';
import { unwrittenFieldsOf } from './unwritten-fields.js';

export interface PodTracker {
  readonly pods: Map<string, V1Pod>;
  /** Latest time seen per pod uid: a later sighting never goes back before it. */
  readonly times: Map<string, Instant>;
  /** The status fields the latest capture's kubelet did not write, per pod uid (absent: none, or not yet told). */
  readonly unwritten: Map<string, readonly StatusField[]>;
  /** The instant of each pod's latest capture, per pod uid. */
  readonly captured: Map<string, Instant>;
}

export const newPodTracker = (): PodTracker => ({ pods: new Map(), times: new Map(), unwritten: new Map(), captured: new Map() });

export interface Sighting {
  readonly pod: V1Pod;
  readonly origin: Origin;
  /** The write's own time (an audit line's stageTimestamp); absent for watch streams, which carry none. */
  readonly at?: Instant;
  /** This write created the pod: it is stamped with the write's time rather than the truncated creationTimestamp. */
  readonly creates?: boolean;
  /** The object is gone after this sighting (watch DELETED). */
  readonly removed?: boolean;
}

/** The object's conditions with their transition times, reasons and messages (those without a time, stripped by the source, left out). */
const capturedConditions = (pod: V1Pod): CapturedCondition[] =>
  (pod.status?.conditions ?? []).flatMap((c) => {
    const at = maybeInstant(c.lastTransitionTime);
    return at === undefined ? [] : [{ type: c.type, status: c.status, lastTransitionTime: at, reason: c.reason ?? '', message: c.message ?? '' }];
  });

/**
 * The containers the object shows restarted, running or terminated, with no last termination (the runtime no
 * longer lists the earlier instance): their status shows no `lastState` then, whatever earlier run the import
 * placed. A container waiting to restart is left out: its crashed run is the one its status stands for.
 */
const withoutLastState = (pod: V1Pod): string[] =>
  [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].flatMap((c) =>
    (c.restartCount ?? 0) > 0 && c.lastState?.terminated == null && c.state?.waiting == null && (c.state?.running != null || c.state?.terminated != null) ? [c.name] : [],
  );

/**
 * The status fields the kubelet (or scheduler) of `pod` did not write, as the capture records them: only when
 * some field is or was unwritten (`[]` then: it writes them all again), so a capture of v1.36's kubelet records
 * what it always did.
 */
const toldUnwritten = (tracker: PodTracker, uid: string, pod: V1Pod): StatusField[] | undefined => {
  const before = tracker.unwritten.get(uid) ?? [];
  const unwritten = unwrittenFieldsOf(pod, before);
  if (unwritten.length > 0) tracker.unwritten.set(uid, unwritten);
  else tracker.unwritten.delete(uid);
  return unwritten.length > 0 || before.length > 0 ? unwritten : undefined;
};

/**
 * The status's `observedGeneration` when it is behind the object's `generation`: the write that bumped the generation
 * (a graceful deletion) was the API server's, and the kubelet had not written a status since.
 */
const observedBehind = (pod: V1Pod): { readonly observedGeneration?: number } => {
  const observed = pod.status?.observedGeneration;
  return observed === undefined || pod.metadata.generation === undefined || observed === pod.metadata.generation ? {} : { observedGeneration: observed };
};

/** The object's `resourceVersion`, unless a kubelet listed it (its `/pods` keeps the version of the object it received). */
const servedVersion = (pod: V1Pod): { readonly resourceVersion?: string } => {
  const version = pod.metadata.resourceVersion;
  return version === undefined || version === '' || listedByKubelet(pod.metadata.annotations) ? {} : { resourceVersion: version };
};

/** The events explaining how the pod got from its last known state to this one. */
export const observePod = (tracker: PodTracker, s: Sighting): E.Either<string, Imported[]> => {
  const ref = podRefOf(s.pod);
  if (ref === undefined) return E.left('metadata.uid: is required (pods are told apart by uid)');
  const created = s.pod.metadata.creationTimestamp;
  if (created != null && maybeInstant(created) === undefined) {
    return E.left(`metadata.creationTimestamp: ${JSON.stringify(created)} is not an RFC 3339 time`);
  }
  const stated = s.at ?? latestKnownTime(s.pod);
  const fallback = latest([stated, s.at === undefined ? tracker.times.get(ref.uid) : undefined]);
  if (fallback === undefined) return E.left('metadata.creationTimestamp: is required (a watch stream carries no time of its own)');
  const facts = diffPod({ pod: ref, before: tracker.pods.get(ref.uid), after: s.pod, fallback, origin: s.origin, ...(s.creates === true && s.at !== undefined && { writtenAt: s.at }) });
  const events = shownFromCapture(facts, tracker.captured.get(ref.uid), fallback);
  tracker.times.set(ref.uid, latest([fallback, ...events.map((e) => e.event.at)]) ?? fallback);
  // The capture itself: at the latest time the object states (the audit line's time), else after the sighting before.
  const conditionTypes = kubeletConditionTypes(s.pod);
  const conditions = capturedConditions(s.pod);
  const unshown = withoutLastState(s.pod);
  const unwrittenFields = toldUnwritten(tracker, ref.uid, s.pod);
  const capture = {
    type: 'PodObserved' as const,
    ...envelopeAt(fallback, 'api'),
    pod: ref,
    ...(conditionTypes !== undefined && { conditionTypes }),
    ...(conditions.length > 0 && { conditions }),
    ...(unshown.length > 0 && { withoutLastState: unshown }),
    ...(unwrittenFields !== undefined && { unwrittenFields }),
    ...(s.pod.status?.resources != null && { resources: s.pod.status.resources }),
    ...observedBehind(s.pod),
    ...servedVersion(s.pod),
    ...((s.pod.status?.nominatedNodeName ?? '') !== '' && { nominatedNodeName: s.pod.status?.nominatedNodeName }),
  };
  events.push({ event: capture, origin: s.origin, certainty: stated === fallback ? 'exact' : 'inferred' });
  return E.right(afterCapture(tracker, s, ref, withUnwrittenBefore(events, unwrittenFields), fallback));
};

/**
 * The statuses before the first capture were written by the same kubelet (and scheduler) as the captured one: the
 * creation and the admission this object gives carry the fields it did not write, so `--at` before the capture
 * shows none of them either.
 */
const withUnwrittenBefore = (events: Imported[], unwrittenFields: StatusField[] | undefined): Imported[] =>
  unwrittenFields === undefined || unwrittenFields.length === 0
    ? events
    : events.map((i) => (i.event.type === 'PodCreated' || i.event.type === 'PodAdmitted' ? { ...i, event: { ...i.event, unwrittenFields } } : i));

/** The tracker after the capture: the pod's removal when the sighting is its last, else the object kept. */
const afterCapture = (tracker: PodTracker, s: Sighting, ref: PodRef, events: Imported[], fallback: Instant): Imported[] => {
  if (s.removed === true) {
    tracker.pods.delete(ref.uid);
    tracker.unwritten.delete(ref.uid);
    tracker.captured.delete(ref.uid);
    return [...events, { event: { type: 'PodRemoved', ...envelopeAt(fallback, 'api'), pod: ref }, origin: s.origin, certainty: s.at === undefined ? 'inferred' : 'exact' }];
  }
  tracker.pods.set(ref.uid, s.pod);
  tracker.captured.set(ref.uid, fallback);
  return events;
};

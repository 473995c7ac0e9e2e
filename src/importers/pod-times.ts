/** The times a pod object itself records, for facts a watch stream or snapshot gives no time of their own. */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '../k8s/codecs.js';
import { everyContainerStatus, type ContainerState, type V1Pod } from '../k8s/pod.js';
import { latest, maybeInstant, plusMs } from './time.js';

/** `managedFields[].time` is not in our Pod codec (it keeps unknown fields): read it with its own. */
const ManagedTimes = t.type({ metadata: t.type({ managedFields: t.array(t.partial({ time: t.string })) }) });

/** When the deletion was requested: `deletionTimestamp` is that moment plus the grace period. */
export const deletionRequestedAt = (pod: V1Pod): Instant | undefined => {
  const deadline = maybeInstant(pod.metadata.deletionTimestamp);
  return deadline === undefined ? undefined : plusMs(deadline, -1000 * (pod.metadata.deletionGracePeriodSeconds ?? 0));
};

const stateTimes = (s: ContainerState | undefined): (Instant | undefined)[] => [
  maybeInstant(s?.running?.startedAt),
  maybeInstant(s?.terminated?.startedAt),
  maybeInstant(s?.terminated?.finishedAt),
];

/** Creation, start, condition transitions, and container starts and exits. */
const recordedTimes = (pod: V1Pod): (Instant | undefined)[] => {
  const status = pod.status ?? {};
  return [
    maybeInstant(pod.metadata.creationTimestamp),
    maybeInstant(status.startTime),
    ...(status.conditions ?? []).map((c) => maybeInstant(c.lastTransitionTime)),
    ...everyContainerStatus(status).flatMap((c) => [
      ...stateTimes(c.state),
      ...stateTimes(c.lastState),
    ]),
  ];
};

/**
 * The earliest moment the object shows: a static pod's mirror object is created in the API after the
 * kubelet started the pod (`creationTimestamp` later than `startTime` and the containers' starts), yet the
 * pod existed from its first fact on.
 */
export const earliestKnownTime = (pod: V1Pod): Instant | undefined => recordedTimes(pod).filter((i) => i !== undefined).sort()[0];

/**
 * The latest moment the object shows: creation, start, condition transitions, container starts and exits,
 * the managers' last writes, the deletion request. Never the deletion deadline, which lies in the future.
 */
export const latestKnownTime = (pod: V1Pod): Instant | undefined => {
  const decoded = ManagedTimes.decode(pod);
  const managed = E.isRight(decoded) ? decoded.right.metadata.managedFields : [];
  return latest([
    ...recordedTimes(pod),
    deletionRequestedAt(pod),
    ...managed.map((m) => maybeInstant(m.time)),
  ]);
};

/** `managedFields` entries with the subresource they were written through. */
const ManagedWrites = t.type({ metadata: t.type({ managedFields: t.array(t.partial({ time: t.string, subresource: t.string })) }) });

/**
 * When the ephemeral containers `added` were written through `pods/ephemeralcontainers` (`kubectl debug`): the time
 * the API server recorded for that subresource's manager (`managedFields`), else, inferred, the earliest the object
 * shows of those containers' runs, or the capture's fallback (the write came before the kubelet ran them).
 */
export const ephemeralWrittenAt = (pod: V1Pod, added: ReadonlySet<string>, fallback: Instant): [Instant, 'exact' | 'inferred'] => {
  const decoded = ManagedWrites.decode(pod);
  const managed = E.isRight(decoded) ? decoded.right.metadata.managedFields : [];
  const written = latest(managed.filter((m) => m.subresource === 'ephemeralcontainers').map((m) => maybeInstant(m.time)));
  if (written !== undefined) return [written, 'exact'];
  const runs = (pod.status?.ephemeralContainerStatuses ?? []).filter((c) => added.has(c.name)).flatMap((c) => [...stateTimes(c.state), ...stateTimes(c.lastState)]);
  return [[fallback, ...runs].filter((i) => i !== undefined).sort()[0] ?? fallback, 'inferred'];
};

/**
 * When two imported events are the same fact. One pod is created, bound, admitted, evicted and removed
 * once: those are keyed by type and pod uid alone. A container run is created, started and exits once: keyed
 * by its instance number when known. An occurrence of a counted Event that was placed (not recorded) is
 * keyed by the Event and its number. Every other fact is keyed by type, subject, what distinguishes it, and
 * the whole second it happened in: Kubernetes truncates times to the second, so `…:05Z` from a watch update
 * and `…:05.123Z` from an audit line are one moment.
 */
import { supersededKey, type Event, type EventType } from '../events/index.js';
import type { Certainty, Imported, Origin } from './imported.js';
import { subjectKeyOf } from './build.js';
import { secondOf } from './time.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { listedByKubelet } from '../k8s/static-pods.js';
import { isStandInId } from '../events/stand-in-id.js';

const oncePerPod: ReadonlySet<EventType> = new Set(['PodCreated', 'PodBound', 'PodAdmitted', 'PodRejected', 'PodEvicted', 'PodDeadlineExceeded', 'PodRemoved']);
const oncePerInstance: ReadonlySet<EventType> = new Set(['ContainerCreated', 'ContainerStarted', 'ContainerExited']);

/** The payload that tells two facts of one type, subject and second apart. */
const distinguishing = (e: Event): string => {
  switch (e.type) {
    case 'ProbeExecuted':
    case 'ProbeResultChanged':
      return `${e.probe}:${e.outcome}`;
    case 'PodConditionSet':
    case 'NodeConditionChanged':
      return `${e.conditionType}:${e.status}`;
    case 'PodDeletionRequested':
      return String(e.gracePeriodSeconds);
    case 'PodWriteRejected':
      return `${e.verb}:${e.code}`;
    case 'PodObserved':
      // two captures of one instant that show different conditions are both kept (the fold reads the later)
      return `${e.conditionTypes?.join(',') ?? ''}|${(e.conditions ?? []).map((c) => `${c.type}:${c.status}:${c.lastTransitionTime}`).join(',')}${
        e.withoutLastState === undefined ? '' : `|${e.withoutLastState.join(',')}`
      }${e.unwrittenFields === undefined ? '' : `|${e.unwrittenFields.join(',')}`}${e.resources === undefined ? '' : `|${JSON.stringify(e.resources)}`}${e.observedGeneration === undefined ? '' : `|observed ${e.observedGeneration}`}${
        e.resourceVersion === undefined ? '' : `|version ${e.resourceVersion}`
      }${e.nominatedNodeName === undefined ? '' : `|nominated ${e.nominatedNodeName}`}`;
    case 'ImagePulling':
    case 'ImagePulled':
    case 'ImagePullFailed':
    case 'ImagePullBackOff':
      return e.image;
    case 'ContainerKilling':
    case 'ContainerWaiting':
      return e.reason;
    case 'EvictionThresholdMet':
      return e.signal;
    case 'PodEphemeralContainersUpdated':
      return e.ephemeralContainers.map((c) => c.name).join(',');
    case 'RecordsSuperseded':
      return e.records.map((r) => supersededKey(r)).join(',');
    case 'PodCreated':
    case 'PodMetadataUpdated':
    case 'PodRemoved':
    case 'PodBound':
    case 'PodUnschedulable':
    case 'NodeRegistered':
    case 'KubeletStopped':
    case 'PodAdmitted':
    case 'PodRejected':
    case 'SandboxCreated':
    case 'PodIPAssigned':
    case 'PodEvicted':
    case 'PodKillTimedOut':
    case 'PodDeadlineExceeded':
    case 'PodNodeLost':
    case 'PodSynced':
    case 'ContainerCreated':
    case 'ContainerStarted':
    case 'ContainerStartFailed':
    case 'PostStartHookFailed':
    case 'PostStartHookSucceeded':
    case 'ContainerExited':
    case 'ContainerRemoved':
    case 'ContainerUsageSampled':
    case 'ContainerBackOff':
      return '';
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
};

/** A container's or an image pull's back-off. */
export const isBackOff = (i: Imported): boolean => i.event.type === 'ContainerBackOff' || i.event.type === 'ImagePullBackOff';

/**
 * A back-off a pod's status showed (inferred: the status tells the wait, not when a report of it came), held
 * by the journal or newly imported. The merge matches it with the Events' reports by the wait it falls in
 * (`merge.ts :: dropSubsumedBackOffs`), never by the second: a report in the same second is one more report.
 */
export const isStatusBackOff = (i: Imported): boolean =>
  isBackOff(i) &&
  i.event.from?.occurrence === undefined &&
  (i.origin === 'journal' ? i.event.from?.inferred === true : i.origin !== 'events' && i.certainty === 'inferred');

export const factKey = (i: Imported): string => {
  const e = i.event;
  if (oncePerPod.has(e.type)) return `${e.type}|${subjectKeyOf(e)}`;
  const container = 'container' in e ? e.container : '';
  if (oncePerInstance.has(e.type) && i.instance !== undefined) return `${e.type}|${subjectKeyOf(e)}|${container}|#${i.instance}`;
  // A counted Event's occurrence placed between its first and last is that occurrence, wherever it went.
  if (e.from?.occurrence !== undefined) return `${e.type}|${subjectKeyOf(e)}|${container}|${e.from.occurrence}`;
  return `${e.type}|${subjectKeyOf(e)}|${container}|${secondOf(e.at)}|${distinguishing(e)}${isStatusBackOff(i) ? '|status' : ''}`;
};

const certaintyRank: Readonly<Record<Certainty, number>> = { exact: 0, interpolated: 1, inferred: 2 };
/**
 * What the journal holds stays as it is. Audit lines are the API server's own record with sub-second times;
 * Event objects say least (no ids, counts).
 */
const originRank: Readonly<Record<Origin, number>> = { journal: 0, audit: 1, watch: 2, snapshot: 3, events: 4 };

/**
 * A pod object states a run's start, not its creation, which the differ places at that start, inferred; a
 * `Created` Event is the kubelet's record of the creation itself (kuberuntime_container.go :: startContainer
 * records it between CreateContainer and StartContainer), so it is the better record of it. Not when the Event
 * is the later: a container is created before it starts (or before an object shows it), so that record cannot
 * be this creation's time, whatever its certainty. A run the object does not show (its `restartCount` implies
 * it; the differ spreads such runs between the times it knows, `interpolated`) states no start: the k-th
 * occurrence of a counted `Created` Event is that run's creation (k3s' helm-install pod: x3 from 20:40:06, where
 * the object's `startTime` is 20:39:46).
 */
const createdAfterObject = (a: Imported, b: Imported): boolean =>
  a.event.type === 'ContainerCreated' && a.origin === 'events' && b.origin !== 'events' && b.certainty !== 'interpolated' && a.event.at > b.event.at;

/** A container's creation the journal holds placed (an earlier import of a pod object put it at the run's start). */
const heldPlaced = (i: Imported): boolean => i.origin === 'journal' && i.event.type === 'ContainerCreated' && i.event.from?.inferred === true;

/** A pod's creation the journal holds as its Events implied it (they were imported before the pod's object). */
const heldFromEvents = (i: Imported): boolean => i.origin === 'journal' && i.event.type === 'PodCreated' && isKnownOnlyFromEvents(i.event.manifest);

/**
 * A pod's creation the journal holds from a kubelet's own `/pods` (imported before the API server's objects): its
 * object carries the kubelet's `kubernetes.io/config.seen` and `config.source: api` annotations, which the API
 * server's object of the pod never has.
 */
const heldFromKubelet = (i: Imported): boolean => i.origin === 'journal' && i.event.type === 'PodCreated' && listedByKubelet(i.event.manifest.metadata.annotations);

/** A record the journal holds that a source's own record of the fact replaces: a placed creation, an inferred pod. */
const heldStandIn = (i: Imported): boolean => heldPlaced(i) || heldFromEvents(i) || heldFromKubelet(i);

/**
 * `a` is the kubelet's `Created` Event for a creation the journal holds placed, and not later than it: the record
 * of that creation (the pod objects were imported before their Events). It is kept as a new fact; the fold and
 * the Events read the journal's two records of the run's creation as one, the recorded one (`created` in
 * reducers/containers.ts, `supersededCreations` in printers/kube-events.ts).
 */
const recordsHeldPlacement = (a: Imported, b: Imported): boolean =>
  a.event.type === 'ContainerCreated' && a.origin === 'events' && a.certainty === 'exact' && heldPlaced(b) && a.event.at <= b.event.at;

/**
 * `a` is a pod object's creation (an audit line, a watch or a list captured it) of a pod the journal holds as its
 * Events implied it (same uid: an Event's `involvedObject.uid` is the object's), or the API server's object of a pod
 * the journal holds from a kubelet's `/pods`: the object's record is kept as a new fact, and the fold takes its
 * metadata and spec over the held ones (`reducers/api.ts :: reduceApi`), as when it was imported first.
 */
const recordsHeldInference = (a: Imported, b: Imported): boolean =>
  a.event.type === 'PodCreated' &&
  a.origin !== 'events' &&
  a.origin !== 'journal' &&
  !isKnownOnlyFromEvents(a.event.manifest) &&
  (heldFromEvents(b) || (heldFromKubelet(b) && !listedByKubelet(a.event.manifest.metadata.annotations)));

/**
 * `a` is a pod object's record, with the run's real containerID, of a container run the journal holds under a
 * stand-in id (its Events were imported before the object): kept as a new fact, marked `standIn` (`instances.ts`),
 * so the run shows its id, image ID and recorded exit as a joint import shows them.
 */
const recordsHeldStandIn = (a: Imported, b: Imported): boolean =>
  (a.event.type === 'ContainerStarted' || a.event.type === 'ContainerExited') &&
  a.origin !== 'journal' &&
  a.certainty === 'exact' &&
  a.event.containerID !== '' &&
  !isStandInId(a.event.containerID) &&
  b.origin === 'journal' &&
  b.event.type === a.event.type &&
  isStandInId(b.event.containerID);

/** `a` is the record that replaces the journal's stand-in `b` for a fact. */
const replacesHeld = (a: Imported, b: Imported): boolean => recordsHeldPlacement(a, b) || recordsHeldInference(a, b) || recordsHeldStandIn(a, b);

/**
 * Negative when `a` is the better record of a fact: a `Created` Event over a creation the journal holds placed, a
 * pod object's creation over one the journal holds from its Events, else the journal's (of its own records, not such
 * a stand-in), else not a creation later than its run
 * shows, then surer time, then the richer source, then the earlier.
 */
export const betterRecord = (a: Imported, b: Imported): number =>
  Number(replacesHeld(b, a)) - Number(replacesHeld(a, b)) ||
  Number(b.origin === 'journal') - Number(a.origin === 'journal') ||
  Number(heldStandIn(a)) - Number(heldStandIn(b)) ||
  Number(createdAfterObject(a, b)) - Number(createdAfterObject(b, a)) ||
  certaintyRank[a.certainty] - certaintyRank[b.certainty] ||
  originRank[a.origin] - originRank[b.origin] ||
  (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0);

/**
 * The container concern: how runtime, prober and kubelet events about one container change what the kubelet
 * knows of it (its instances, the cached start failure, probe results). Contradictory events are ignored
 * by the rules in README.md.
 */
import type { EventOf } from '../events/index.js';
import type { Container, PodSpec } from '../k8s/pod.js';
import { containerView } from './container-view.js';
import type { ContainerStateTerminated, ContainerView, InstanceState } from './kubelet-view.js';
import { mayRunAgain, type ContainerRole } from './restart.js';
import { objectFor, withEntry } from './records.js';
import { apiTime } from './time.js';
import { sharedString } from './shared-values.js';
import { formatDuration } from '../k8s/duration.js';
import { RESTARTING_ALL_CONTAINERS, RESTARTING_ALL_CONTAINERS_MESSAGE } from '../k8s/restart-rules.js';
import { boundedMemo } from '../memo/index.js';
import { isStandInId, runOfStandIn } from '../events/stand-in-id.js';
import type { ProbeKind, ProbeOutcome } from '../events/vocabulary.js';

export type ContainerEvent = EventOf<
  | 'ImagePulling'
  | 'ImagePulled'
  | 'ImagePullFailed'
  | 'ImagePullBackOff'
  | 'ContainerCreated'
  | 'ContainerStarted'
  | 'ContainerStartFailed'
  | 'ContainerWaiting'
  | 'PostStartHookFailed'
  | 'PostStartHookSucceeded'
  | 'ContainerExited'
  | 'ContainerRemoved'
  | 'ContainerUsageSampled'
  | 'ContainerKilling'
  | 'ContainerBackOff'
  | 'ProbeExecuted'
  | 'ProbeResultChanged'
>;

/** A spec container as the reducer needs it. */
export interface ContainerContext {
  readonly spec: Container;
  readonly role: ContainerRole;
  /** The pod's spec: its restart policy, and other containers' `RestartAllContainers` rules. */
  readonly podSpec: PodSpec;
  /** The status the API shows for it is `terminated` (what a removal keeps of it: `removed`). */
  readonly shownTerminated?: boolean;
}

// Probe results and running states are few distinct values: one object each, shared by every container view
// holding them (the fold never mutates them), instead of one per instance.
const NO_PROBES: ContainerView['probes'] = {};
const probeResults = new WeakMap<ContainerView['probes'], Map<string, ContainerView['probes']>>();

/** `probes` with one result set, keys in the order they were first set (as `withEntry` gives them). */
const withProbeResult = (probes: ContainerView['probes'], probe: ProbeKind, outcome: ProbeOutcome): ContainerView['probes'] => {
  const next = probeResults.get(probes) ?? new Map<string, ContainerView['probes']>();
  if (!probeResults.has(probes)) probeResults.set(probes, next);
  const key = `${probe}=${outcome}`;
  const known = next.get(key);
  if (known !== undefined) return known;
  const made = withEntry(probes, probe, outcome);
  next.set(key, made);
  return made;
};

const runningSince: (startedAt: string) => InstanceState = boundedMemo((startedAt: string): InstanceState => ({ kind: 'running', running: { startedAt } }), 4096);

export const initialContainerView: ContainerView = containerView({ instances: 0, probes: NO_PROBES, postStartDone: true });

/**
 * A new instance may follow the current one: none yet, a created or running one (replaced: its end was not
 * recorded, as when an importer fills in runs a status only counted), or a terminated one that may run again.
 */
const mayStartInstance = (v: ContainerView, ctx: ContainerContext): boolean => {
  const current = v.current;
  if (current === undefined || current.kind !== 'terminated') return true;
  return mayRunAgain(ctx.role, ctx.spec, ctx.podSpec, current.terminated.exitCode);
};

/** The event names the newest instance: its containerID, or an empty one (an importer that could not tell). */
const namesCurrent = (v: ContainerView, containerID: string): boolean =>
  v.current !== undefined && (containerID === '' || v.containerID === containerID);

type RunEvent = EventOf<'ContainerCreated' | 'ContainerStarted' | 'ContainerExited'>;

/**
 * The event names the newest instance by the run an import's stand-in id names (`events/stand-in-id.ts`): its own
 * id, or the one its real id replaces (`standIn`), when one of the two ids is a stand-in. Events imported before
 * the pod object gave the run a stand-in; the object imported later gives its real id: one run, in either order.
 */
const namesCurrentRun = (v: ContainerView, e: RunEvent): boolean =>
  v.current !== undefined &&
  runOfStandIn(e.standIn ?? e.containerID) === v.instances - 1 &&
  v.containerID !== undefined && // read after the event's: a view builds its id's text (`container-view.ts`)
  (isStandInId(v.containerID) || isStandInId(e.containerID));

const namesInstance = (v: ContainerView, e: RunEvent): boolean => namesCurrent(v, e.containerID) || namesCurrentRun(v, e);

/** A record of a run held under a stand-in id that is neither the newest nor the next: the fold is past it. */
const pastStandIn = (v: ContainerView, e: RunEvent): boolean => e.standIn !== undefined && runOfStandIn(e.standIn) !== v.instances;

/** The newest instance, known by a stand-in id, takes the real id (and image) the event records it with. */
const identified = (v: ContainerView, e: RunEvent): ContainerView => {
  if (e.containerID === '' || isStandInId(e.containerID) || v.containerID === undefined || !isStandInId(v.containerID)) return v;
  const imageID = 'imageID' in e ? e.imageID : undefined;
  return containerView(v, {
    containerID: e.containerID,
    ...(imageID !== undefined && imageID !== '' && { imageID: sharedString(imageID), image: reportedName('image' in e ? e.image : undefined) }),
  });
};

/** The runtime made a new instance: the old one (if it terminated) becomes `lastState`; probes start afresh. */
const newInstance = (v: ContainerView, ctx: ContainerContext, current: InstanceState, containerID: string): ContainerView =>
  containerView(v, {
    instances: v.instances + 1,
    current,
    previous: v.current?.kind === 'terminated' ? v.current.terminated : v.previous,
    containerID,
    failure: undefined, // a start went through: the cached failure is forgotten
    waiting: undefined,
    probes: NO_PROBES,
    postStartDone: ctx.spec.lifecycle?.postStart === undefined,
  });

/** The errors `images/image_manager.go :: evalCRIPullErr` gives a failed pull (and `pullImage` stores). */
const PULL_ERRORS: ReadonlySet<string> = new Set(['ErrImagePull', 'RegistryUnavailable', 'SignatureValidationFailed']);

/**
 * `ImagePullBackOff`'s waiting message (`images/image_manager.go :: pullImage`): `Back-off pulling image "IMG"`,
 * then `: ERR: MESSAGE` of the last failed pull (`prevPullErrMsg`, stored by each failed pull, dropped when a pull
 * starts), so every sync inside the back-off shows the pull's error; the BackOff Event keeps the short form. The
 * last failure is the cached one, or the waiting state an imported status showed.
 */
const imageBackOffMessage = (v: ContainerView, e: EventOf<'ImagePullBackOff'>): string => {
  const backOff = `Back-off pulling image ${JSON.stringify(e.image)}`;
  // another container's pull of the image set the pod's back-off: its error is the one stored under the key
  if (e.lastPullError !== undefined) return `${backOff}: ${e.lastPullError}`;
  const last = v.failure ?? v.waiting;
  if (last === undefined) return backOff;
  if (PULL_ERRORS.has(last.reason)) return `${backOff}: ${last.reason}: ${last.message ?? ''}`;
  const shown = last.message;
  return last.reason === 'ImagePullBackOff' && shown !== undefined && shown.startsWith(`${backOff}: `) ? shown : backOff;
};

/** A newer failure replaces a waiting reason an imported status showed. */
const withFailure = (v: ContainerView, reason: string, message: string): ContainerView =>
  containerView(v, { failure: { reason, message }, waiting: undefined });

/** The image's name a start or creation states (an imported status's `image`); none: the status derives it from the spec. */
const reportedName = (image: string | undefined): string | undefined => (image === undefined || image === '' ? undefined : sharedString(image));

const created = (v: ContainerView, e: EventOf<'ContainerCreated'>, ctx: ContainerContext): ContainerView => {
  // A creation is always of a new instance, unless it repeats the newest one's (non-empty) id.
  if (e.containerID !== '' && namesInstance(v, e)) return identified(v, e);
  if (pastStandIn(v, e) || !mayStartInstance(v, ctx)) return v;
  // a run that never starts (StartError) has what the runtime reported for it stated on its creation
  return reported(newInstance(v, ctx, { kind: 'created' }, e.containerID), e);
};

/**
 * What the runtime reported for a run, where the event states it: the image it runs (status imageID, which overrides
 * the pull's) and the user its process runs as (the image's USER where the spec sets none).
 */
const reported = (v: ContainerView, e: EventOf<'ContainerCreated' | 'ContainerStarted'>): ContainerView => {
  const image = e.imageID === undefined || e.imageID === '' ? v : containerView(v, { imageID: sharedString(e.imageID), image: reportedName(e.image) });
  return e.user === undefined ? image : containerView(image, { user: e.user });
};

/**
 * A run that ends without ever starting (`StartError`): CRI reports its start as 0 and the kubelet publishes
 * `time.Unix(0, 0)`, the epoch, which kubectl describe prints as such (not Go's zero time).
 */
const NEVER_STARTED = '1970-01-01T00:00:00Z';

const started = (v: ContainerView, e: EventOf<'ContainerStarted'>, ctx: ContainerContext): ContainerView => {
  const next = startedInstance(v, e, ctx);
  return next === v ? next : reported(next, e);
};

const startedInstance = (v: ContainerView, e: EventOf<'ContainerStarted'>, ctx: ContainerContext): ContainerView => {
  const running = runningSince(apiTime(e.at));
  const named = namesInstance(v, e);
  if (v.current?.kind === 'created' && named) return identified(containerView(v, { current: running, failure: undefined }), e);
  if (e.containerID !== '' && named) return identified(v, e); // already running, or that instance is over
  return !pastStandIn(v, e) && mayStartInstance(v, ctx) ? newInstance(v, ctx, running, e.containerID) : v;
};

/** The instance's termination, keys in the runtime's order. */
const termination = (e: EventOf<'ContainerExited'>, startedAt: string | undefined, containerID: string): ContainerStateTerminated => {
  // An import's exit the cluster showed after it happened states its own time (`ContainerExited.finishedAt`).
  const finishedAt = apiTime(e.finishedAt ?? e.at);
  // The usual exit as one literal: V8 keeps a literal's keys inside the object, where one grown key by key
  // keeps those past its first ones in a second object (≈ 40 bytes more for each termination the fold holds).
  if (e.signal === undefined && (e.message === undefined || e.message === '') && startedAt !== undefined) {
    return { exitCode: e.exitCode, reason: e.reason, startedAt, finishedAt, containerID };
  }
  const message = e.message !== undefined && e.message !== '';
  // the rest grown key by key in an object with room for its keys (`records.ts`)
  const terminated = objectFor(4 + Number(e.signal !== undefined) + Number(message) + Number(startedAt !== undefined)) as ContainerStateTerminated;
  terminated.exitCode = e.exitCode;
  if (e.signal !== undefined) terminated.signal = e.signal;
  terminated.reason = e.reason;
  if (message) terminated.message = e.message;
  if (startedAt !== undefined) terminated.startedAt = startedAt;
  terminated.finishedAt = finishedAt;
  terminated.containerID = containerID;
  return terminated;
};

const exited = (v: ContainerView, e: EventOf<'ContainerExited'>, ctx: ContainerContext): ContainerView => {
  const sameInstance = namesInstance(v, e);
  if (!sameInstance && pastStandIn(v, e)) return v;
  const startedAt = !sameInstance ? undefined : v.current?.kind === 'running' ? v.current.running.startedAt : v.current?.kind === 'created' ? NEVER_STARTED : undefined;
  const own = sameInstance ? identified(v, e) : v;
  // The instance's own id string when the exit names it: the exit's decoded copy would be held beside it (77 characters).
  const terminated = termination(e, startedAt, sameInstance || e.containerID === '' ? (own.containerID ?? '') : e.containerID);
  const state: InstanceState = { kind: 'terminated', terminated };
  if (sameInstance) {
    if (v.current?.kind === 'terminated') {
      // A duplicate exit; an import's record of an exit the journal held under a stand-in (inferred) replaces it.
      if (e.standIn === undefined) return v;
      return containerView(own, { current: { kind: 'terminated', terminated: termination(e, v.current.terminated.startedAt ?? undefined, own.containerID ?? '') } });
    }
    // The cached failure stays: the kubelet forgets it only when a later start succeeds (a postStart failure shows now).
    return containerView(own, { current: state, probes: NO_PROBES });
  }
  // An exit of an instance never seen starting: recorded as an instance that ran, if one may run now.
  return mayStartInstance(v, ctx) ? containerView(newInstance(v, ctx, state, e.containerID), { probes: NO_PROBES }) : v;
};

/** What a removed container shows: waiting, its last termination put down to the reset, both with the kubelet's message. */
const RESTARTING_ALL_WAITING = { reason: RESTARTING_ALL_CONTAINERS, message: RESTARTING_ALL_CONTAINERS_MESSAGE };
// Its times are Go's zero `metav1.Time`, which the API serialises as `null` (as `kubectl get -o json` shows them).
const RESTARTING_ALL_TERMINATION: ContainerStateTerminated = {
  exitCode: 137,
  reason: RESTARTING_ALL_CONTAINERS,
  message: RESTARTING_ALL_CONTAINERS_MESSAGE,
  startedAt: null,
  finishedAt: null,
};

/**
 * The kubelet removed the instance (`RestartAllContainers`): the runtime lists none, so the next status is
 * built from the old one (`kubelet_pods.go :: convertToAPIContainerStatuses`, a container missing while the pod
 * restarts): waiting `RestartingAllContainers`, the last termination exit 137 with that reason, the restart
 * counted (`restartCount` is then `instances`: `container-status.ts`). An old status that showed it terminated
 * is the one copied, its container and image IDs kept; one that showed it running or waiting gives the default
 * status, without them. The next instance keeps that last termination (`previous`).
 */
const removed = (v: ContainerView, e: EventOf<'ContainerRemoved'>, ctx: ContainerContext): ContainerView => {
  if (!namesCurrent(v, e.containerID)) return v;
  const kept = ctx.shownTerminated === true;
  return containerView(v, {
    current: undefined,
    previous: RESTARTING_ALL_TERMINATION,
    containerID: kept ? v.containerID : undefined,
    imageID: kept ? v.imageID : undefined,
    image: kept ? v.image : undefined,
    user: kept ? v.user : undefined,
    waiting: RESTARTING_ALL_WAITING,
    probes: NO_PROBES,
    postStartDone: true,
  });
};

const probeChanged = (v: ContainerView, e: EventOf<'ProbeResultChanged'>): ContainerView =>
  v.current?.kind === 'running' && v.probes[e.probe] !== e.outcome
    ? containerView(v, { probes: withProbeResult(v.probes, e.probe, e.outcome) })
    : v;

/** The container's next view after one event about it; the same object when nothing changed. */
export const reduceContainer = (v: ContainerView, e: ContainerEvent, ctx: ContainerContext): ContainerView => {
  switch (e.type) {
    case 'ContainerCreated':
      return created(v, e, ctx);
    case 'ContainerStarted':
      return started(v, e, ctx);
    case 'ContainerExited':
      return exited(v, e, ctx);
    case 'ContainerRemoved':
      return removed(v, e, ctx);
    case 'ImagePulled':
      // a pull's image is reported by the spec's name until a start states the runtime's
      return containerView(v, { failure: undefined, imageID: e.imageID === undefined ? v.imageID : sharedString(e.imageID), image: e.imageID === undefined ? v.image : undefined });
    case 'ImagePullFailed':
    case 'ContainerStartFailed':
      return withFailure(v, e.reason, e.message);
    case 'ContainerWaiting':
      // What the kubelet showed supersedes its cached failure (the reason cache was cleared, or never held one).
      return containerView(v, { waiting: e.message === undefined || e.message === '' ? { reason: e.reason } : { reason: e.reason, message: e.message }, failure: undefined });
    case 'ImagePullBackOff':
      return withFailure(v, 'ImagePullBackOff', imageBackOffMessage(v, e));
    case 'ContainerBackOff':
      return withFailure(
        v,
        'CrashLoopBackOff',
        // kuberuntime_manager.go :: doBackOff prints the delay as a Go time.Duration: 10s, 1m20s, 5m0s.
        e.message ?? `back-off ${formatDuration(e.delaySeconds * 1000)} restarting failed container=${e.container} pod=${e.pod.name}_${e.pod.namespace}(${e.pod.uid})`,
      );
    case 'PostStartHookFailed':
      return containerView(v, { postStartDone: false, failure: { reason: 'PostStartHookError', message: e.message } });
    case 'PostStartHookSucceeded':
      return v.postStartDone ? v : containerView(v, { postStartDone: true });
    case 'ProbeResultChanged':
      return probeChanged(v, e);
    case 'ImagePulling':
    case 'ContainerUsageSampled':
    case 'ContainerKilling':
    case 'ProbeExecuted':
      return v; // observations and decisions that change no status by themselves
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};

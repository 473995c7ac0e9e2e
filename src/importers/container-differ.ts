/**
 * The container half of the pod differ: from two statuses of one container, the instances created, started
 * and exited, the waiting reasons that explain a delay or failure, and the probe results that flipped.
 */
import type { Event, PodRef } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { msOf, instantOf } from '../k8s/codecs.js';
import type { Container, ContainerStatus } from '../k8s/pod.js';
import { parseDuration } from '../k8s/duration.js';
import { RESTARTING_ALL_CONTAINERS } from '../k8s/restart-rules.js';
import { defaultWaitingReason } from '../k8s/waiting.js';
import { envelopeAt } from './build.js';
import { type InstanceFact, instancesOf } from './container-instances.js';
import type { Certainty, Imported, Origin } from './imported.js';
import { plusMs } from './time.js';

export interface ContainerDiff {
  readonly pod: PodRef;
  readonly spec: Container | undefined;
  readonly before: ContainerStatus | undefined;
  readonly after: ContainerStatus;
  /** `status.startTime`: where the first run is placed when a snapshot shows only later ones. */
  readonly podStartedAt: Instant | undefined;
  /** The ContainersReady condition's transition: the best time a snapshot gives for a readiness flip. */
  readonly readyAt: Instant | undefined;
  /** The pod has init containers (the kubelet's default waiting reason is then PodInitializing). */
  readonly podHasInitContainers: boolean;
  readonly fallback: Instant;
  readonly origin: Origin;
}

const imagePullFailures = new Set([
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'ImageInspectError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
]);
const startFailures = new Set([
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'PostStartHookError',
  'ContainerCannotRun',
]);

const topOf = (facts: readonly InstanceFact[]): number => Math.max(-1, ...facts.map((f) => f.instance));

/** When a run began, as far as its status tells: its start, else its end. */
const knownStart = (f: InstanceFact | undefined): Instant | undefined => f?.startedAt ?? f?.exit?.finishedAt;

/** When a reset removed `f`: not stated; the capture's instant, or the next run's start if that came first. */
const removedAt = (f: InstanceFact, facts: readonly InstanceFact[], fallback: Instant): Instant => {
  const nextAt = knownStart(facts.find((n) => n.instance === f.instance + 1));
  return nextAt !== undefined && nextAt < fallback ? nextAt : fallback;
};

/**
 * The waiting reason a status shows of its own: `RestartingAllContainers` is not one, the reducers show it from
 * the removal (`ContainerRemoved`), as the kubelet builds it from the instance the runtime no longer lists.
 */
const ownWaitingReason = (s: ContainerStatus | undefined): string | undefined => {
  const reason = s?.state?.waiting?.reason;
  return reason === RESTARTING_ALL_CONTAINERS ? undefined : reason;
};

/**
 * A running container shown started but not ready although it has no readiness probe: the status manager
 * published its startup success (`status_manager.go :: SetContainerStartup` writes only `started`) before the
 * next sync derived `ready` from it (`prober_manager.go :: UpdatePodStatus`: no readiness worker, ready). The
 * object shows it so (a v1.20 kubelet's `/pods`: etcd 0/1 with only a startup probe): a readiness failure, which
 * the reducers keep for the run until a capture shows it ready.
 */
const notReadyYet = (s: ContainerStatus): boolean => s.state?.running !== undefined && s.started === true && s.ready === false;

export const diffContainer = (d: ContainerDiff): Imported[] => {
  const out: Imported[] = [];
  const container = d.after.name;
  const subject = { pod: d.pod, container };
  const emit = (event: Event, certainty: Certainty, instance?: number): void => {
    out.push({ event, origin: d.origin, certainty, ...(instance !== undefined && { instance }) });
  };

  const seen = instancesOf(d.before);
  const facts = instancesOf(d.after).sort((a, b) => a.instance - b.instance);
  const topBefore = topOf(seen);
  const fresh = facts.filter((f) => f.instance > topBefore);

  // Runs neither status shows (restartCount jumped): placed evenly between the known neighbours.
  const firstFresh = fresh[0];
  if (firstFresh !== undefined) {
    const lowInstance = Math.max(topBefore, 0);
    const highAt = knownStart(firstFresh) ?? d.fallback;
    // A static pod's restartCount counts runs of earlier kubelet processes, its startTime is the latest one's:
    // a run older than any time the object states has no room before the first run it shows, and is placed
    // there (the count is what RESTARTS shows), never after it.
    const known = seen.find((f) => f.instance === topBefore)?.startedAt ?? d.podStartedAt ?? firstFresh.startedAt ?? d.fallback;
    const lowAt = known > highAt ? highAt : known;
    for (let k = topBefore + 1; k < firstFresh.instance; k++) {
      const span = firstFresh.instance - lowInstance;
      const at = instantOf(msOf(lowAt) + Math.floor(((msOf(highAt) - msOf(lowAt)) * (k - lowInstance)) / span));
      emit({ type: 'ContainerCreated', ...envelopeAt(at, 'runtime'), ...subject, containerID: '' }, 'interpolated', k);
      emit({ type: 'ContainerStarted', ...envelopeAt(at, 'runtime'), ...subject, containerID: '' }, 'interpolated', k);
    }
  }
  for (const f of fresh) {
    // A status states a run's start (or end), never its creation: the creation is placed there, inferred (the
    // kubelet created it a moment to seconds earlier, kuberuntime_container.go :: startContainer). A removed run
    // the captures never showed existed until its removal, at the latest.
    const at = knownStart(f) ?? (f.removed === true ? removedAt(f, facts, d.fallback) : d.fallback);
    // The status's imageID is the newest run's image (the crashed one's while waiting to restart); a run that
    // never started (StartError) states it on its creation, the runtime having resolved the image by then, and the
    // user too (CRI reports it for the created container: the holmesgpt init container's supplementalGroups [0, 10]). Its
    // `image` is the name the runtime reported, kept with it: not always the spec's (dockershim's first repo tag
    // `nginx:latest` for `nginx`, containerd's image ID for an image known by digest only).
    const reportedImage = d.after.image !== undefined && d.after.image !== '' ? { image: d.after.image } : {};
    const newest = f.instance === topOf(facts);
    const imageID = newest && d.after.imageID !== undefined && d.after.imageID !== '' ? { imageID: d.after.imageID, ...reportedImage } : {};
    // The user the runtime reported for the newest run (resolved from the image's USER where the spec sets none).
    const user = newest && d.after.user !== undefined ? { user: d.after.user } : {};
    emit({ type: 'ContainerCreated', ...envelopeAt(at, 'runtime'), ...subject, containerID: f.containerID, ...(f.neverStarted === true && { ...imageID, ...user }) }, 'inferred', f.instance);
    if (f.startedAt !== undefined) {
      emit({ type: 'ContainerStarted', ...envelopeAt(f.startedAt, 'runtime'), ...subject, containerID: f.containerID, ...imageID, ...user }, 'exact', f.instance);
    } else if (f.running === true) {
      // Running without its start time (stripped or partial objects): it started, when is not known.
      emit({ type: 'ContainerStarted', ...envelopeAt(at, 'runtime'), ...subject, containerID: f.containerID }, 'inferred', f.instance);
    }
  }
  for (const f of facts) {
    const exit = f.exit;
    if (exit === undefined || seen.some((s) => s.instance === f.instance && s.exit !== undefined)) continue;
    if (f.neverStarted === true) {
      // The runtime created it and `StartContainer` failed: the kubelet records `Failed` "Error: <the runtime's
      // message>" and caches RunContainerError until a start goes through (kuberuntime_container.go ::
      // startContainer); the exited status's message is that error (the runtime stores it as it fails).
      const at = exit.finishedAt ?? d.fallback;
      emit({ type: 'ContainerStartFailed', ...envelopeAt(at, 'runtime'), ...subject, reason: 'RunContainerError', message: exit.message ?? '' }, 'inferred', f.instance);
    }
    emit(
      {
        type: 'ContainerExited',
        ...envelopeAt(exit.finishedAt ?? d.fallback, 'runtime'),
        ...subject,
        containerID: f.containerID,
        exitCode: exit.exitCode,
        reason: exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error'),
        ...(exit.signal !== undefined && { signal: exit.signal }),
        ...(exit.message !== undefined && { message: exit.message }),
      },
      exit.finishedAt === undefined ? 'inferred' : 'exact',
      f.instance,
    );
  }
  for (const f of facts) {
    if (f.removed !== true || seen.some((s) => s.instance === f.instance && s.removed === true)) continue;
    const at = removedAt(f, facts, d.fallback);
    const containerID = f.containerID !== '' ? f.containerID : (seen.find((s) => s.instance === f.instance)?.containerID ?? '');
    emit({ type: 'ContainerRemoved', ...envelopeAt(at, 'kubelet'), ...subject, containerID }, 'inferred', f.instance);
  }

  const topAfter = topOf(facts);
  const newRun = topAfter !== topBefore;
  const waiting = d.after.state?.waiting;
  const reason = ownWaitingReason(d.after);
  const usual = defaultWaitingReason(d.podHasInitContainers);
  if (reason !== undefined && (newRun || reason !== ownWaitingReason(d.before))) {
    const message = waiting?.message ?? '';
    const image = d.spec?.image ?? d.after.image ?? '';
    if (reason === 'CrashLoopBackOff') {
      // The window opens when the crashed run finished; the message states its length (`back-off 40s ...`).
      const crashed = facts.find((f) => f.instance === topAfter)?.exit?.finishedAt;
      const at = crashed ?? d.fallback;
      // Older kubelets wrote `Back-off 40s restarting …`, current ones `back-off 40s restarting …`.
      const delayMs = parseDuration(/^back-off (\S+) /i.exec(message)?.[1] ?? '');
      const delaySeconds = delayMs === undefined ? 0 : Math.round(delayMs / 1000);
      out.push({
        event: { type: 'ContainerBackOff', ...envelopeAt(at, 'kubelet'), ...subject, delaySeconds, until: plusMs(at, delaySeconds * 1000), ...(message !== '' && { message }) },
        origin: d.origin,
        certainty: 'inferred',
        ...(delayMs === undefined && { delayUnknown: true }),
      });
    } else if (reason === 'ImagePullBackOff') {
      out.push({
        event: { type: 'ImagePullBackOff', ...envelopeAt(d.fallback, 'kubelet'), ...subject, image, delaySeconds: 0, until: d.fallback },
        origin: d.origin,
        certainty: 'inferred',
        delayUnknown: true,
      });
    } else if (imagePullFailures.has(reason)) {
      emit({ type: 'ImagePullFailed', ...envelopeAt(d.fallback, 'runtime'), ...subject, image, reason, message }, 'inferred');
    } else if (startFailures.has(reason)) {
      emit({ type: 'ContainerStartFailed', ...envelopeAt(d.fallback, 'runtime'), ...subject, reason, message }, 'inferred');
    } else if (reason !== usual || (ownWaitingReason(d.before) ?? usual) !== usual) {
      // Any other reason is what the kubelet showed (PodInitializing without init containers on older kubelets,
      // a runtime's own wording): kept as it is, not replaced by the default. Seen first before any run, it has
      // shown since the kubelet admitted the pod.
      const firstSight = d.before === undefined && facts.length === 0 && d.podStartedAt !== undefined;
      const at = firstSight ? d.podStartedAt : d.fallback;
      emit({ type: 'ContainerWaiting', ...envelopeAt(at, 'kubelet'), ...subject, reason, ...(message !== '' && { message }) }, 'inferred');
    }
  }

  // Readiness and startup results only show as probe flips when the spec has the probe; without one the
  // kubelet derives `ready`/`started` from the run itself, and so do the reducers, except for a run shown
  // started and not ready yet (`notReadyYet`), and then ready.
  const running = d.after.state?.running !== undefined;
  const wasReady = !newRun && (d.before?.ready ?? false);
  const ready = d.after.ready ?? false;
  // A result belongs to the run it was probed on (the running one, the newest): within a second it is dealt
  // among that run's facts (`merge.ts :: inRunOrder`), after its start, never between an earlier run's exit
  // and this run's start, which would reset it (`prober_manager.go :: UpdatePodStatus`: a new container's
  // readiness starts unknown, false).
  const run = topAfter >= 0 ? topAfter : undefined;
  const readiness = (outcome: 'success' | 'failure'): void => {
    const at = d.readyAt ?? d.fallback;
    emit({ type: 'ProbeResultChanged', ...envelopeAt(at, 'kubelet'), ...subject, probe: 'readiness', outcome }, d.readyAt === undefined ? 'inferred' : 'exact', run);
  };
  if (d.spec?.readinessProbe !== undefined) {
    if (running && ready !== wasReady) readiness(ready ? 'success' : 'failure');
  } else if (running && notReadyYet(d.after) !== (!newRun && d.before !== undefined && notReadyYet(d.before))) {
    readiness(notReadyYet(d.after) ? 'failure' : 'success');
  }
  const wasStarted = !newRun && (d.before?.started ?? false);
  if (d.spec?.startupProbe !== undefined && running && d.after.started === true && !wasStarted) {
    emit({ type: 'ProbeResultChanged', ...envelopeAt(d.fallback, 'kubelet'), ...subject, probe: 'startup', outcome: 'success' }, 'inferred', run);
  }
  return out;
};

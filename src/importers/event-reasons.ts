/**
 * What a Kubernetes Event about a pod says, as a journal event: one occurrence of a reason (`Scheduled`,
 * `Pulled`, `BackOff`, ...) at one instant. The messages are the kubelet's and scheduler's own formats.
 */
import type { Event, PodRef, ProbeKind } from '../events/index.js';
import { DEADLINE_EXCEEDED_REASON } from '../k8s/active-deadline.js';
import type { Instant } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';
import { envelopeAt } from './build.js';
import { disruptionOfEviction, signalOfEviction } from './pod-differ.js';

export interface ReasonInput {
  readonly pod: PodRef;
  /** From `fieldPath` (`spec.containers{app}`); undefined for pod-level Events. */
  readonly container: string | undefined;
  readonly reason: string;
  readonly message: string;
  readonly annotations: Readonly<Record<string, string>>;
  /** The node the Event came from, if it says. */
  readonly host: string | undefined;
  readonly at: Instant;
}

export type ReasonResult =
  | { readonly kind: 'event'; readonly event: Event; readonly delayUnknown?: true; readonly graceUnknown?: true }
  | { readonly kind: 'ignored'; readonly why: string };

/** Kubelet admission refusals (`pkg/kubelet/lifecycle/predicate.go`: its constants and the failed predicates' names). */
const admissionReasons = new Set([
  'PodOSSelectorNodeLabelDoesNotMatch',
  'PodOSNotSupported',
  'InvalidNodeInfo',
  'InitContainerRestartPolicyForbidden',
  'SupplementalGroupsPolicyNotSupported',
  'UnexpectedAdmissionError',
  'UnknownReason',
  'NodeName',
  'NodePorts',
  'NodeAffinity',
  'TaintToleration',
]);

const ignored = (why: string): ReasonResult => ({ kind: 'ignored', why });
const quoted = (message: string): string => /"([^"]+)"/.exec(message)?.[1] ?? '';
const probeKinds = new Map<string, ProbeKind>([
  ['Liveness', 'liveness'],
  ['Readiness', 'readiness'],
  ['Startup', 'startup'],
]);

/**
 * The pod a controller's `SuccessfulDelete` Event says it deleted: `Deleted pod: NAME` (ReplicaSet,
 * ReplicationController, Job, DaemonSet: `controller_utils.go :: RealPodControl.DeletePod`), or
 * `delete Pod NAME in StatefulSet SET successful` (`stateful_pod_control.go :: recordPodEvent`).
 */
export const podDeletedBy = (reason: string, message: string): string | undefined =>
  reason === 'SuccessfulDelete' ? (/^Deleted pod: (\S+)$/.exec(message) ?? /^delete Pod (\S+) in StatefulSet \S+ successful$/.exec(message))?.[1] : undefined;

export const eventOfReason = (r: ReasonInput): ReasonResult => {
  const { pod, message, at } = r;
  const event = (e: Event): ReasonResult => ({ kind: 'event', event: e });
  if (r.reason === 'Scheduled') {
    const node = /^Successfully assigned \S+ to (\S+)/.exec(message)?.[1];
    return node === undefined ? ignored('Scheduled Events without a node') : event({ type: 'PodBound', ...envelopeAt(at, 'scheduler'), pod, node });
  }
  if (r.reason === 'FailedScheduling') return event({ type: 'PodUnschedulable', ...envelopeAt(at, 'scheduler'), pod, reason: 'Unschedulable', message });
  // Admission refusals (`OutOfcpu`, `NodeAffinity`, ...; `Evicted` with the node's condition under pressure).
  if (/^OutOf/.test(r.reason) || admissionReasons.has(r.reason) || (r.reason === 'Evicted' && message.startsWith('The node had condition'))) {
    return event({ type: 'PodRejected', ...envelopeAt(at, 'kubelet'), pod, node: r.host ?? '', reason: r.reason, message });
  }
  if (r.reason === 'Evicted') {
    const starved = r.annotations['starved_resource'];
    const signal = starved === undefined ? signalOfEviction(message) : signalOfEviction(`low on resource: ${starved}.`);
    return event({ type: 'PodEvicted', ...envelopeAt(at, 'kubelet'), pod, signal, message, annotations: { ...r.annotations }, ...disruptionOfEviction(signal) });
  }
  // active_deadline.go :: ShouldEvict: a Normal Event on the pod itself (a Job's own `DeadlineExceeded` is about
  // the Job, and only Events about pods get here)
  if (r.reason === DEADLINE_EXCEEDED_REASON) return event({ type: 'PodDeadlineExceeded', ...envelopeAt(at, 'kubelet'), pod });
  if (r.reason === 'Preempted' || r.reason === 'Preempting') {
    return event({
      type: 'PodConditionSet',
      ...envelopeAt(at, 'scheduler'),
      pod,
      conditionType: 'DisruptionTarget',
      status: 'True',
      reason: 'PreemptionByScheduler',
      message,
    });
  }
  const container = r.container;
  if (container === undefined) return ignored(`pod Events with reason ${r.reason}`);
  const subject = { pod, container };
  switch (r.reason) {
    case 'Pulling':
      return event({ type: 'ImagePulling', ...envelopeAt(at, 'runtime'), ...subject, image: quoted(message) });
    case 'Pulled': {
      const alreadyPresent = message.includes('already present on machine');
      // images/image_manager.go :: EnsureImageExists: `in D (W including waiting). Image size: N bytes.`
      const pulled = / in (\d[\w.]*)(?: \((\d[\w.]*) including waiting\))?(?:\. Image size: (\d+) bytes\.)?/.exec(message);
      const durationMs = parseDuration(pulled?.[1] ?? '');
      const waitedMs = parseDuration(pulled?.[2] ?? '');
      const sizeBytes = pulled?.[3] === undefined ? undefined : Number(pulled[3]);
      return event({
        type: 'ImagePulled',
        ...envelopeAt(at, 'runtime'),
        ...subject,
        image: quoted(message),
        alreadyPresent,
        ...(!alreadyPresent && {
          ...(durationMs !== undefined && { durationMs }),
          ...(waitedMs !== undefined && waitedMs !== durationMs && { waitedMs }),
          ...(sizeBytes !== undefined && Number.isSafeInteger(sizeBytes) && { sizeBytes }),
        }),
      });
    }
    case 'Failed':
      if (message.startsWith('Failed to pull image')) {
        return event({ type: 'ImagePullFailed', ...envelopeAt(at, 'runtime'), ...subject, image: quoted(message), reason: 'ErrImagePull', message });
      }
      // `Error: ErrImagePull` / `Error: ImagePullBackOff` restate the pull failure or back-off reported beside them.
      if (/^Error: (ErrImagePull|ImagePullBackOff)$/.test(message)) return ignored('Failed Events restating an image error');
      return event({ type: 'ContainerStartFailed', ...envelopeAt(at, 'runtime'), ...subject, reason: 'CreateContainerError', message });
    case 'InspectFailed':
      return event({ type: 'ImagePullFailed', ...envelopeAt(at, 'runtime'), ...subject, image: quoted(message), reason: 'ImageInspectError', message });
    case 'ErrImageNeverPull':
      return event({ type: 'ImagePullFailed', ...envelopeAt(at, 'runtime'), ...subject, image: quoted(message), reason: 'ErrImageNeverPull', message });
    case 'BackOff':
      if (message.startsWith('Back-off pulling image')) {
        return { kind: 'event', delayUnknown: true, event: { type: 'ImagePullBackOff', ...envelopeAt(at, 'kubelet'), ...subject, image: quoted(message), delaySeconds: 0, until: at } };
      }
      return { kind: 'event', delayUnknown: true, event: { type: 'ContainerBackOff', ...envelopeAt(at, 'kubelet'), ...subject, delaySeconds: 0, until: at } };
    case 'Created':
      return event({ type: 'ContainerCreated', ...envelopeAt(at, 'runtime'), ...subject, containerID: '' });
    case 'Started':
      return event({ type: 'ContainerStarted', ...envelopeAt(at, 'runtime'), ...subject, containerID: '' });
    case 'Killing': {
      const reason = message.includes('failed liveness probe')
        ? 'LivenessProbeFailed'
        : message.includes('failed startup probe')
          ? 'StartupProbeFailed'
          : message.startsWith('Stopping container')
            ? 'PodDeleted'
            : undefined;
      if (reason === undefined) return ignored('Killing Events for other causes');
      // The Event does not state the grace: the merge takes it from the pod.
      return { kind: 'event', graceUnknown: true, event: { type: 'ContainerKilling', ...envelopeAt(at, 'kubelet'), ...subject, reason, message, gracePeriodSeconds: 0 } };
    }
    case 'Unhealthy': {
      const m = /^(Liveness|Readiness|Startup) probe (?:failed|errored): ?(.*)$/s.exec(message);
      const kind = probeKinds.get(m?.[1] ?? '');
      if (m === null || kind === undefined) return ignored('Unhealthy Events of unknown probes');
      return event({ type: 'ProbeExecuted', ...envelopeAt(at, 'prober'), ...subject, probe: kind, outcome: 'failure', output: m[2] ?? '' });
    }
    case 'FailedPostStartHook':
      return event({ type: 'PostStartHookFailed', ...envelopeAt(at, 'kubelet'), ...subject, message });
    default:
      return ignored(`container Events with reason ${r.reason}`);
  }
};

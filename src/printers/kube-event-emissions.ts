/**
 * What the scheduler, the kubelet and the controllers emit as core/v1 Events for each journal event:
 * type, reason, source, message and involved container, with the exact Kubernetes strings.
 */
import type { Event, EventOf, EventType, PodRef, RecordedEvent } from '../events/index.js';
import { DEADLINE_EXCEEDED_MESSAGE, DEADLINE_EXCEEDED_REASON } from '../k8s/active-deadline.js';
import { formatDuration } from '../k8s/duration.js';
import type { KubeEventRow, KubeEventType } from './kube-event-row.js';

/**
 * The core/v1 Event reasons each journal event may produce; read backwards (`journalTypesForReason`) it
 * tells an importer which journal event a real Event stands for.
 */
export const coreReasonsByEventType: { readonly [K in EventType]: readonly string[] } = {
  PodCreated: [],
  PodMetadataUpdated: [],
  PodEphemeralContainersUpdated: [],
  RecordsSuperseded: [],
  PodDeletionRequested: [],
  PodRemoved: [],
  PodWriteRejected: [],
  PodObserved: [],
  PodConditionSet: ['TaintManagerEviction'],
  PodBound: ['Scheduled'],
  PodUnschedulable: ['FailedScheduling'],
  NodeRegistered: [],
  NodeConditionChanged: [],
  KubeletStopped: [],
  EvictionThresholdMet: [],
  PodAdmitted: [],
  PodRejected: ['OutOfcpu', 'OutOfmemory', 'OutOfpods', 'Evicted', 'NodeAffinity', 'UnexpectedAdmissionError', 'PodOSSelectorNodeLabelDoesNotMatch', 'PodOSNotSupported'],
  SandboxCreated: [],
  PodIPAssigned: [],
  PodEvicted: ['Evicted'],
  PodKillTimedOut: ['ExceededGracePeriod'],
  PodDeadlineExceeded: ['DeadlineExceeded'],
  PodNodeLost: ['NodeNotReady'],
  PodSynced: [],
  ImagePulling: ['Pulling'],
  ImagePulled: ['Pulled'],
  ImagePullFailed: ['Failed', 'ErrImageNeverPull', 'InspectFailed'],
  ContainerCreated: ['Created'],
  ContainerStarted: ['Started'],
  ContainerStartFailed: ['Failed'],
  ContainerWaiting: [],
  PostStartHookFailed: ['FailedPostStartHook'],
  PostStartHookSucceeded: [],
  ContainerExited: [],
  ContainerRemoved: [],
  ContainerUsageSampled: [],
  ProbeExecuted: ['Unhealthy'],
  ProbeResultChanged: [],
  ContainerKilling: ['Killing'],
  ContainerBackOff: ['BackOff'],
  ImagePullBackOff: ['BackOff', 'Failed'],
};

/** The journal event types that may stand behind a core/v1 Event reason (`Failed` has several). */
export const journalTypesForReason = (reason: string): EventType[] =>
  (Object.keys(coreReasonsByEventType) as EventType[]).filter((type) => coreReasonsByEventType[type].includes(reason));

/**
 * An Event before correlation: one emission at one instant; `recorded` is the Event object a cluster recorded it
 * in, when it was imported from one (the correlator's rows are then that object's).
 */
export type Emission = Omit<KubeEventRow, 'count' | 'firstTimestamp' | 'lastTimestamp'>;

/** What the journal told us so far that shapes Events, by pod uid. */
export interface Context {
  readonly initContainers: Map<string, ReadonlySet<string>>;
  readonly nodes: Map<string, string>;
  /** The containers the runtime lists (created, not exited or removed). */
  readonly live: Map<string, Set<string>>;
  /** Pods whose deletion was requested. */
  readonly deleting: Set<string>;
  /** Pods the kubelet found past their deadline while running them, whose statuses after the kill are to come. */
  readonly pastDeadline: Set<string>;
}

export const emptyContext = (): Context => ({ initContainers: new Map(), nodes: new Map(), live: new Map(), deleting: new Set(), pastDeadline: new Set() });

/**
 * `active_deadline.go :: ShouldEvict` records the Event at every `generateAPIPodStatus` past the deadline
 * (docs/k8s-semantics.md section a1): a pod found past it while running gets the noticing sync's and
 * `SyncTerminatingPod`'s first status at once, then, when its last container is gone, the status after
 * `killPod` and `SyncTerminatedPod`'s final one; a pod already being deleted gets those last two only, at once.
 * The correlator counts them into one row (4 over the kill). An imported one is the source's own record: once.
 */
const deadlineStatusesAfterKillDue = (ctx: Context, e: EventOf<'PodSynced'>): boolean =>
  ctx.pastDeadline.has(e.pod.uid) && (ctx.live.get(e.pod.uid)?.size ?? 0) === 0;

const KUBELET = 'kubelet';
const SCHEDULER = 'default-scheduler';
const NODE_CONTROLLER = 'node-controller';
const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

const probeName = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' } as const;

/** `format.Pod`: how the kubelet names a pod in messages. */
const podName = (pod: PodRef): string => `${pod.name}_${pod.namespace}(${pod.uid})`;

const onPod = (ctx: Context, pod: PodRef, type: KubeEventType, reason: string, message: string, component: string): Emission => {
  const host = component === KUBELET ? ctx.nodes.get(pod.uid) : undefined;
  return {
    involvedObject: { kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid },
    type,
    reason,
    message,
    source: host === undefined ? { component } : { component, host },
  };
};

/** A kubelet event about one container: the involved object carries the container's field path. */
const onContainer = (ctx: Context, pod: PodRef, container: string, type: KubeEventType, reason: string, message: string): Emission => {
  const init = ctx.initContainers.get(pod.uid)?.has(container) === true;
  const base = onPod(ctx, pod, type, reason, message, KUBELET);
  return { ...base, involvedObject: { ...base.involvedObject, fieldPath: `spec.${init ? 'initContainers' : 'containers'}{${container}}` } };
};

/** `active_deadline.go :: ShouldEvict`'s Event. */
const deadlineExceeded = (ctx: Context, pod: PodRef): Emission =>
  onPod(ctx, pod, 'Normal', DEADLINE_EXCEEDED_REASON, DEADLINE_EXCEEDED_MESSAGE, KUBELET);

/**
 * The Events one journal event makes the cluster record, in the order they are recorded. A fact imported from an
 * Event shows that Event as the cluster recorded it (its type, reason, message and reporter, which an older
 * kubelet words otherwise: v1.33's `Created container: NAME`) in place of the first emission of its reason, or
 * first where none has it (an imported `Preempted` Event); the emissions beside it (a pull failure's
 * `Error: ErrImagePull`) keep v1.36's words.
 */
export const emissionsOf = (e: Event, ctx: Context): Emission[] => {
  const made = madeEmissions(e, ctx);
  const recorded = e.from?.recorded;
  if (recorded === undefined) return made;
  const at = made.findIndex((em) => em.reason === recorded.reason);
  const base = made[at] ?? made[0] ?? podLevel(ctx, e);
  if (base === undefined) return made;
  const shown = asRecorded(base, recorded);
  return at < 0 ? [shown, ...made] : made.map((em, i) => (i === at ? shown : em));
};

/** The recorded Event in place of `base`: its involved object (the pod and field path) stays podj's. */
const asRecorded = (base: Emission, r: RecordedEvent): Emission => ({
  involvedObject: base.involvedObject,
  type: r.type,
  reason: r.reason,
  message: r.message,
  source: r.host === '' ? { component: r.component } : { component: r.component, host: r.host },
  recorded: r,
});

/** The pod (or its container) an imported fact is about, for a recorded Event no emission of v1.36's stands for. */
const podLevel = (ctx: Context, e: Event): Emission | undefined => {
  if (!('pod' in e) || e.pod === undefined) return undefined;
  return 'container' in e ? onContainer(ctx, e.pod, e.container, 'Normal', '', '') : onPod(ctx, e.pod, 'Normal', '', '', KUBELET);
};

/** What v1.36's components record for a journal event. */
const madeEmissions = (e: Event, ctx: Context): Emission[] => {
  switch (e.type) {
    case 'PodCreated':
    case 'PodMetadataUpdated':
    case 'PodEphemeralContainersUpdated':
    case 'RecordsSuperseded':
    case 'PodDeletionRequested':
    case 'PodRemoved':
    case 'PodWriteRejected':
    case 'PodObserved':
    case 'NodeRegistered':
    case 'NodeConditionChanged':
    case 'KubeletStopped':
    case 'EvictionThresholdMet':
    case 'PodAdmitted':
    case 'SandboxCreated':
    case 'PodIPAssigned':
    case 'ContainerWaiting':
    case 'PostStartHookSucceeded':
    case 'ContainerExited':
    case 'ContainerRemoved': // removeContainer records no Event
    case 'ContainerUsageSampled':
    case 'ProbeResultChanged':
      return [];
    case 'PodConditionSet':
      // tainteviction/taint_eviction.go :: emitPodDeletionEvent
      return e.conditionType === 'DisruptionTarget' && e.reason === 'DeletionByTaintManager'
        ? [onPod(ctx, e.pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${e.pod.namespace}/${e.pod.name}`, TAINT_EVICTION_CONTROLLER)]
        : [];
    case 'PodBound':
      // only the scheduler's binding records `Scheduled` (`schedule_one.go :: finishSchedulingCycle`); a pod created
      // with `spec.nodeName`, or a static pod's mirror, never meets the scheduler
      return e.source === 'scheduler' ? [onPod(ctx, e.pod, 'Normal', 'Scheduled', `Successfully assigned ${e.pod.namespace}/${e.pod.name} to ${e.node}`, SCHEDULER)] : [];
    case 'PodUnschedulable':
      return [onPod(ctx, e.pod, 'Warning', 'FailedScheduling', e.message, SCHEDULER)];
    case 'PodRejected':
      return [onPod(ctx, e.pod, 'Warning', e.reason, e.message, KUBELET)];
    case 'PodEvicted':
      return [onPod(ctx, e.pod, 'Warning', 'Evicted', e.message, KUBELET)];
    case 'PodKillTimedOut':
      // pod_workers.go :: killPodNow, its wait for the pod's termination over
      return [onPod(ctx, e.pod, 'Warning', 'ExceededGracePeriod', 'Container runtime did not kill the pod within specified grace period.', KUBELET)];
    case 'PodDeadlineExceeded': {
      const exceeded = deadlineExceeded(ctx, e.pod);
      return e.from === undefined ? [exceeded, exceeded] : [exceeded];
    }
    case 'PodSynced': {
      if (!deadlineStatusesAfterKillDue(ctx, e)) return [];
      const exceeded = deadlineExceeded(ctx, e.pod);
      return [exceeded, exceeded];
    }
    case 'PodNodeLost':
      // nodelifecycle: MarkPodsNotReady
      return [onPod(ctx, e.pod, 'Warning', 'NodeNotReady', 'Node is not ready', NODE_CONTROLLER)];
    case 'ImagePulling':
      return [onContainer(ctx, e.pod, e.container, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(e.image)}`)];
    case 'ImagePulled': {
      // images/image_manager.go :: EnsureImageExists: the pull's own time, then the time since it was asked for
      const took = formatDuration(e.durationMs ?? 0);
      const waited = formatDuration(e.waitedMs ?? e.durationMs ?? 0);
      const message = e.alreadyPresent
        ? `Container image ${JSON.stringify(e.image)} already present on machine and can be accessed by the pod`
        : `Successfully pulled image ${JSON.stringify(e.image)} in ${took} (${waited} including waiting)${e.sizeBytes === undefined ? '' : `. Image size: ${e.sizeBytes} bytes.`}`;
      return [onContainer(ctx, e.pod, e.container, 'Normal', 'Pulled', message)];
    }
    case 'ImagePullFailed': {
      // images/image_manager.go :: EnsureImageExists, then kuberuntime's "Error: <reason>"
      const image = JSON.stringify(e.image);
      const first =
        e.reason === 'ErrImageNeverPull'
          ? onContainer(ctx, e.pod, e.container, 'Warning', 'ErrImageNeverPull', `Container image ${image} is not present with pull policy of Never`)
          : e.reason === 'InvalidImageName'
            ? onContainer(ctx, e.pod, e.container, 'Warning', 'InspectFailed', `Failed to apply default image tag ${image}: ${e.message}`)
            : onContainer(ctx, e.pod, e.container, 'Warning', 'Failed', `Failed to pull image ${image}: ${e.message}`);
      return [first, onContainer(ctx, e.pod, e.container, 'Warning', 'Failed', `Error: ${e.reason}`)];
    }
    case 'ContainerCreated':
      return [onContainer(ctx, e.pod, e.container, 'Normal', 'Created', 'Container created')];
    case 'ContainerStarted':
      return [onContainer(ctx, e.pod, e.container, 'Normal', 'Started', 'Container started')];
    case 'ContainerStartFailed':
      return [onContainer(ctx, e.pod, e.container, 'Warning', 'Failed', `Error: ${e.message}`)];
    case 'PostStartHookFailed':
      // the hook's output is left out so that secrets do not leak into events
      return [onContainer(ctx, e.pod, e.container, 'Warning', 'FailedPostStartHook', 'PostStartHook failed')];
    case 'ProbeExecuted':
      return e.outcome === 'failure'
        ? [onContainer(ctx, e.pod, e.container, 'Warning', 'Unhealthy', `${probeName[e.probe]} probe failed: ${e.output ?? ''}`)]
        : [];
    case 'ContainerKilling':
      return [onContainer(ctx, e.pod, e.container, 'Normal', 'Killing', killingMessage(e.reason, e.container))];
    case 'ContainerBackOff':
      return [
        onContainer(ctx, e.pod, e.container, 'Warning', 'BackOff', `Back-off restarting failed container ${e.container} in pod ${podName(e.pod)}`),
      ];
    case 'ImagePullBackOff':
      return [
        onContainer(ctx, e.pod, e.container, 'Normal', 'BackOff', `Back-off pulling image ${JSON.stringify(e.image)}`),
        onContainer(ctx, e.pod, e.container, 'Warning', 'Failed', 'Error: ImagePullBackOff'),
      ];
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};

/** `killContainer`'s event message for each reason the kubelet stops a container. */
const killingMessage = (reason: Extract<Event, { type: 'ContainerKilling' }>['reason'], container: string): string => {
  switch (reason) {
    case 'LivenessProbeFailed':
      return `Container ${container} failed liveness probe, will be restarted`;
    case 'StartupProbeFailed':
      return `Container ${container} failed startup probe, will be restarted`;
    case 'PostStartHookFailed':
      return 'FailedPostStartHook';
    case 'PodDeleted':
    case 'PodEvicted':
    case 'PodFinished':
    case 'RestartAllContainers':
      return `Stopping container ${container}`;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
};

/**
 * Remembers what later events need (`Context`), after `e`'s own emissions: init container names (PodCreated),
 * the pod's node (binding), its live containers, its deletion and its deadline.
 */
export const learn = (ctx: Context, e: Event): void => {
  const uid = 'pod' in e ? e.pod.uid : undefined;
  if (uid === undefined) return;
  switch (e.type) {
    case 'PodCreated':
      ctx.initContainers.set(uid, new Set((e.manifest.spec.initContainers ?? []).map((c) => c.name)));
      return;
    case 'PodBound':
    case 'PodAdmitted':
      ctx.nodes.set(uid, e.node);
      return;
    case 'ContainerCreated': {
      const live = ctx.live.get(uid) ?? new Set<string>();
      ctx.live.set(uid, live.add(e.container));
      return;
    }
    case 'ContainerExited':
    case 'ContainerRemoved':
      ctx.live.get(uid)?.delete(e.container);
      return;
    case 'PodDeletionRequested':
      ctx.deleting.add(uid);
      return;
    case 'PodDeadlineExceeded':
      if (e.from === undefined && !ctx.deleting.has(uid)) ctx.pastDeadline.add(uid);
      return;
    case 'PodSynced':
      if (deadlineStatusesAfterKillDue(ctx, e)) ctx.pastDeadline.delete(uid);
      return;
    default:
      return;
  }
};


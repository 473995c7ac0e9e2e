/**
 * The journal's vocabulary: every fact about pods and nodes that podjournal records, one io-ts codec per
 * event. Grouped by who makes it happen: the API server, the scheduler, nodes, the container runtime, the
 * prober, the kubelet's own decisions, and control-plane controllers.
 */
import * as t from 'io-ts';
import { ConditionStatus, Instant, Integer, QuantityString, ResourceList, StringMap } from '../k8s/codecs.js';
import { ContainerUser, EphemeralContainer, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { containerSubject, member, nodeSubject, podSubject, RecordedEvent } from './common.js';

/**
 * Imports: the kubelet-owned condition types an object its kubelet wrote carries, in its order: that kubelet
 * publishes only these (one older than v1.29 has no PodReadyToStartContainers). Absent: all of v1.36's.
 */
const publishedConditions = { conditionTypes: t.array(t.string) };

/**
 * Imports: the optional status fields v1.36's kubelet (or scheduler) writes that a captured object's did not
 * (`podIPs` since v1.16, `hostIPs` since v1.28, `containerStatuses[].volumeMounts` since v1.30 and `.user` since
 * v1.31, `observedGeneration` on the status and its conditions since v1.34, `started` on init container statuses
 * since v1.28's sidecars; the pod-level `resources` and `allocatedResources` since v1.36's
 * InPlacePodLevelResourcesVerticalScaling beta). Every `containerStatuses[].` but `started` names init container statuses too.
 */
export const StatusField = t.keyof(
  {
    observedGeneration: null,
    'conditions[].observedGeneration': null,
    podIPs: null,
    hostIPs: null,
    'initContainerStatuses[].started': null,
    'containerStatuses[].started': null,
    'containerStatuses[].allocatedResources': null,
    'containerStatuses[].resources': null,
    'containerStatuses[].user': null,
    'containerStatuses[].volumeMounts': null,
    resources: null,
    allocatedResources: null,
  },
  'StatusField',
);
export type StatusField = t.TypeOf<typeof StatusField>;

// ---------------------------------------------------------------------------------------------
// API writes
// ---------------------------------------------------------------------------------------------

/**
 * A pod object was created; `manifest` is the pod as stored, defaults applied, without status. Imports:
 * `unwrittenFields`, as on `PodAdmitted` and `PodObserved`, when the object it was read from shows its kubelet (or
 * scheduler) did not write some fields: the statuses before that capture were theirs too.
 */
export const PodCreated = member('PodCreated', { ...podSubject, manifest: V1Pod }, { unwrittenFields: t.array(StatusField) });

/**
 * The pod's ephemeral containers were written through the `pods/ephemeralcontainers` subresource (`kubectl debug`;
 * `pkg/registry/core/pod/storage/storage.go :: EphemeralContainersREST`), the only way a pod's spec grows:
 * `ephemeralContainers` is the whole list after the write (validation lets a write only add to it,
 * `ValidatePodEphemeralContainersUpdate`).
 */
export const PodEphemeralContainersUpdated = member('PodEphemeralContainersUpdated', { ...podSubject, ephemeralContainers: t.array(EphemeralContainer) });

/**
 * One journal record a later import superseded, by what tells it from the pod's other records: its type, its instant,
 * its container, and the Event object it was read from (`from.recorded.object`), if any. With `recordedAs`, the record
 * stands and is read as recorded by that Event (a start an object stated, whose `Started` Event came later): the
 * record a joint import keeps.
 */
export const SupersededRecord = t.intersection(
  [t.type({ type: t.string, at: Instant }), t.partial({ container: t.string, recorded: t.string, recordedAs: RecordedEvent })],
  'SupersededRecord',
);
export type SupersededRecord = t.TypeOf<typeof SupersededRecord>;

/**
 * Imports only: records the journal holds of this pod that a later import recorded better (a run an earlier import
 * of the pod's objects placed, which the kubelet's Events imported since time), or that gain the Event the cluster
 * recorded for them (`recordedAs`). The journal is append-only: the better records are appended beside this, and every
 * reader (the fold, the Events, the next import) reads the pod as if the superseded records were never there and the
 * others had been imported with their Event (`superseded.ts`). Stamped 1 ms before the earliest of them, so that a fold
 * in time order meets it first.
 */
export const RecordsSuperseded = member('RecordsSuperseded', { ...podSubject, records: t.array(SupersededRecord) });

/** Labels or annotations were replaced by an update (apply, label, annotate). */
export const PodMetadataUpdated = member('PodMetadataUpdated', {
  ...podSubject,
  labels: StringMap,
  annotations: StringMap,
});

/** A graceful (or, with 0, forced) deletion: `deletionTimestamp` = `at` + grace. */
export const PodDeletionRequested = member('PodDeletionRequested', { ...podSubject, gracePeriodSeconds: Integer });

/** The object is gone from the API server (force deletion, or the kubelet's final delete). */
export const PodRemoved = member('PodRemoved', { ...podSubject });

/** A write the API server refused (HTTP status >= 400): recorded, never applied. */
export const PodWriteRejected = member('PodWriteRejected', {
  ...podSubject,
  verb: t.string,
  code: Integer,
  message: t.string,
});

/**
 * A condition as a captured object shows it, with the time its kubelet (or scheduler) stamped its transition, and
 * the reason and message it wrote (`''`: none; absent in events imported before they were kept).
 */
export const CapturedCondition = t.intersection(
  [t.type({ type: t.string, status: ConditionStatus, lastTransitionTime: Instant }), t.partial({ reason: t.string, message: t.string })],
  'CapturedCondition',
);
export type CapturedCondition = t.TypeOf<typeof CapturedCondition>;

/**
 * An import captured the pod's object at this instant (a PodList item, a watch update, an audit line's object):
 * what the fold shows then is what the cluster showed. It bounds how far facts the importer placed before it
 * (runs a restart count implies, their back-offs) are the source's word: a state resting on such a fact after
 * the last capture is inferred (`get pods --at` says so). `conditions`: the object's condition transition
 * times, reasons and messages, which the fold takes where it shows the same type and status (the kubelet stamps a
 * transition when it writes the status, often a second after the fact the fold places it at; an older kubelet words
 * some conditions otherwise, as before the fix of issues.k8s.io/108594 (2022) a failed pod's `ContainersNotReady` with its list, not `PodFailed`;
 * a condition whose time was stripped is left out).
 * `withoutLastState`: the containers the object shows restarted (`restartCount` above 0) with no `lastState`:
 * the kubelet builds it only from the runtime's older instance of the container, which the runtime no longer
 * lists (`kubelet_pods.go :: convertToAPIContainerStatuses`; a node reboot cleared its state, and the kubelet
 * counted the restart from the container's log files, `kuberuntime_container.go :: startContainer`).
 * `listed`: the object is an item of a list the API server served (a PodList, not a kubelet's `/pods`), the whole
 * set of its namespace's pods at the list's instant: the latest of its items' captures, which share its file and line.
 * `unwrittenFields`: the optional status fields its kubelet did not write (`StatusField`), which the fold omits
 * from then on; `[]`: it wrote them all again. Absent: as the capture before (none before any: v1.36's kubelet).
 */
export const PodObserved = member(
  'PodObserved',
  { ...podSubject },
  {
    ...publishedConditions,
    conditions: t.array(CapturedCondition),
    withoutLastState: t.array(t.string),
    listed: t.literal(true),
    unwrittenFields: t.array(StatusField),
    /**
     * The pod-level `status.resources` the object shows. A running pod's are read from its cgroup by the status the
     * kubelet generated after the API showed it Running, which the capture alone tells from the allocated ones.
     */
    resources: ResourceRequirements,
    /**
     * The status's `observedGeneration` the object shows when it is not the object's `generation`: the API server
     * bumps the generation at a graceful deletion (`registry/rest/delete.go :: BeforeDelete`) and keeps the status as
     * the kubelet last wrote it, until the kubelet's next status observes the new one. The fold shows it until the
     * status it next generates; a capture without it shows the generation observed.
     */
    observedGeneration: Integer,
    /**
     * The object's `metadata.resourceVersion` as the API server served it (not a kubelet's `/pods`, which keeps the
     * version of the object it last received while its status moves on): the fold shows it until the pod next
     * changes, a write whose version the import does not know.
     */
    resourceVersion: t.string,
    /**
     * The scheduler's `status.nominatedNodeName` the object shows (preemption, `schedule_one.go ::
     * handleSchedulingFailure`): the fold shows it from this capture on; a later capture without it (a status write
     * that cleared it: the scheduler's, or the binding's, `storage.go :: setPodNodeAndMetadata` since v1.35) clears it.
     */
    nominatedNodeName: t.string,
  },
);

/** A condition the kubelet does not own (DisruptionTarget, readiness gates) was set by some component. */
export const PodConditionSet = member(
  'PodConditionSet',
  { ...podSubject, conditionType: t.string, status: ConditionStatus },
  { reason: t.string, message: t.string },
);

// ---------------------------------------------------------------------------------------------
// scheduler
// ---------------------------------------------------------------------------------------------

export const PodBound = member('PodBound', { ...podSubject, node: t.string });

/** A scheduling attempt failed: `Unschedulable` when plugins rejected the pod, else `SchedulerError`. */
export const PodUnschedulable = member('PodUnschedulable', {
  ...podSubject,
  reason: t.keyof({ Unschedulable: null, SchedulerError: null }),
  message: t.string,
});

// ---------------------------------------------------------------------------------------------
// nodes
// ---------------------------------------------------------------------------------------------

export const NodeRegistered = member(
  'NodeRegistered',
  { ...nodeSubject, capacity: ResourceList, allocatable: ResourceList, labels: StringMap },
  {
    internalIP: t.string,
    /** Images already on the node (`busybox` means `busybox:latest`). */
    images: t.array(t.string),
    /** The kubelet's hard eviction thresholds by signal, as `--eviction-hard` (`memory.available: 100Mi`). */
    evictionHard: StringMap,
  },
);

export const NodeConditionChanged = member(
  'NodeConditionChanged',
  { ...nodeSubject, conditionType: t.string, status: ConditionStatus },
  { reason: t.string, message: t.string },
);

/**
 * The node's kubelet stopped posting status and renewing its lease (the machine died, the network split):
 * nothing it does is observed from now on. The node lifecycle controller notices only later
 * (`monitorNodeHealth`), and a `Ready` condition of `True` from the node says it is back.
 */
export const KubeletStopped = member('KubeletStopped', { ...nodeSubject });

/** An eviction monitoring cycle found a hard threshold met (`synchronize`): kept so the pressure condition's transition period replays. */
export const EvictionThresholdMet = member('EvictionThresholdMet', {
  ...nodeSubject,
  signal: t.string,
  threshold: QuantityString,
  available: QuantityString,
});

// ---------------------------------------------------------------------------------------------
// kubelet: pod-level
// ---------------------------------------------------------------------------------------------

/**
 * The kubelet admitted the pod and wrote its first status: `startTime` (`at`, unless `startTime` is given) and
 * `hostIP`, and the condition types it publishes. An import gives `startTime` when it placed the admission before
 * the `startTime` its object shows (a static pod whose containers an earlier kubelet process started; the
 * restarted kubelet wrote a later one).
 */
export const PodAdmitted = member('PodAdmitted', { ...podSubject, node: t.string }, { hostIP: t.string, startTime: Instant, ...publishedConditions, unwrittenFields: t.array(StatusField) });

/** The kubelet refused to admit the pod (for example under node pressure): the pod fails at once. */
export const PodRejected = member('PodRejected', { ...podSubject, node: t.string, reason: t.string, message: t.string });

/**
 * The pod sandbox is up with its network: `podIP`, and PodReadyToStartContainers turns True. An empty `podIP`
 * is a network status without an IP (the sandbox is not ready: `PodSandboxChanged`); an absent one is a ready
 * sandbox whose IP the kubelet did not publish with it (CRI `PodSandboxStatus` with no network status: an
 * import whose source showed the condition True before any `podIP`), `PodIPAssigned` bringing it later.
 */
export const SandboxCreated = member('SandboxCreated', { ...podSubject }, { podIP: t.string, podIPs: t.array(t.string) });

/**
 * The kubelet published the pod's IPs after its sandbox (`SandboxCreated` without `podIP`): the source showed
 * PodReadyToStartContainers True with no `podIP`, then the IP in a later write (the v1.36.1 rolling update).
 */
export const PodIPAssigned = member('PodIPAssigned', { ...podSubject, podIP: t.string }, { podIPs: t.array(t.string) });

/**
 * The kubelet evicted the pod for node pressure: phase Failed, reason Evicted, DisruptionTarget; or for outgrowing a
 * local storage limit (`signal` `emptydirfs.limit`, `ephemeralpodfs.limit`, `ephemeralcontainerfs.limit`), which
 * `evictPod` does with no condition: `disruptionTarget: false`.
 */
export const PodEvicted = member(
  'PodEvicted',
  { ...podSubject, signal: t.string, message: t.string },
  {
    /** Kubernetes event annotations: `offending_containers`, `offending_containers_usage`, `starved_resource`; `offending_pod`, `offending_pod_usage` with pod-level resources. */
    annotations: StringMap,
    /** `false`: the eviction sets no DisruptionTarget condition (a local storage limit); absent: it does. */
    disruptionTarget: t.literal(false),
  },
);

/**
 * A kill the kubelet asked its pod worker for did not complete in time: `pod_workers.go :: killPodNow` waits
 * `max(grace × 1.5, 10 s)` for the pod's termination, then records `ExceededGracePeriod` and gives up waiting (the
 * kill goes on). The eviction manager kills this way (`evictPod`). An observation: it changes no pod.
 */
export const PodKillTimedOut = member('PodKillTimedOut', { ...podSubject });

/**
 * The kubelet found the pod past `spec.activeDeadlineSeconds`, counted from `status.startTime`
 * (`active_deadline.go :: ShouldEvict`, consulted by `generateAPIPodStatus`): phase Failed, reason
 * DeadlineExceeded, and the pod is terminated (its containers killed with the pod's grace).
 */
export const PodDeadlineExceeded = member('PodDeadlineExceeded', { ...podSubject });

/**
 * The kubelet's pod worker began a sync (`kubelet.go :: SyncPod`): the status it generated first, from the
 * runtime's state and the reason cache the previous sync left (`convertToAPIContainerStatuses`), is what the
 * API shows from now on. Once a pod has one, its kubelet-written status changes only at these (and at probe
 * results, which the status manager writes directly); imported journals, which have none, show every fact at once.
 */
export const PodSynced = member('PodSynced', { ...podSubject }, {
  /** Which sync of the pod's worker this is (1, 2, …): two syncs at one instant are two facts, not one repeated. */
  sync: Integer,
  /**
   * A status generated while the pod worker, with nothing left to stop, has not finished terminating: the `SyncPod`
   * that found the pod over by itself (or past its active deadline), or `SyncTerminatingPod`'s before `killPod` for an
   * evicted pod waiting out a back-off. The status manager still holds a terminal phase back (`mergePodStatus`:
   * `CouldHaveRunningContainers`); the next `PodSynced`, at the same instant, is the status generated once `killPod`
   * returned. Where a container runs the kill gives the same sign, and this is not set.
   */
  beforeKill: t.literal(true),
  /**
   * `SyncTerminatedPod`, at the PLEG relist after `SyncTerminatingPod` returned (`pod_workers.go :: podWorkerLoop`:
   * `podCache.GetNewerThan`): its `statusManager.TerminatePod` marks every container the terminal status still shows
   * unfinished terminated `ContainerStatusUnknown` (exit 137) and turns a phase still Pending or Running Failed.
   */
  terminated: t.literal(true),
});

/** The node lifecycle controller lost contact with the pod's node: Ready turns False, status unknowable. */
export const PodNodeLost = member('PodNodeLost', { ...podSubject, node: t.string });

// ---------------------------------------------------------------------------------------------
// container runtime: images and container instances
// ---------------------------------------------------------------------------------------------

export const ImagePulling = member('ImagePulling', { ...containerSubject, image: t.string });

export const ImagePulled = member(
  'ImagePulled',
  { ...containerSubject, image: t.string, alreadyPresent: t.boolean },
  {
    imageID: t.string,
    durationMs: Integer,
    /**
     * The pull's time counted from its request, its wait in the kubelet's pull queue included (`(W including
     * waiting)`), as a recorded Event states it; absent: no wait, the same as `durationMs`.
     */
    waitedMs: Integer,
    /** The pulled image's size as the runtime reports it (`Image size: N bytes.`); absent in older journals. */
    sizeBytes: Integer,
  },
);

/** A pull failed (`ErrImagePull`) or may not be tried (`ErrImageNeverPull`, `InvalidImageName`). */
export const ImagePullFailed = member('ImagePullFailed', {
  ...containerSubject,
  image: t.string,
  reason: t.string,
  message: t.string,
});

/**
 * `standIn` (on `ContainerCreated`, `ContainerStarted`, `ContainerExited`): an import's record, with the real
 * containerID, of a run the journal holds under a stand-in id (`stand-in-id.ts`: an earlier import of its Events
 * had no id): the fold reads both as that one run.
 *
 * `imageID`, `image`: the image of a run the runtime created but never started (an imported `StartError`'s status),
 * its ID and its name as the runtime reported it, and `user` the user it reported for that container (added without a
 * version change).
 */
export const ContainerCreated = member('ContainerCreated', { ...containerSubject, containerID: t.string }, { imageID: t.string, image: t.string, standIn: t.string, user: ContainerUser });

/**
 * `imageID`, `image`: the image the runtime ran, when the source states it (an imported status's `imageID` and
 * `image`: the name the runtime reported, which need not be the spec's, as dockershim's first repo tag `nginx:latest`).
 * `user`: the identity the runtime reported the run's process has (an imported status's `user`: the image's `USER`
 * and its groups where the spec sets no `runAsUser`, CRI `ContainerStatus.user`); absent: derived from the spec.
 */
export const ContainerStarted = member('ContainerStarted', { ...containerSubject, containerID: t.string }, { imageID: t.string, image: t.string, standIn: t.string, user: ContainerUser });

/** Creating or starting the container failed (`CreateContainerError`, `RunContainerError`, ...). */
export const ContainerStartFailed = member('ContainerStartFailed', {
  ...containerSubject,
  reason: t.string,
  message: t.string,
});

/**
 * The kubelet showed the container waiting for `reason` (an imported status's `state.waiting` that no other
 * event explains, as `PodInitializing` or `ContainerCreating`): what the cluster showed, kept until the
 * container gets an instance or another reason.
 */
export const ContainerWaiting = member('ContainerWaiting', { ...containerSubject, reason: t.string }, { message: t.string });

/** The postStart hook failed: the kubelet kills the container (`FailedPostStartHook`). */
export const PostStartHookFailed = member('PostStartHookFailed', { ...containerSubject, message: t.string });

/** The postStart hook returned: the container may count as running. */
export const PostStartHookSucceeded = member('PostStartHookSucceeded', { ...containerSubject });

/**
 * The container's process ended: `reason` as the runtime reports it (Completed, Error, OOMKilled, ...).
 * `finishedAt`: the runtime's time of the exit, when the cluster showed it only later (an import's capture of the pod
 * at or after that time still showed the container running): `at` is then when the cluster first showed the exit,
 * `finishedAt` what its status states.
 */
export const ContainerExited = member(
  'ContainerExited',
  { ...containerSubject, containerID: t.string, exitCode: Integer, reason: t.string },
  { signal: Integer, message: t.string, standIn: t.string, finishedAt: Instant },
);

/**
 * The kubelet removed the container's instance from the runtime, its logs kept: a `RestartAllContainers` rule
 * matched an exit, and the kubelet resets the pod in place (`kuberuntime_manager.go :: SyncPod`'s
 * `ContainersToReset`, `removeContainer`). The sandbox stays; the next instance starts afresh, counted on.
 */
export const ContainerRemoved = member('ContainerRemoved', { ...containerSubject, containerID: t.string });

/** Memory working set of one container, as the kubelet's stats provider samples it. */
export const ContainerUsageSampled = member('ContainerUsageSampled', { ...containerSubject, memory: QuantityString });

// ---------------------------------------------------------------------------------------------
// prober
// ---------------------------------------------------------------------------------------------

export const ProbeKind = t.keyof({ liveness: null, readiness: null, startup: null }, 'ProbeKind');
export type ProbeKind = t.TypeOf<typeof ProbeKind>;
export const ProbeOutcome = t.keyof({ success: null, failure: null }, 'ProbeOutcome');
export type ProbeOutcome = t.TypeOf<typeof ProbeOutcome>;

/** One probe execution: an observation, counted by the kubelet against the probe's thresholds. */
export const ProbeExecuted = member(
  'ProbeExecuted',
  { ...containerSubject, probe: ProbeKind, outcome: ProbeOutcome },
  { output: t.string },
);

/** A probe's stable result changed because a threshold was crossed (`worker.go :: doProbe` publishing). */
export const ProbeResultChanged = member('ProbeResultChanged', {
  ...containerSubject,
  probe: ProbeKind,
  outcome: ProbeOutcome,
});

// ---------------------------------------------------------------------------------------------
// kubelet decisions about containers
// ---------------------------------------------------------------------------------------------

export const KillReason = t.keyof(
  {
    LivenessProbeFailed: null,
    StartupProbeFailed: null,
    PostStartHookFailed: null,
    PodDeleted: null,
    PodEvicted: null,
    PodFinished: null,
    RestartAllContainers: null,
  },
  'KillReason',
);
export type KillReason = t.TypeOf<typeof KillReason>;

/** The kubelet stops a container (event `Killing`): preStop, then SIGTERM, SIGKILL after the grace. */
export const ContainerKilling = member('ContainerKilling', {
  ...containerSubject,
  reason: KillReason,
  message: t.string,
  gracePeriodSeconds: Integer,
});

/**
 * A restart is delayed by back-off: waiting `CrashLoopBackOff` until `until`. `message`: the waiting message a
 * captured status showed, in its kubelet's words (before v1.26 `Back-off 40s restarting …`); without it the fold
 * writes v1.36's.
 */
export const ContainerBackOff = member(
  'ContainerBackOff',
  {
    ...containerSubject,
    delaySeconds: Integer,
    until: Instant,
  },
  { message: t.string },
);

/**
 * An image pull is delayed by back-off: waiting `ImagePullBackOff` until `until`. `lastPullError`: `ERR:
 * MESSAGE` of the failed pull that set the back-off when it was another container's (the kubelet keys the
 * back-off and its `prevPullErrMsg` by pod and image, `image_manager.go :: pullImage`).
 */
export const ImagePullBackOff = member(
  'ImagePullBackOff',
  {
    ...containerSubject,
    image: t.string,
    delaySeconds: Integer,
    until: Instant,
  },
  { lastPullError: t.string },
);

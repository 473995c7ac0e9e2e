/**
 * What the kubelet knows about a pod that its v1 status does not show directly, kept beside the Pod so
 * that the status can be regenerated after each event the way `generateAPIPodStatus` does.
 */
import type { Instant } from '../k8s/codecs.js';
import type { ContainerState, ContainerUser } from '../k8s/pod.js';
import type { ProbeKind, ProbeOutcome, StatusField } from '../events/vocabulary.js';

export type ContainerStateRunning = NonNullable<ContainerState['running']>;
export type ContainerStateTerminated = NonNullable<ContainerState['terminated']>;

/** The newest container instance as the runtime reports it. */
export type InstanceState =
  | { readonly kind: 'created' }
  | { readonly kind: 'running'; readonly running: ContainerStateRunning }
  | { readonly kind: 'terminated'; readonly terminated: ContainerStateTerminated };

export interface ContainerView {
  /**
   * Instances the runtime has made of this spec container; the newest one's index is its restartCount (once
   * the kubelet removed it, the next one's: `removedInstance`).
   */
  readonly instances: number;
  /** The newest instance; undefined before the first one exists, or once the kubelet removed it (`RestartAllContainers`). */
  readonly current?: InstanceState;
  /** The instance before the newest, if it terminated (`lastState`). */
  readonly previous?: ContainerStateTerminated;
  readonly containerID?: string;
  readonly imageID?: string;
  /** The image's name as the runtime reported it, when an imported status stated it; else derived from the spec's. */
  readonly image?: string;
  /** The user the runtime reported the newest run has, when an imported status stated it; else derived from the spec. */
  readonly user?: ContainerUser;
  /** The kubelet's cached reason for the last failed (re)start (`reasonCache`): shown while a restart is due. */
  readonly failure?: { readonly reason: string; readonly message: string };
  /**
   * The waiting reason an imported status showed (`ContainerWaiting`), or `RestartingAllContainers` once the kubelet
   * removed the instance, shown instead of the default one until an instance exists.
   */
  readonly waiting?: { readonly reason: string; readonly message?: string };
  /** Stable (threshold-crossed) probe results for the current container instance. */
  readonly probes: Partial<Record<ProbeKind, ProbeOutcome>>;
  /** postStart has returned for the current instance (or there is none). */
  readonly postStartDone: boolean;
}

export interface KubeletView {
  readonly node?: string;
  /** The kubelet has written the pod's status (PodAdmitted, or implied by the first node-side event). */
  readonly admitted: boolean;
  readonly hostIP?: string;
  readonly podIPs?: readonly string[];
  readonly sandboxReady: boolean;
  /** Some regular container has started in the current sandbox (`HasAnyActiveRegularContainerStarted`). */
  readonly podHasInitialized: boolean;
  /** `disruptionTarget: false`: a local storage limit eviction, which writes no DisruptionTarget. */
  readonly evicted?: { readonly at: Instant; readonly message: string; readonly disruptionTarget?: false };
  /**
   * A sync has published the status of a pod that was over: its terminating sync began (`SyncTerminatingPod`), which
   * took the eviction status function it applies then (`pod_workers.go :: acknowledgeTerminating`).
   */
  readonly terminatingSynced?: true;
  readonly rejected?: { readonly reason: string; readonly message: string };
  /** The kubelet found the pod past its `activeDeadlineSeconds` (`active_deadline.go :: ShouldEvict`). */
  readonly deadlineExceededAt?: Instant;
  readonly nodeLost: boolean;
  /** By container name; a container the kubelet knows nothing of yet is absent. */
  readonly containers: Readonly<Partial<Record<string, ContainerView>>>;
  /**
   * The kubelet publishes this pod's status at its syncs (`PodSynced`, simulated journals): the view then runs
   * ahead of the status, which shows `published`. False for imported journals: every fact shows at once.
   */
  readonly syncs: boolean;
  /** The view the shown status was generated from (only while `syncs`). */
  readonly published?: KubeletView;
  /** Imported journals: what the pod's state rests on (`ImportProvenance`); the engine's journals carry none. */
  readonly provenance?: ImportProvenance;
  /**
   * Imported journals: the kubelet-owned condition types the latest object its kubelet wrote carried (`PodAdmitted`,
   * `PodObserved`); that kubelet publishes only these (an older one lacks v1.36's). Undefined: all of v1.36's.
   */
  readonly conditionTypes?: readonly string[];
  /**
   * Imported journals: the optional status fields the latest capture's kubelet did not write (`PodObserved`'s
   * `unwrittenFields`); the status omits them. Undefined: it writes all of v1.36's.
   */
  readonly unwrittenFields?: readonly StatusField[];
}

/** Imported journals: when the cluster last showed the pod, and the inferred facts the fold rests on since. */
export interface ImportProvenance {
  /** The latest capture of the pod's object (`PodObserved`), when the cluster showed the pod as the fold does. */
  readonly capturedAt?: Instant;
  /** When the latest event that changed the pod happened, if the importer inferred it (undefined when recorded). */
  readonly changeAt?: Instant;
  /**
   * The latest container run fact (created, started, exited) the importer inferred: RESTARTS and its "(Xm ago)"
   * count every run, so they rest on it until a capture, whatever recorded change comes after it.
   */
  readonly runAt?: Instant;
}

/** The kubelet removed the container's newest instance (`RestartAllContainers`): the runtime lists none of it. */
export const removedInstance = (v: ContainerView): boolean => v.current === undefined && v.instances > 0;

// Views are built only through these two functions, so that every view has the same keys in the same order
// (absent fields hold `undefined`): replay then touches one hidden class per kind of object, not dozens.

/** A copy of `v` with `patch` applied; every key is present (undefined when absent), in one fixed order. */
export const containerView = (v: ContainerView, patch: Partial<ContainerView> = {}): ContainerView =>
  Object.assign(
    {
      instances: v.instances,
      current: v.current,
      previous: v.previous,
      containerID: v.containerID,
      imageID: v.imageID,
      image: v.image,
      user: v.user,
      failure: v.failure,
      waiting: v.waiting,
      probes: v.probes,
      postStartDone: v.postStartDone,
    },
    patch,
  );

/** A copy of `k` with `patch` applied; every key is present (undefined when absent), in one fixed order. */
export const kubeletView = (k: KubeletView, patch: Partial<KubeletView> = {}): KubeletView =>
  Object.assign(
    {
      node: k.node,
      admitted: k.admitted,
      hostIP: k.hostIP,
      podIPs: k.podIPs,
      sandboxReady: k.sandboxReady,
      podHasInitialized: k.podHasInitialized,
      evicted: k.evicted,
      terminatingSynced: k.terminatingSynced,
      rejected: k.rejected,
      deadlineExceededAt: k.deadlineExceededAt,
      nodeLost: k.nodeLost,
      containers: k.containers,
      syncs: k.syncs,
      published: k.published,
      provenance: k.provenance,
      conditionTypes: k.conditionTypes,
      unwrittenFields: k.unwrittenFields,
    },
    patch,
  );

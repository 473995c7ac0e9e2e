/**
 * What the kubelet knows about a pod that its v1 status does not show directly, kept beside the Pod so
 * that the status can be regenerated after each event the way `generateAPIPodStatus` does.
 */
import type { Instant } from '../k8s/codecs.js';
import type { ContainerState, ContainerUser } from '../k8s/pod.js';
import type { ProbeKind, ProbeOutcome, StatusField } from '../events/vocabulary.js';
import { patchedWithoutRare, undefinedKeys, type Writable } from './records.js';

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
  /** Records a later import superseded that the fold has yet to meet and pass over (`RecordsSuperseded`). */
  readonly superseded?: readonly string[];
}

/** The kubelet removed the container's newest instance (`RestartAllContainers`): the runtime lists none of it. */
export const removedInstance = (v: ContainerView): boolean => v.current === undefined && v.instances > 0;

// Views are built only through `kubeletView` (and `container-view.ts :: containerView`), so that every view has the
// same keys in the same order (absent fields hold `undefined`): replay then touches two hidden classes of kubelet
// views, not dozens. A kubelet view whose rare keys (an eviction's, a rejection's, a passed deadline's, a terminating sync's, an
// import's marks) are all undefined leaves them out and reads them as `undefined` from its prototype: its own keys and
// their order are a full view's with those left out, which is all its JSON (a snapshot's bytes), a spread or `toEqual`
// see. At L that is 56 bytes less for nearly every live pod (`bench/README.md`, "Replay memory at L: kubelet views
// without their rare keys"). It has two constructors of one body, full views' (prototype `Object.prototype`, every
// key) and the others' (the common keys): V8 sizes each constructor's objects to the keys its body assigns, all inside.

type KubeletViewConstructor = new (k: KubeletView, full: boolean) => Writable<KubeletView>;
const kubeletViewConstructor = (prototype: object): KubeletViewConstructor => {
  function KubeletViewObject(this: Writable<KubeletView>, k: KubeletView, full: boolean): void {
    this.node = k.node;
    this.admitted = k.admitted;
    this.hostIP = k.hostIP;
    this.podIPs = k.podIPs;
    this.sandboxReady = k.sandboxReady;
    this.podHasInitialized = k.podHasInitialized;
    if (full) this.evicted = k.evicted;
    if (full) this.terminatingSynced = k.terminatingSynced;
    if (full) this.rejected = k.rejected;
    if (full) this.deadlineExceededAt = k.deadlineExceededAt;
    this.nodeLost = k.nodeLost;
    this.containers = k.containers;
    this.syncs = k.syncs;
    this.published = k.published;
    if (full) {
      this.provenance = k.provenance;
      this.conditionTypes = k.conditionTypes;
      this.unwrittenFields = k.unwrittenFields;
    }
  }
  KubeletViewObject.prototype = prototype;
  return KubeletViewObject as unknown as KubeletViewConstructor;
};
const RARE_KUBELET_KEYS = ['evicted', 'terminatingSynced', 'rejected', 'deadlineExceededAt', 'provenance', 'conditionTypes', 'unwrittenFields'] as const;
const FullKubeletView = kubeletViewConstructor(Object.prototype);
const CompactKubeletView = kubeletViewConstructor(undefinedKeys(RARE_KUBELET_KEYS));
const rareKubeletKeys: ReadonlySet<string> = new Set(RARE_KUBELET_KEYS);
const carriesRare = (k: KubeletView): boolean =>
  k.evicted !== undefined ||
  k.terminatingSynced !== undefined ||
  k.rejected !== undefined ||
  k.deadlineExceededAt !== undefined ||
  k.provenance !== undefined ||
  k.conditionTypes !== undefined ||
  k.unwrittenFields !== undefined;

/** A copy of `k` with `patch` applied; every key is present (undefined when absent, rare ones on the prototype), in one fixed order. */
export const kubeletView = (k: KubeletView, patch: Partial<KubeletView> = {}): KubeletView => {
  if (!carriesRare(k)) {
    const out = new CompactKubeletView(k, false);
    if (patchedWithoutRare(out, patch, rareKubeletKeys)) return out;
  }
  return Object.assign(new FullKubeletView(k, true), patch);
};

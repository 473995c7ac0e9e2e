/**
 * The engine's own bookkeeping, kubelet- and scheduler-internal, rebuilt by folding events (`evolve.ts`):
 * container instances, back-off entries, probe run counters, the images each node holds, node pressure.
 * The pods' observable v1 status is the reducers' business, not kept here.
 */
import type { PodRef, ProbeKind, ProbeOutcome, KillReason } from '../events/index.js';
import type { ResourceList, StringMap } from '../k8s/codecs.js';
import type { PodSpec, V1Pod } from '../k8s/pod.js';
import type { BackoffEntry } from './backoff.js';
import { grouping, PersistentMap, valuesIn } from './persistent-map.js';
import type { PressureType } from './pressure.js';
import type { HardThresholds } from './eviction/signals.js';
import type { ContainerRole } from './spec.js';
import type { VirtualMs } from './world.js';

export interface Killing {
  readonly at: VirtualMs;
  readonly graceSeconds: number;
  readonly reason: KillReason;
  /** The sync (`PodBook.syncs`) that sent it: a probe kill's restart is due in that same sync. */
  readonly sync: number;
}

/** One run of a container (the runtime's container instance). */
export interface Instance {
  /** 0 for the first instance of this spec container; also its restartCount. */
  readonly run: number;
  readonly containerID: string;
  /** The pod's sync (`PodBook.syncs`) that created it: a later sync publishes it, and only then does the prober see it. */
  readonly sync: number;
  readonly startedAt?: VirtualMs;
  readonly postStartDone: boolean;
  readonly exit?: { readonly at: VirtualMs; readonly code: number };
  /**
   * Every kill sent to this instance, in order. The first says what it was killed for; a later one (a deletion
   * cancelling the sync in flight, `UpdatePod`) can only bring the end forward.
   */
  readonly kills: readonly Killing[];
}

/**
 * One prober worker's memory (`worker.go`), kept for the life of the pod (`probes/worker.ts`): the result
 * belongs to the current instance, the run counter and the ticker outlive restarts.
 */
export interface ProbeTrack {
  /** The current instance's (threshold-crossed) result; undefined is the startup probe's initial Unknown. */
  readonly result?: ProbeOutcome;
  /** `lastResult` and `resultRun`: consecutive identical outcomes, not reset by a new instance. */
  readonly lastOutcome?: ProbeOutcome;
  readonly run: number;
  readonly lastAt?: VirtualMs;
  /** `onHold`: the instance (its `run`) whose liveness failure or startup result was set; no probing until another. */
  readonly heldRun?: number;
  /** A manual run (`UpdatePodStatus`) reset the ticker then; otherwise it ticks from the worker's start. */
  readonly tickerFrom?: VirtualMs;
  /** That manual run has not probed yet (a tick at the same instant came before it). */
  readonly manualPending?: boolean;
}

export interface ContainerBook {
  readonly name: string;
  readonly role: ContainerRole;
  /** Instances created so far; the next instance's `run`. */
  readonly instances: number;
  readonly current?: Instance;
  readonly pullingSince?: VirtualMs;
  /** Pulls started so far (the world's `attempt` of the one in flight is this minus one). */
  readonly pulls: number;
  /** The image is in place for the instance with this `run` (pulled, or found present). */
  readonly imageReadyFor?: number;
  readonly crashBackoff?: BackoffEntry;
  /** The sync (`PodBook.syncs`) that last reported CrashLoopBackOff: one report per sync. */
  readonly backOffSync?: number;
  /** The sync that last reported ImagePullBackOff. */
  readonly imageBackOffSync?: number;
  /** The sync in which the last pull failed: it tries the image no more. */
  readonly imageFailedSync?: number;
  /** The exit of the instance before the current one: what `doBackOff` sees while the current one still runs. */
  readonly previousExit?: { readonly at: VirtualMs; readonly code: number };
  /** The sync that removed its last instance from the runtime (`RestartAllContainers`): that sync acted. */
  readonly removedSync?: number;
  readonly probes: Partial<Record<ProbeKind, ProbeTrack>>;
  /** Last sampled working set, as a quantity string. */
  readonly lastUsage?: string;
}

/**
 * A work-queue entry as `completeWork` writes it, before its jitter: `wait.Jitter(ms, 0.5)` after `from`,
 * drawn for the sync number `sync` (`kubelet/worker.ts`).
 */
export interface Requeue {
  readonly from: VirtualMs;
  readonly ms: number;
  readonly sync: number;
}

/** A pod's back-off entry for one image, with what its last failed pull stored under the same key (`prevPullErrMsg`). */
export interface ImageBackoff {
  readonly entry: BackoffEntry;
  /** `ERR: MESSAGE` (`evalCRIPullErr`'s error and message). */
  readonly lastError: string;
  /** The container whose pull that was. */
  readonly failedFor: string;
}

export interface PodBook {
  readonly ref: PodRef;
  /** Creation order: ties between simultaneous wake-ups are broken by it. */
  readonly seq: number;
  readonly manifest: V1Pod;
  readonly spec: PodSpec;
  readonly node?: string;
  readonly scheduleAttemptGen?: number;
  readonly admitted: boolean;
  /** When its kubelet rejected it at admission (`HandlePodAdditions` → `rejectPod`): Failed from then on. */
  readonly rejectedAt?: VirtualMs;
  readonly sandbox: boolean;
  readonly evicted: boolean;
  /** Found past `activeDeadlineSeconds` (`PodDeadlineExceeded`): the pod will run nothing more. */
  readonly deadlineExceeded: boolean;
  /**
   * From the first request; `graceSeconds` only ever shrinks (`BeforeDelete`), so `at + graceSeconds` is the deletionTimestamp.
   * `over`: the pod was over when that request came (`podTerminal`), not turned so later by an eviction, its active
   * deadline or a rejection (`deletion/decide.ts :: removedAtOnce`).
   */
  readonly deletion?: { readonly at: VirtualMs; readonly graceSeconds: number; readonly over: boolean };
  readonly removed: boolean;
  /** The node lifecycle controller marked it not ready (`MarkPodsNotReady`). */
  readonly nodeLostAt?: VirtualMs;
  /** The pod worker (`kubelet/worker.ts`): a PLEG event, an API update or a probe result wants a sync then. */
  readonly syncDueAt?: VirtualMs;
  /** Its work-queue entry (`completeWork`): the next sync if nothing comes sooner. */
  readonly requeue?: Requeue;
  /** A sync is under way at this instant: begun by `PodSynced`, or resumed when its pull or kill returned. */
  readonly sessionAt?: VirtualMs;
  /** Something the kubelet would show changed since it last published the status (`PodSynced`). */
  readonly dirty: boolean;
  /** Syncs begun so far (`PodSynced`): names the sync a report belongs to. */
  readonly syncs: number;
  /** When the last sync began (`PodSynced`): a `SyncPod` begun before the deletion runs on (`kubelet/worker.ts :: syncPodRunsOn`). */
  readonly syncedAt?: VirtualMs;
  /**
   * The status the current sync generated was already over (rejected, evicted, past its deadline, finished): it is
   * the terminating path's sync, not a `SyncPod` begun before the end that runs on (`kubelet/worker.ts :: syncPodRunsOn`).
   */
  readonly syncFoundTerminal: boolean;
  /** `SyncTerminatedPod` published its `TerminatePod` status (`PodSynced.terminated`): nothing more is published. */
  readonly terminatedSynced?: true;
  /** `status.startTime`: the status manager sets it at the first status, that of the pod's first sync. */
  readonly startTime?: VirtualMs;
  /** Its first sync started the prober workers (`SyncPod` → `probeManager.AddPod`): their tickers' phase. */
  readonly probersFrom?: VirtualMs;
  /**
   * The image pull back-off, one entry per image as the spec writes it (`image_manager.go :: pullImage`:
   * `backOffKey := fmt.Sprintf("%s_%s", podUID, image)`): containers of the pod that name the same image share it.
   */
  readonly imageBackoffs: ReadonlyMap<string, ImageBackoff>;
  /** In spec order: init containers, then regular containers. */
  readonly containers: readonly ContainerBook[];
}

/** One `synchronize` that evicted, and the wait after it (`eviction/loop.ts`). */
export interface EvictionRound {
  /** The `synchronize`: its stats decided every pod of the round. */
  readonly at: VirtualMs;
  /** Its pods, in the order evicted. */
  readonly uids: readonly string[];
  /** When the last of them was evicted: its `evictPod` began then. */
  readonly evictedAt: VirtualMs;
  /** For local storage limits (`localStorageEviction`): every pod over one is evicted, each in its turn. */
  readonly local: boolean;
  /** When the last-evicted pod's termination completed: its `evictPod` returned then, unless its wait ran out first. */
  readonly lastDoneAt?: VirtualMs;
  /** The last-evicted pod's wait ran out first: `killPodNow` recorded `ExceededGracePeriod` (`PodKillTimedOut`). */
  readonly waitRanOut?: true;
  /** When every pod of the round was terminated: the wait is over. */
  readonly cleanedAt?: VirtualMs;
}

export interface NodeBook {
  readonly name: string;
  /** Registration order: pod IPs and tie-breaks use it. */
  readonly index: number;
  readonly registeredAt: VirtualMs;
  readonly allocatable: ResourceList;
  readonly labels: StringMap;
  readonly internalIP?: string;
  readonly images: ReadonlySet<string>;
  /** The kubelet's hard eviction thresholds by signal (`eviction/signals.ts`); a signal the kubelet ignores (`0%`, `100%`) is absent. */
  readonly thresholds: HardThresholds;
  /** The node filesystem's size (its `ephemeral-storage` capacity): unset, the summary has no node filesystem stats. */
  readonly diskCapacityBytes?: bigint;
  /** The eviction manager's node conditions (`pressure.ts`): what its admission refuses and the taints the scheduler sees. */
  readonly pressures: readonly PressureType[];
  /** The last monitoring cycle that found a threshold met. */
  readonly thresholdLastMetAt?: VirtualMs;
  /**
   * The pods the eviction manager's last cycle evicted, one `evictPod` after the other, then waited for
   * (`eviction_manager.go :: Start`, `waitForPodsCleanup`): no cycle runs meanwhile (`eviction/loop.ts`).
   */
  readonly evictionRound?: EvictionRound;
  /** The instant the manager's loop last synchronized right after a cleanup: its 10 s sleeps count from it (default: registration). */
  readonly monitorFrom?: VirtualMs;
  /** When each condition's signals were last found met (`nodeConditionsLastObservedAt`): the transition period counts from it. */
  readonly pressureObservedAt: Readonly<Partial<Record<PressureType, VirtualMs>>>;
  /** Its Ready condition is not True since then (posted by the node, or marked by the node lifecycle controller). */
  readonly lostAt?: VirtualMs;
  readonly lostStatus?: 'False' | 'Unknown';
  /** Its kubelet posts nothing since then (`KubeletStopped`), until the node reports Ready again. */
  readonly kubeletStoppedAt?: VirtualMs;
  /** Sandboxes created so far: the next pod IP. */
  readonly sandboxes: number;
}

export interface EngineState {
  readonly pods: ReadonlyMap<string, PodBook>;
  readonly nodes: ReadonlyMap<string, NodeBook>;
  /** Bumped whenever room may have appeared for an unschedulable pod (nodes or pods changed). */
  readonly clusterGen: number;
  /** When the cluster last had a Ready node again after none (the node lifecycle controller left disruption mode). */
  readonly disruptionEndedAt?: VirtualMs;
}

export const initialState = (): EngineState => ({ pods: PersistentMap.empty(), nodes: new Map(), clusterGen: 0 });

const byNode = grouping((pod: PodBook) => pod.node);

/** The pods bound to `node`, removed ones too, in creation order; grouped per chunk of the map, not by a scan of every pod. */
export const podsBoundTo = (state: EngineState, node: string): PodBook[] => valuesIn(state.pods, byNode, node);

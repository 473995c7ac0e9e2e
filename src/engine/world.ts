/**
 * The seam between the engine and what it simulates: the outside world (containers' processes, probe
 * targets, registries, memory use) answered as pure functions of virtual time, and the external events
 * (API writes, node changes) it injects at given instants. A scenario compiles to one of these.
 */
import type { Event, PodRef, ProbeKind, ProbeOutcome } from '../events/index.js';

/** Milliseconds since the Unix epoch, in virtual time. */
export type VirtualMs = number;

/** How one instance of a container behaves once started. */
export interface ContainerRun {
  /** The process exits on its own this long after it started, with this code (reason from the runtime). */
  readonly exit?: { readonly afterMs: number; readonly code: number };
}

/** How a container reacts to SIGTERM: exits after `afterMs` with `code`, or ignores it (SIGKILL at the end of the grace). */
export interface TermReaction {
  readonly afterMs: number;
  readonly code: number;
}

/** A node's own use of its root filesystem and process table, besides its pods' (the summary API's node stats). */
export interface NodeUsage {
  /** Bytes used on the node filesystem by the system, images and anything not a pod's. */
  readonly diskUsedBytes: bigint;
  /** The kernel's process limit (`rlimit.MaxPID`: `kernel.pid_max`, `kernel.threads-max`); unset: no `pid.available` observation. */
  readonly pidMax?: number;
  /** Processes running outside the pods (the system's). */
  readonly processes: number;
}

export type PullAnswer = { readonly ok: true; readonly durationMs: number } | { readonly ok: false; readonly message: string };

export interface HookAnswer {
  readonly durationMs: number;
  /** A failure message: postStart failure kills the container; preStop failure is only reported. */
  readonly failure?: string;
}

export interface World {
  /** The `run`-th instance (0 = first) of a container, started at `startedAt`. */
  containerRun(pod: PodRef, container: string, run: number, startedAt: VirtualMs): ContainerRun;
  /** One probe execution at `now` against the instance started at `startedAt`. */
  probe(
    pod: PodRef,
    container: string,
    kind: ProbeKind,
    now: VirtualMs,
    startedAt: VirtualMs,
  ): { readonly outcome: ProbeOutcome; readonly output?: string };
  /** Memory working set in bytes of the instance started at `startedAt`, at `now`. */
  memoryBytes(pod: PodRef, container: string, now: VirtualMs, startedAt: VirtualMs): bigint;
  /** Bytes the instance started at `startedAt` holds in its writable layer and logs at `now` (unset: none). */
  diskBytes?(pod: PodRef, container: string, now: VirtualMs, startedAt: VirtualMs): bigint;
  /** Processes of the instance started at `startedAt`, at `now` (unset: none counted). */
  processes?(pod: PodRef, container: string, now: VirtualMs, startedAt: VirtualMs): number;
  /** Bytes in the pod's emptyDir `volume` at `now`, written since the pod started at `podStartedAt` (unset: none). */
  volumeBytes?(pod: PodRef, volume: string, now: VirtualMs, podStartedAt: VirtualMs): bigint;
  /** What the node's filesystem and process table hold besides its pods (unset: nothing; no process limit). */
  nodeUsage?(node: string): NodeUsage;
  /** Pulling `image` on `node` at `now`; `attempt` counts this container's pulls of it (0 = first; default 0). */
  pull(node: string, image: string, now: VirtualMs, attempt?: number): PullAnswer;
  postStart(pod: PodRef, container: string, run: number): HookAnswer;
  preStop(pod: PodRef, container: string): HookAnswer;
  /** Undefined: the process ignores SIGTERM. */
  onSigterm(pod: PodRef, container: string): TermReaction | undefined;
  /**
   * The kubelet's `rand.Float64()` in [0, 1) for the pod's work-queue entry after its sync `sync`, `resyncs`
   * no-op resyncs later (`wait.Jitter`, `kubelet/worker.ts`); unset, a hash of the three. 0 gives each entry
   * its unjittered time.
   */
  jitter?(pod: PodRef, sync: number, resyncs: number): number;
}

/** An external event at its instant (its `at`): API writes, node registration, node conditions. */
export type ExternalEvent = Event;

export interface Simulation {
  readonly world: World;
  /** External events, in time order. */
  readonly external: readonly ExternalEvent[];
  /** Virtual time at which the simulation stops. */
  readonly until: VirtualMs;
}

/**
 * What wakes the engine: each input names one concern's decision to take now, with whatever the outside
 * world answered folded in, so that deciders stay pure functions of (state, input, now).
 */
import type { ProbeKind, ProbeOutcome } from '../events/index.js';
import type { HookAnswer, NodeUsage, PullAnswer } from './world.js';

export type Input =
  /** The scheduler tries to place an unbound pod. */
  | { readonly kind: 'schedule'; readonly uid: string }
  /** The API server removes a pod it need not wait for (never bound, finished, or force-deleted). */
  | { readonly kind: 'apiRemoval'; readonly uid: string }
  /** The kubelet syncs a pod: admit, sandbox, next container start or restart, deletion, back-off expiry. */
  | { readonly kind: 'sync'; readonly uid: string }
  /** An image pull finished. */
  | { readonly kind: 'pullDone'; readonly uid: string; readonly container: string; readonly answer: PullAnswer }
  /** A postStart hook returned. */
  | { readonly kind: 'postStartDone'; readonly uid: string; readonly container: string; readonly answer: HookAnswer }
  /** A container's process ended: on its own, after SIGTERM, or by SIGKILL at the end of the grace period. */
  | { readonly kind: 'processExit'; readonly uid: string; readonly container: string; readonly code: number }
  /** The container's memory working set, sampled (the kernel OOM-kills past the limit). */
  | { readonly kind: 'memorySample'; readonly uid: string; readonly container: string; readonly bytes: bigint }
  /** One probe execution's outcome. */
  | {
      readonly kind: 'probeTick';
      readonly uid: string;
      readonly container: string;
      readonly probe: ProbeKind;
      readonly outcome: ProbeOutcome;
      readonly output?: string;
    }
  /**
   * The eviction manager's monitoring cycle on one node, with what the summary API reads: every live container's
   * working set, disk and processes, the pods' emptyDir volumes, and the node's own use.
   */
  | {
      readonly kind: 'evictionMonitor';
      readonly node: string;
      readonly usage: readonly ContainerUsage[];
      readonly volumes: readonly VolumeUsage[];
      readonly nodeUsage: NodeUsage;
    }
  /** The node lifecycle controller's pass finds a node's kubelet silent past the grace period. */
  | { readonly kind: 'nodeUnresponsive'; readonly node: string }
  /** The node lifecycle controller marks a pod on a node that is not Ready (`MarkPodsNotReady`). */
  | { readonly kind: 'nodeLost'; readonly uid: string }
  /** The pod's toleration of its node's NoExecute taint ran out: the taint-eviction controller deletes it. */
  | { readonly kind: 'tolerationExpired'; readonly uid: string };

export interface ContainerUsage {
  readonly uid: string;
  readonly container: string;
  /** Working set. */
  readonly bytes: bigint;
  /** Writable layer and logs (the summary's `rootfs` plus `logs`). */
  readonly disk: bigint;
  readonly processes: number;
}

/** One emptyDir volume's use (the summary's pod `volume` stats). */
export interface VolumeUsage {
  readonly uid: string;
  readonly volume: string;
  readonly bytes: bigint;
}

export type InputKind = Input['kind'];
export type InputOf<K extends InputKind> = Extract<Input, { kind: K }>;

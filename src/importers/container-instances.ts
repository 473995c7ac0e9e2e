/** The container instances one status shows: the current one (`state`) and the previous one (`lastState`). */
import { type Instant, msOf } from '../k8s/codecs.js';
import type { ContainerStatus } from '../k8s/pod.js';
import { RESTARTING_ALL_CONTAINERS } from '../k8s/restart-rules.js';
import { instantOfK8s, maybeInstant } from './time.js';

export interface InstanceFact {
  /** 0 for the first run of the container; `restartCount` numbers them (`convertToAPIContainerStatuses`). */
  readonly instance: number;
  readonly containerID: string;
  readonly startedAt?: Instant;
  /** The status shows it running (`state.running`), with or without its `startedAt`. */
  readonly running?: true;
  /** Terminated with `startedAt` the epoch: the runtime created it and it never started (`StartError`). */
  readonly neverStarted?: true;
  /** Removed by the kubelet for a `RestartAllContainers` reset: gone without an exit the status tells. */
  readonly removed?: true;
  readonly exit?: {
    readonly finishedAt?: Instant;
    readonly exitCode: number;
    readonly reason?: string;
    readonly signal?: number;
    readonly message?: string;
  };
}

type Terminated = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>;

/**
 * The termination the kubelet makes up for an instance a `RestartAllContainers` reset removed: exit 137 of
 * reason `RestartingAllContainers`, with no times (`kubelet_pods.go :: convertToAPIContainerStatuses`).
 */
const isRemoval = (t: Terminated): boolean => t.reason === RESTARTING_ALL_CONTAINERS && (t.finishedAt ?? undefined) === undefined;

/**
 * Running or terminated `state` is instance `restartCount`. `lastState.terminated` is the one before it,
 * except while waiting to restart: then the crashed instance is still `restartCount` (the next gets + 1).
 * A removal's made-up `lastState` is always the one before: the kubelet counted the restart when it removed
 * the instance. While the status waits, its containerID is still the removed instance's when the old status
 * showed it terminated (the trigger), and absent otherwise.
 */
export const instancesOf = (status: ContainerStatus | undefined): InstanceFact[] => {
  if (status === undefined) return [];
  const count = status.restartCount ?? 0;
  const facts: InstanceFact[] = [];
  const last = status.lastState?.terminated;
  const waiting = status.state?.waiting !== undefined;
  if (last !== undefined && isRemoval(last)) {
    if (count >= 1) facts.push({ instance: count - 1, containerID: waiting ? (status.containerID ?? '') : '', removed: true });
  } else if (last !== undefined) {
    const instance = waiting ? count : count - 1;
    // While waiting, the status's containerID is still the crashed instance's.
    if (instance >= 0) facts.push(terminatedFact(instance, last, waiting ? status.containerID : undefined));
  }
  const { running, terminated } = status.state ?? {};
  if (running !== undefined) {
    const startedAt = maybeInstant(running.startedAt);
    facts.push({ instance: count, containerID: status.containerID ?? '', running: true, ...(startedAt !== undefined && { startedAt }) });
  } else if (terminated !== undefined) {
    facts.push(terminatedFact(count, terminated, status.containerID));
  }
  return facts;
};

/** CRI's start of a container that never started is 0, which the kubelet publishes as `time.Unix(0, 0)`. */
const isEpoch = (text: string): boolean => {
  const at = instantOfK8s(text);
  return at !== undefined && msOf(at) === 0;
};

const terminatedFact = (instance: number, t: Terminated, fallbackID: string | undefined): InstanceFact => {
  const startedAt = maybeInstant(t.startedAt);
  const finishedAt = maybeInstant(t.finishedAt);
  return {
    instance,
    containerID: t.containerID ?? fallbackID ?? '',
    ...(startedAt !== undefined && { startedAt }),
    ...(typeof t.startedAt === 'string' && isEpoch(t.startedAt) && { neverStarted: true as const }),
    exit: {
      exitCode: t.exitCode,
      ...(finishedAt !== undefined && { finishedAt }),
      ...(t.reason !== undefined && { reason: t.reason }),
      ...(t.signal !== undefined && { signal: t.signal }),
      ...(t.message !== undefined && { message: t.message }),
    },
  };
};

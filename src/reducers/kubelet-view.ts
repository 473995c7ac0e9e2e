/**
 * What the kubelet knows about a pod that its v1 status does not show directly, kept beside the Pod so
 * that the status can be regenerated after each event the way `generateAPIPodStatus` does.
 * (Owned by the reducers; extend as the rules need.)
 */
import type { Instant } from '../k8s/codecs.js';
import type { ProbeKind, ProbeOutcome } from '../events/vocabulary.js';

export interface ContainerView {
  /** Stable (threshold-crossed) probe results for the current container instance. */
  readonly probes: Partial<Record<ProbeKind, ProbeOutcome>>;
  /** postStart has returned for the current instance (or there is none). */
  readonly postStartDone: boolean;
}

export interface KubeletView {
  readonly node?: string;
  readonly sandboxReady: boolean;
  /** Some regular container has started in the current sandbox (`HasAnyActiveRegularContainerStarted`). */
  readonly podHasInitialized: boolean;
  readonly evictedAt?: Instant;
  readonly nodeLost: boolean;
  readonly containers: Readonly<Record<string, ContainerView>>;
}

/**
 * What the kubelet knows about a pod that its v1 status does not show directly, kept beside the Pod so
 * that the status can be regenerated after each event the way `generateAPIPodStatus` does.
 */
import type { Instant } from '../k8s/codecs.js';
import type { ContainerState } from '../k8s/pod.js';
import type { ProbeKind, ProbeOutcome } from '../events/vocabulary.js';

export type ContainerStateRunning = NonNullable<ContainerState['running']>;
export type ContainerStateTerminated = NonNullable<ContainerState['terminated']>;

/** The newest container instance as the runtime reports it. */
export type InstanceState =
  | { readonly kind: 'created' }
  | { readonly kind: 'running'; readonly running: ContainerStateRunning }
  | { readonly kind: 'terminated'; readonly terminated: ContainerStateTerminated };

export interface ContainerView {
  /** Instances the runtime has made of this spec container; the newest one's index is its restartCount. */
  readonly instances: number;
  /** The newest instance; undefined before the first one exists. */
  readonly current?: InstanceState;
  /** The instance before the newest, if it terminated (`lastState`). */
  readonly previous?: ContainerStateTerminated;
  readonly containerID?: string;
  readonly imageID?: string;
  /** The kubelet's cached reason for the last failed (re)start (`reasonCache`): shown while a restart is due. */
  readonly failure?: { readonly reason: string; readonly message: string };
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
  readonly evicted?: { readonly at: Instant; readonly message: string };
  readonly rejected?: { readonly reason: string; readonly message: string };
  readonly nodeLost: boolean;
  readonly containers: Readonly<Record<string, ContainerView>>;
}

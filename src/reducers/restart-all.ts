/**
 * What the status shows of a `RestartAllContainers` reset (gate `RestartAllContainersOnContainerExits`, beta
 * and on in v1.36): whether the kubelet counts the pod as restarting all its containers, and whether the
 * reset has removed them all (`kubelet/container/helpers.go :: ShouldAllContainersRestart`,
 * `AllContainersRestartCleanedUp`, read by `status/generate.go :: GenerateAllContainersRestartingCondition` and
 * `kubelet_pods.go :: convertStatusToAPIStatus`).
 */
import type { Container, PodCondition, PodSpec } from '../k8s/pod.js';
import { RESTARTING_ALL_CONTAINERS, triggersRestartAll } from '../k8s/restart-rules.js';
import { ALL_CONTAINERS_RESTARTING } from '../k8s/pod-conditions.js';
import { containerView } from './container-view.js';
import { kubeletView, removedInstance, type KubeletView } from './kubelet-view.js';


const NONE: readonly Container[] = [];

/** Init and regular containers, in spec order (ephemeral ones take no part). */
const containersOf = (spec: PodSpec): readonly Container[] => [...(spec.initContainers ?? NONE), ...spec.containers];

/**
 * `ShouldAllContainersRestart`: the previous status shows the condition True, or the runtime lists an exit
 * that a container's `RestartAllContainers` rule matches. (Its third test, an old status terminated by such
 * an exit, holds only while one of these does: the status after the exit carries the condition.)
 */
export const podRestarting = (spec: PodSpec, view: KubeletView, previous: readonly PodCondition[] | undefined): boolean => {
  if (previous?.some((c) => c.type === ALL_CONTAINERS_RESTARTING && c.status === 'True') === true) return true;
  return containersOf(spec).some((c) => {
    const current = view.containers[c.name]?.current;
    return current?.kind === 'terminated' && triggersRestartAll(c, current.terminated.exitCode);
  });
};

/** `AllContainersRestartCleanedUp`: the runtime lists no instance of any init or regular container. */
export const cleanedUp = (spec: PodSpec, view: KubeletView): boolean => containersOf(spec).every((c) => view.containers[c.name]?.current === undefined);

/**
 * The view without the `RestartingAllContainers` waiting of removed containers: once the pod no longer counts
 * as restarting, a container still missing from the runtime, whose old status was that waiting, gets the
 * default waiting status with the old restart count and last termination (`convertToAPIContainerStatuses`).
 */
export const withoutRestartingWaits = (view: KubeletView): KubeletView => {
  let containers: Record<string, KubeletView['containers'][string]> | undefined;
  // for-in, not Object.entries: every regeneration of every pod runs this, and nearly all find nothing to change
  for (const name in view.containers) {
    const v = view.containers[name];
    if (v === undefined || !removedInstance(v) || v.waiting?.reason !== RESTARTING_ALL_CONTAINERS) continue;
    containers ??= { ...view.containers };
    containers[name] = containerView(v, { waiting: undefined, containerID: undefined, imageID: undefined, image: undefined, user: undefined });
  }
  return containers === undefined ? view : kubeletView(view, { containers });
};

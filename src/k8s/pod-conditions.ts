/** Pod condition types and who owns them (`pkg/kubelet/types/pod_status.go`). */

/** `v1.AllContainersRestarting`, the condition the kubelet publishes for a pod with a `RestartAllContainers` rule. */
export const ALL_CONTAINERS_RESTARTING = 'AllContainersRestarting';

/** Conditions the kubelet owns and regenerates (`kubetypes.PodConditionByKubelet`); a switch, as it runs per condition per event. */
export const isKubeletOwned = (type: string): boolean => {
  switch (type) {
    case 'PodScheduled':
    case 'Ready':
    case 'Initialized':
    case 'ContainersReady':
    case 'PodReadyToStartContainers':
    case 'PodResizeInProgress':
    case 'PodResizePending':
    case ALL_CONTAINERS_RESTARTING:
      return true;
    default:
      return false;
  }
};

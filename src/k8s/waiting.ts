/**
 * The waiting reason the kubelet gives a container with no instance yet
 * (`pkg/kubelet/kubelet_pods.go :: convertToAPIContainerStatuses`, `defaultWaitingState`).
 */
export const defaultWaitingReason = (podHasInitContainers: boolean): string => (podHasInitContainers ? 'PodInitializing' : 'ContainerCreating');

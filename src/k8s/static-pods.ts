/**
 * Static pods and their mirrors (`pkg/kubelet/types/pod_update.go`): pods a kubelet runs from a file or URL,
 * bound to its node by their source, never by the scheduler.
 */
import type { V1Pod } from './pod.js';

const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** A pod whose config source is a file or URL rather than the API server (`IsStaticPod`). */
export const isStaticPod = (pod: V1Pod): boolean => {
  const source = pod.metadata.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
};

/**
 * Whether a pod's annotations are those of a kubelet's own `/pods` listing: the kubelet marks each pod it got from
 * the API server with source `api` (`pkg/kubelet/config/config.go :: podStorage.merge` sets
 * `ConfigSourceAnnotationKey`); the API server's objects carry no such mark (a mirror pod's says `file` or `http`).
 */
export const listedByKubelet = (annotations: Readonly<Record<string, unknown>> | undefined): boolean => annotations?.[CONFIG_SOURCE_ANNOTATION] === 'api';

/** The API server's copy of a static pod (`IsMirrorPod`). */
export const isMirrorPod = (pod: V1Pod): boolean => pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;

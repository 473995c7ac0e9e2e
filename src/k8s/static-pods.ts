/**
 * Static pods and their mirrors (`pkg/kubelet/types/pod_update.go`): pods a kubelet runs from a file or URL,
 * bound to its node by their source, never by the scheduler.
 */
import type { V1Pod } from './pod.js';

const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';

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

/**
 * Whether `mirror` is the API server's copy of the static pod `pod` (`pkg/kubelet/pod/mirror_client.go ::
 * IsMirrorPodOf`): the same name and namespace, and the mirror's `kubernetes.io/config.mirror` is the static
 * pod's config hash (the kubelet sets it so in `CreateMirrorPod`). The two have different uids: a kubelet
 * keeps its static pod under the hash, the API server gives the mirror its own.
 */
const isMirrorPodOf = (mirror: V1Pod, pod: V1Pod): boolean => {
  const hash = mirror.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];
  return (
    mirror.metadata.name === pod.metadata.name &&
    mirror.metadata.namespace === pod.metadata.namespace &&
    hash !== undefined &&
    hash === pod.metadata.annotations?.[CONFIG_HASH_ANNOTATION]
  );
};

/**
 * Whether `created`, a pod created under the name `holder` holds, is the static pod `holder` mirrors, as its
 * kubelet lists it (`/pods`): the two are one pod, and the name stays with the API server's copy, the one
 * kubectl shows.
 */
export const isStaticPodOfMirror = (created: V1Pod, holder: V1Pod): boolean => !isMirrorPod(created) && isMirrorPodOf(holder, created);

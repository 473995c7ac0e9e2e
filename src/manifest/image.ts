/** `imagePullPolicy` defaulted from the image reference's tag and digest. */
import { imageTagAndDigest } from '../k8s/image-ref.js';
import type { PullPolicy } from '../k8s/pod.js';

/**
 * `SetDefaults_Container`: `Always` when the tag is `latest`, or when there is neither tag nor digest
 * (`ParseImageName` then reports tag `latest`); `IfNotPresent` otherwise, including pinned digests.
 */
export const defaultPullPolicy = (image: string): PullPolicy => {
  const { tag, digest } = imageTagAndDigest(image);
  return tag === 'latest' || (tag === '' && digest === '') ? 'Always' : 'IfNotPresent';
};

/** The tag and digest of a container image reference, enough to default `imagePullPolicy`. */
import type { PullPolicy } from '../k8s/pod.js';

/** `nginx:1.25` → tag `1.25`; `registry:5000/app` → no tag (the colon belongs to the host); `app@sha256:…` → digest. */
export const imageTagAndDigest = (image: string): { tag: string; digest: string } => {
  const at = image.indexOf('@');
  const named = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? '' : image.slice(at + 1);
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  return { tag: colon < 0 ? '' : named.slice(colon + 1), digest };
};

/**
 * `SetDefaults_Container`: `Always` when the tag is `latest`, or when there is neither tag nor digest
 * (`ParseImageName` then reports tag `latest`); `IfNotPresent` otherwise, including pinned digests.
 */
export const defaultPullPolicy = (image: string): PullPolicy => {
  const { tag, digest } = imageTagAndDigest(image);
  return tag === 'latest' || (tag === '' && digest === '') ? 'Always' : 'IfNotPresent';
};

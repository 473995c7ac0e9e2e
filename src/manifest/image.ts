/** `imagePullPolicy` defaulted from the image reference's tag and digest. */
import { imageTagAndDigest } from '../k8s/image-ref.js';
import type { PullPolicy } from '../k8s/pod.js';

// The reference grammar of `github.com/distribution/reference` (`ReferenceRegexp`): an optional domain
// (which may hold capitals and a port), lower-case path components, an optional tag and an optional digest.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `${domainComponent}(?:\\.${domainComponent})*(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(`^(?:${domain}/)?${pathComponent}(?:/${pathComponent})*(?::${tag})?(?:@${digest})?$`);
/** `NameTotalLengthMax`: the name part (before tag and digest) is at most 255 characters. */
const NAME_TOTAL_LENGTH_MAX = 255;

const parses = (image: string): boolean => {
  if (!referencePattern.test(image)) return false;
  const { tag: t, digest: d } = imageTagAndDigest(image);
  const nameLength = image.length - (t === '' ? 0 : t.length + 1) - (d === '' ? 0 : d.length + 1);
  return nameLength <= NAME_TOTAL_LENGTH_MAX;
};

/**
 * `SetDefaults_Container`: `Always` when the tag is `latest`, or when there is neither tag nor digest
 * (`ParseImageName` then reports tag `latest`); `IfNotPresent` otherwise, including pinned digests, and
 * including a reference `ParseImageName` cannot parse (its error is ignored and the tag is then empty).
 */
export const defaultPullPolicy = (image: string): PullPolicy => {
  if (!parses(image)) return 'IfNotPresent';
  const { tag: t, digest: d } = imageTagAndDigest(image);
  return t === 'latest' || (t === '' && d === '') ? 'Always' : 'IfNotPresent';
};

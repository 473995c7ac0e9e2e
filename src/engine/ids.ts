/**
 * What the runtime names in a simulated cluster, in containerd's form and derived from the journal (so a replay
 * names the same): container IDs (`containerd://` + 64 hex digits) and image repo digests.
 */
import { createHash } from 'node:crypto';
import { imageTagAndDigest, normalizedImage, normalizedRepository } from '../k8s/image-ref.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The image's repo digest (`repository@sha256:…`): the reference's own digest when it pins one, else one
 * derived from the normalised reference, so every simulation of the same image names the same digest.
 */
export const simulatedImageID = (image: string): string => {
  const { digest } = imageTagAndDigest(image);
  const sha = digest !== '' ? digest : `sha256:${sha256(normalizedImage(image))}`;
  return `${normalizedRepository(image)}@${sha}`;
};

/** `containerd://` and 64 hex digits, derived from what names the instance. */
export const simulatedContainerID = (instance: string): string =>
  `containerd://${sha256(instance)}`;


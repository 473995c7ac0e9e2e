/**
 * Image references as containerd's CRI reports them to the kubelet (distribution/reference
 * `ParseNormalizedNamed`): `nginx:1.25` → `docker.io/library/nginx:1.25`, no tag → `:latest`. A v1.36 node
 * running containerd publishes that as `image`, and `imageID` as the repository with the image's digest
 * (`docker.io/library/nginx@sha256:…`).
 */

/** `nginx:1.25` → tag `1.25`; `registry:5000/app` → no tag (the colon belongs to the host); `app@sha256:…` → digest. */
export const imageTagAndDigest = (image: string): { tag: string; digest: string } => {
  const at = image.indexOf('@');
  const named = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? '' : image.slice(at + 1);
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  return { tag: colon < 0 ? '' : named.slice(colon + 1), digest };
};

/** The first path component is a registry when it has a dot or a port, or is `localhost`. */
const isDomain = (part: string): boolean => part.includes('.') || part.includes(':') || part === 'localhost';

/** `docker.io/library/nginx` for `nginx`, `quay.io/x/y` unchanged; `index.docker.io` is `docker.io`. */
export const normalizedRepository = (image: string): string => {
  const at = image.indexOf('@');
  const named = at < 0 ? image : image.slice(0, at);
  const { tag } = imageTagAndDigest(named);
  const repository = tag === '' ? named : named.slice(0, named.length - tag.length - 1);
  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  if (slash >= 0 && isDomain(first)) return first === 'index.docker.io' ? `docker.io${repository.slice(slash)}` : repository;
  return slash < 0 ? `docker.io/library/${repository}` : `docker.io/${repository}`;
};

/** The reference as the runtime reports it: the normalised repository with its tag (`latest` when none) or digest. */
export const normalizedImage = (image: string): string => {
  const { tag, digest } = imageTagAndDigest(image);
  const repository = normalizedRepository(image);
  if (digest !== '') return `${repository}@${digest}`;
  return `${repository}:${tag === '' ? 'latest' : tag}`;
};

/**
 * Whether an `imageID` is in containerd's form (a normalised repository with a digest, no `docker-pullable://`
 * scheme): then the runtime reported the image normalised too.
 */
export const isContainerdImageID = (imageID: string): boolean => {
  const slash = imageID.indexOf('/');
  return !imageID.includes('://') && imageID.includes('@sha256:') && slash > 0 && isDomain(imageID.slice(0, slash));
};

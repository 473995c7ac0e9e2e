/**
 * A container's id as a container view holds it. The runtime's ids (`kubecontainer.ContainerID.String()`,
 * `<runtime>://<id>`) are each distinct and, for containerd and CRI-O, 64 hex digits: a 77-character string is
 * 96 bytes of heap, and at L the live pods held 145,000 of them (13 MiB of the replay's live heap, `bench/README.md`,
 * "Replay memory at L: container ids held as their digests"). Such an id is held as its digest, a 256-bit bigint
 * (48 bytes), the sign naming the runtime; any other id (another runtime's, an import's stand-in, an empty one)
 * as its string. `containerIDText` gives the very same text back.
 */

/** What a view holds for its `containerID`. */
export type HeldContainerID = string | bigint | undefined;

// containerd positive, CRI-O negative (a digest of zero is held as its string: no sign for it)
const CONTAINERD = 'containerd://';
const CRIO = 'cri-o://';
const DIGEST = /^(?:containerd|cri-o):\/\/[0-9a-f]{64}$/;
const HEX_DIGITS = 64;

/** `id` as held: the digest of a containerd or CRI-O id in lower-case hex (the only spelling kept exact), else the string. */
export const heldContainerID = (id: string | undefined): HeldContainerID => {
  if (id === undefined || id.length < CRIO.length + HEX_DIGITS || !DIGEST.test(id)) return id;
  const crio = id.charCodeAt(1) === 114; // 'r' of "cri-o"
  const digest = BigInt(`0x${id.slice(crio ? CRIO.length : CONTAINERD.length)}`);
  if (digest === 0n) return id;
  return crio ? -digest : digest;
};

/** The id's text, as the runtime wrote it. */
export const containerIDText = (held: HeldContainerID): string | undefined => {
  if (typeof held !== 'bigint') return held;
  return held < 0n ? CRIO + (-held).toString(16).padStart(HEX_DIGITS, '0') : CONTAINERD + held.toString(16).padStart(HEX_DIGITS, '0');
};

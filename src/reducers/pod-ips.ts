/**
 * The pod IPs the kubelet publishes (`kubelet_pods.go :: sortPodIPs`, applied in `convertStatusToAPIStatus`): at
 * most one per family, the node IP's family first (IPv4 when the node IP is unknown), each the first of its
 * family the runtime listed. A host-network pod's sandbox has none: it inherits the node's IP
 * (`generateAPIPodStatus`).
 */

const MAPPED = '::ffff:';

/** Whether `ip` from `at` on is four groups of one to three ASCII digits joined by dots. */
const isDottedQuad = (ip: string, at: number): boolean => {
  let groups = 0;
  let digits = 0;
  for (let i = at; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
    } else if (c === 46 && digits > 0 && groups < 3) {
      groups++;
      digits = 0;
    } else return false;
  }
  return groups === 3 && digits > 0;
};

/**
 * `utilnet.IsIPv4String`: a dotted quad, also written IPv4-mapped (`::ffff:a.b.c.d`, Go's `To4`). Read by
 * character, not by a regular expression: every status regeneration sorts the pod's IPs (a test holds it
 * to `/^(?:::ffff:)?\d{1,3}(?:\.\d{1,3}){3}$/i`).
 */
export const isIPv4 = (ip: string): boolean => isDottedQuad(ip, ip.startsWith(':') && ip.slice(0, MAPPED.length).toLowerCase() === MAPPED ? MAPPED.length : 0);
const isIPv6 = (ip: string): boolean => ip.includes(':') && !isIPv4(ip);

export const sortPodIPs = (podIPs: readonly string[], nodeIP: string | undefined): readonly string[] => {
  const v4First = nodeIP === undefined || isIPv4(nodeIP);
  const primary = v4First ? isIPv4 : isIPv6;
  const secondary = v4First ? isIPv6 : isIPv4;
  const first = podIPs.find(primary);
  const second = podIPs.find(secondary);
  if (first !== undefined && second !== undefined) return [first, second];
  const one = first ?? second;
  // the runtime's list already has this shape: keep it, so the status keeps its array
  if (one === undefined) return podIPs.length === 0 ? podIPs : [];
  return podIPs.length === 1 && podIPs[0] === one ? podIPs : [one];
};

/**
 * The pod IPs the kubelet publishes (`kubelet_pods.go :: sortPodIPs`, applied in `convertStatusToAPIStatus`): at
 * most one per family, the node IP's family first (IPv4 when the node IP is unknown), each the first of its
 * family the runtime listed. A host-network pod's sandbox has none: it inherits the node's IP
 * (`generateAPIPodStatus`).
 */

/** `utilnet.IsIPv4String`: a dotted quad, also written IPv4-mapped (`::ffff:a.b.c.d`, Go's `To4`). */
const isIPv4 = (ip: string): boolean => /^(?:::ffff:)?\d{1,3}(?:\.\d{1,3}){3}$/i.test(ip);
const isIPv6 = (ip: string): boolean => ip.includes(':') && !isIPv4(ip);

export const sortPodIPs = (podIPs: readonly string[], nodeIP: string | undefined): readonly string[] => {
  const [primary, secondary] = nodeIP === undefined || isIPv4(nodeIP) ? [isIPv4, isIPv6] : [isIPv6, isIPv4];
  const first = podIPs.find(primary);
  const second = podIPs.find(secondary);
  if (first !== undefined && second !== undefined) return [first, second];
  const one = first ?? second;
  // the runtime's list already has this shape: keep it, so the status keeps its array
  if (one === undefined) return podIPs.length === 0 ? podIPs : [];
  return podIPs.length === 1 && podIPs[0] === one ? podIPs : [one];
};

/**
 * Host ports on a node, as the scheduler's NodePorts filter and the kubelet's admission both check them
 * (`nodeports/node_ports.go :: Fits`, shared through `scheduler.AdmissionCheck`): a pod does not fit a node where
 * one of its host ports is already taken.
 */
import type { PodSpec } from '../../k8s/pod.js';
import { sidecarsAndContainers } from '../../k8s/pod.js';

/** `framework.DefaultBindAllHostIP`: an empty `hostIP` binds every address. */
const BIND_ALL = '0.0.0.0';

interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/**
 * `scheduler/util :: GetHostPorts`: the ports with a `hostPort` of the containers and of the sidecars (restartable
 * init containers run the whole pod long; other init containers are left out), `HostPortInfo.sanitize`d: no
 * `hostIP` is `0.0.0.0`, no `protocol` is TCP.
 */
const hostPortsOf = (spec: PodSpec): HostPort[] =>
  sidecarsAndContainers(spec).flatMap((c) =>
    (c.ports ?? []).flatMap((p) => (p.hostPort === undefined || p.hostPort <= 0 ? [] : [{ ip: p.hostIP || BIND_ALL, protocol: p.protocol || 'TCP', port: p.hostPort }])),
  );

/** `HostPortInfo.CheckConflict`: the same protocol and port, on the same address or where either binds them all. */
const conflict = (a: HostPort, b: HostPort): boolean =>
  a.protocol === b.protocol && a.port === b.port && (a.ip === BIND_ALL || b.ip === BIND_ALL || a.ip === b.ip);

/** `nodeports.go :: Fits`: none of the pod's host ports is taken by the pods already on the node. */
export const hostPortsFree = (spec: PodSpec, others: readonly PodSpec[]): boolean => {
  const wanted = hostPortsOf(spec);
  if (wanted.length === 0) return true;
  const used = others.flatMap(hostPortsOf);
  return wanted.every((w) => !used.some((u) => conflict(w, u)));
};

/** `nodeports.ErrReason`. */
export const NODE_PORTS_TAKEN = "node(s) didn't have free ports for the requested pod ports";

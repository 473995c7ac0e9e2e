/**
 * Container ports (`pkg/apis/core/validation/validation.go :: validateContainerPorts`) and host ports claimed
 * twice (`AccumulateUniqueHostPorts`, through `checkHostPortConflicts`).
 */
import type { Container } from '../k8s/pod.js';
import { duplicate, invalid, notSupported, required, type FieldError, type FieldPath } from './errors.js';
import { isValidPortName, isValidPortNum } from './names.js';

/** `supportedPortProtocols`, as `sets.List` sorts them. */
const protocols = ['SCTP', 'TCP', 'UDP'];

/** Each port: a valid name given once, a container port, a valid host port, a supported protocol. */
export const validateContainerPorts = (ports: Container['ports'], path: FieldPath): FieldError[] => {
  const names = new Set<string>();
  return (ports ?? []).flatMap((port, i) => {
    const at: FieldPath = [...path, i];
    const errors: FieldError[] = [];
    if (port.name !== undefined && port.name !== '') {
      const problems = isValidPortName(port.name);
      errors.push(...problems.map((m) => invalid([...at, 'name'], port.name, m)));
      if (problems.length === 0 && names.has(port.name)) errors.push(duplicate([...at, 'name'], port.name));
      names.add(port.name);
    }
    if (port.containerPort === 0) errors.push(required([...at, 'containerPort']));
    else errors.push(...isValidPortNum(port.containerPort).map((m) => invalid([...at, 'containerPort'], port.containerPort, m)));
    if (port.hostPort) errors.push(...isValidPortNum(port.hostPort).map((m) => invalid([...at, 'hostPort'], port.hostPort, m)));
    const protocol = port.protocol ?? '';
    if (protocol === '') errors.push(required([...at, 'protocol']));
    else if (!protocols.includes(protocol)) errors.push(notSupported([...at, 'protocol'], protocol, protocols));
    return errors;
  });
};

/** `AccumulateUniqueHostPorts`: a `protocol/hostIP/hostPort` claimed again is a duplicate, at its `hostPort`. */
export const hostPortConflicts = (containers: ReadonlyArray<{ readonly container: Container; readonly path: FieldPath }>): FieldError[] => {
  const claimed = new Set<string>();
  return containers.flatMap(({ container, path }) =>
    (container.ports ?? []).flatMap((port, i) => {
      if (!port.hostPort) return [];
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (claimed.has(key)) return [duplicate([...path, 'ports', i, 'hostPort'], key)];
      claimed.add(key);
      return [];
    }),
  );
};

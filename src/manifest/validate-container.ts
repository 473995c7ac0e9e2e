/** The API server's checks on one container, its probes and its hooks (`validateContainerCommon`, `validateProbe`, …). */
import type { Container, LifecycleHandler, Probe, RestartPolicy } from '../k8s/pod.js';
import { forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names.js';
import { validateEnv, validateEnvFrom } from './validate-env.js';
import { validateVolumeMounts, type Volumes } from './validate-mounts.js';
import { validateResizePolicy } from './validate-resize.js';
import { validateContainerPorts } from './validate-ports.js';
import { validateResources } from './validate-resources.js';

const nonNegative = (value: number | undefined, path: FieldPath): FieldError[] =>
  value !== undefined && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];

const portNumOrName = (port: number | string, path: FieldPath): FieldError[] =>
  (typeof port === 'number' ? isValidPortNum(port) : isValidPortName(port)).map((m) => invalid(path, port, m));

type Handler = Pick<LifecycleHandler, 'exec' | 'httpGet' | 'tcpSocket' | 'sleep'> & Pick<Probe, 'grpc'>;
const handlerKinds = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

/** `validateHandler`: exactly one action, each well formed. */
const validateHandler = (handler: Handler, path: FieldPath): FieldError[] => {
  const present = handlerKinds.filter((kind) => handler[kind] !== undefined);
  const [first, second] = present;
  if (first === undefined) return [required(path, 'must specify a handler type')];
  if (second !== undefined) return [forbidden([...path, second], 'may not specify more than 1 handler type')];
  const errors: FieldError[] = [];
  if (handler.exec !== undefined && (handler.exec.command ?? []).length === 0) errors.push(required([...path, 'exec', 'command']));
  if (handler.httpGet !== undefined) {
    errors.push(...portNumOrName(handler.httpGet.port, [...path, 'httpGet', 'port']));
    const scheme = handler.httpGet.scheme ?? 'HTTP';
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') errors.push(notSupported([...path, 'httpGet', 'scheme'], scheme, ['HTTP', 'HTTPS']));
  }
  if (handler.tcpSocket !== undefined) errors.push(...portNumOrName(handler.tcpSocket.port, [...path, 'tcpSocket', 'port']));
  if (handler.grpc !== undefined) errors.push(...portNumOrName(handler.grpc.port, [...path, 'grpc', 'port']));
  return errors;
};

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** `validateProbe` plus the per-kind rules of `validateLivenessProbe`, `validateReadinessProbe`, `validateStartupProbe`. */
const validateProbe = (probe: Probe, kind: ProbeKind, path: FieldPath): FieldError[] => {
  const errors = [
    ...validateHandler(probe, path),
    ...nonNegative(probe.initialDelaySeconds, [...path, 'initialDelaySeconds']),
    ...nonNegative(probe.timeoutSeconds, [...path, 'timeoutSeconds']),
    ...nonNegative(probe.periodSeconds, [...path, 'periodSeconds']),
    ...nonNegative(probe.successThreshold, [...path, 'successThreshold']),
    ...nonNegative(probe.failureThreshold, [...path, 'failureThreshold']),
  ];
  const grace = probe.terminationGracePeriodSeconds;
  if (kind === 'readinessProbe' && grace !== undefined) {
    errors.push(invalid([...path, 'terminationGracePeriodSeconds'], grace, 'must not be set for readinessProbes'));
  } else if (grace !== undefined && grace <= 0) {
    errors.push(invalid([...path, 'terminationGracePeriodSeconds'], grace, 'must be greater than 0'));
  }
  if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errors.push(invalid([...path, 'successThreshold'], probe.successThreshold, 'must be 1'));
  }
  return errors;
};

/** Probes and hooks of a container allowed to have them (regular containers and sidecars). */
export const validateProbesAndHooks = (c: Container, path: FieldPath): FieldError[] => [
  ...(c.lifecycle?.postStart === undefined ? [] : validateHandler(c.lifecycle.postStart, [...path, 'lifecycle', 'postStart'])),
  ...(c.lifecycle?.preStop === undefined ? [] : validateHandler(c.lifecycle.preStop, [...path, 'lifecycle', 'preStop'])),
  ...(['livenessProbe', 'readinessProbe', 'startupProbe'] as const).flatMap((kind) => {
    const probe = c[kind];
    return probe === undefined ? [] : validateProbe(probe, kind, [...path, kind]);
  }),
];

/** `validateContainerCommon` and `validateContainerOnlyForPod`: what every container must satisfy. */
export const validateContainerCommon = (c: Container, volumes: Volumes, podRestartPolicy: RestartPolicy | undefined, path: FieldPath): FieldError[] => [
  ...(c.name === '' ? [required([...path, 'name'])] : isDNS1123Label(c.name).map((m) => invalid([...path, 'name'], c.name, m))),
  ...(c.image === undefined || c.image === ''
    ? [required([...path, 'image'])]
    : c.image.trim() !== c.image
      ? [invalid([...path, 'image'], c.image, 'must not have leading or trailing whitespace')]
      : []),
  ...validateContainerPorts(c.ports, [...path, 'ports']),
  ...validateEnv(c.env, [...path, 'env']),
  ...validateEnvFrom(c.envFrom, [...path, 'envFrom']),
  ...validateVolumeMounts(c, volumes, [...path, 'volumeMounts']),
  ...validateResources(c.resources, [...path, 'resources']),
  ...validateResizePolicy(c, podRestartPolicy, [...path, 'resizePolicy']),
];

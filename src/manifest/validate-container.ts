/** The API server's checks on one container, its probes and its hooks (`validateContainerCommon`, `validateProbe`, …). */
import type * as t from 'io-ts';
import type { ResourceList } from '../k8s/codecs.js';
import type { Container, EnvVar as EnvVarCodec, LifecycleHandler, Probe, ResourceRequirements } from '../k8s/pod.js';
import { formatQuantity, parseQuantity } from '../k8s/quantity.js';
import { forbidden, invalid, notFound, notSupported, required, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names.js';

type EnvVar = t.TypeOf<typeof EnvVarCodec>;

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

const quantityOf = (list: ResourceList | undefined, name: string) => {
  const raw = list?.[name];
  return raw === undefined ? undefined : parseQuantity(raw);
};

/** `ValidateResourceRequirements`: nothing negative, and no request above its limit. */
export const validateResources = (resources: ResourceRequirements | undefined, path: FieldPath): FieldError[] => {
  const errors: FieldError[] = [];
  for (const [kind, list] of [['limits', resources?.limits], ['requests', resources?.requests]] as const) {
    for (const name of Object.keys(list ?? {})) {
      const q = quantityOf(list, name);
      if (q !== undefined && q.nanos < 0n) errors.push(invalid([...path, kind, name], formatQuantity(q), 'must be greater than or equal to 0'));
    }
  }
  for (const name of Object.keys(resources?.requests ?? {})) {
    const request = quantityOf(resources?.requests, name);
    const limit = quantityOf(resources?.limits, name);
    if (request !== undefined && limit !== undefined && request.nanos > limit.nanos) {
      errors.push({
        ...invalid([...path, 'requests'], formatQuantity(request), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`),
        at: [...path, 'requests', name],
      });
    }
  }
  return errors;
};

const protocols = ['TCP', 'UDP', 'SCTP'];

const envSources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];

/** `validateEnvVarValueFrom`: a `valueFrom` names one source, and never beside a non-empty `value`. */
const validateEnvValueFrom = (e: EnvVar, path: FieldPath): FieldError[] => {
  if (e.valueFrom === undefined) return [];
  const sources = envSources.filter((s) => e.valueFrom?.[s] !== undefined && e.valueFrom[s] !== null).length;
  if (sources > 0 && (e.value ?? '') !== '') return [invalid(path, '', 'may not be specified when `value` is not empty')];
  if (sources > 1) return [invalid(path, '', 'may not have more than one field specified at a time')];
  return [];
};

/** `validateContainerCommon` and `validateContainerOnlyForPod`: what every container must satisfy. */
export const validateContainerCommon = (c: Container, volumes: ReadonlySet<string>, path: FieldPath): FieldError[] => [
  ...(c.name === '' ? [required([...path, 'name'])] : isDNS1123Label(c.name).map((m) => invalid([...path, 'name'], c.name, m))),
  ...(c.image === undefined || c.image === ''
    ? [required([...path, 'image'])]
    : c.image.trim() !== c.image
      ? [invalid([...path, 'image'], c.image, 'must not have leading or trailing whitespace')]
      : []),
  ...(c.ports ?? []).flatMap((port, i) => [
    ...isValidPortNum(port.containerPort).map((m) => invalid([...path, 'ports', i, 'containerPort'], port.containerPort, m)),
    ...(port.hostPort ? isValidPortNum(port.hostPort).map((m) => invalid([...path, 'ports', i, 'hostPort'], port.hostPort, m)) : []),
    ...(port.name === undefined ? [] : isValidPortName(port.name).map((m) => invalid([...path, 'ports', i, 'name'], port.name, m))),
    ...(port.protocol === undefined || protocols.includes(port.protocol)
      ? []
      : [notSupported([...path, 'ports', i, 'protocol'], port.protocol, protocols)]),
  ]),
  ...(c.env ?? []).flatMap((e, i) => (e.name === '' ? [required([...path, 'env', i, 'name'])] : validateEnvValueFrom(e, [...path, 'env', i, 'valueFrom']))),
  ...(c.volumeMounts ?? []).flatMap((m, i) =>
    m.name === ''
      ? [required([...path, 'volumeMounts', i, 'name'])]
      : volumes.has(m.name)
        ? []
        : [notFound([...path, 'volumeMounts', i, 'name'], m.name)],
  ),
  ...validateResources(c.resources, [...path, 'resources']),
];

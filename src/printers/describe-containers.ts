/**
 * The Init Containers and Containers sections of `kubectl describe pod` (`describe.go :: describeContainers`
 * and its helpers: basic info, command, state, resources, probes, environment, mounts).
 */
import type { Container, ContainerState, ContainerStatus, Probe, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { canonicalQuantity, milliValueOf, valueOf } from '../k8s/quantity.js';
import { boolAt, recordAt, stringAt, type UnknownRecord } from './fields.js';
import { rfc1123z } from './go-time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';
import { sortedBy } from './go-sort.js';

const stringOrNone = (s: string): string => (s === '' ? '<none>' : s);
const printBool = (b: boolean | undefined): string => (b === true ? 'True' : 'False');

/**
 * `describeContainerPorts` / `describeContainerHostPorts`: `port/protocol`, then ` (name)` for a named port
 * (kubectl v1.34 and later). Protocol is defaulted to TCP by the API server.
 */
const ports = (c: Container, port: (p: NonNullable<Container['ports']>[number]) => number): string =>
  (c.ports ?? []).map((p) => `${port(p)}/${p.protocol ?? 'TCP'}${(p.name ?? '') === '' ? '' : ` (${p.name})`}`).join(', ');

const describeBasicInfo = (w: PrefixWriter, c: Container, status: ContainerStatus | undefined): void => {
  w.write(LEVEL_1, `${c.name}:\n`);
  if (status !== undefined) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status !== undefined) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const containerPorts = ports(c, (p) => p.containerPort);
  w.write(LEVEL_2, containerPorts.includes(',') ? `Ports:\t${containerPorts}\n` : `Port:\t${stringOrNone(containerPorts)}\n`);
  const hostPorts = ports(c, (p) => p.hostPort ?? 0);
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
  describeSeccomp(w, c.securityContext, LEVEL_2);
};

/** The seccomp profile of a pod or container security context, with its localhost profile one level deeper. */
export const describeSeccomp = (w: PrefixWriter, securityContext: UnknownRecord | undefined, level: number): void => {
  const profile = recordAt(securityContext, 'seccompProfile');
  if (profile === undefined) return;
  const type = stringAt(profile, 'type') ?? '';
  w.write(level, `SeccompProfile:\t${type}\n`);
  if (type === 'Localhost') w.write(level + 1, `LocalhostProfile:\t${stringAt(profile, 'localhostProfile') ?? ''}\n`);
};

const describeCommand = (w: PrefixWriter, c: Container): void => {
  for (const [title, parts] of [['Command', c.command ?? []], ['Args', c.args ?? []]] as const) {
    if (parts.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const part of parts) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
};

/** `describeStatus`: one container state with its details. */
const describeState = (w: PrefixWriter, name: string, state: ContainerState | undefined): void => {
  if (state?.running !== undefined) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting !== undefined) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if ((state.waiting.reason ?? '') !== '') w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated !== undefined) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if ((t.reason ?? '') !== '') w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if ((t.message ?? '') !== '') w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
};

const describeContainerState = (w: PrefixWriter, status: ContainerStatus): void => {
  describeState(w, 'State', status.state);
  if (status.lastState?.terminated !== undefined) describeState(w, 'Last State', status.lastState);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
};

/** `describeResources`: Limits, then Requests, names sorted, quantities in canonical form. */
export const describeResources = (w: PrefixWriter, resources: ResourceRequirements | undefined, level: number): void => {
  for (const [title, list] of [['Limits', resources?.limits ?? {}], ['Requests', resources?.requests ?? {}]] as const) {
    const names = sortedBy(Object.keys(list), (name) => name);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) {
      const raw = list[name] ?? '';
      w.write(level + 1, `${name}:\t${canonicalQuantity(raw) ?? raw}\n`);
    }
  }
};

/** Go's `net.JoinHostPort`: IPv6 hosts in brackets. */
const joinHostPort = (host: string, port: string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * `DescribeProbe`: the action, then its timings. Missing timings print the API server's defaults
 * (delay 0, timeout 1, period 10, success 1, failure 3).
 */
export const describeProbe = (p: Probe): string => {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec !== undefined) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet !== undefined) {
    const port = String(p.httpGet.port);
    const host = port === '' ? (p.httpGet.host ?? '') : joinHostPort(p.httpGet.host ?? '', port);
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket !== undefined) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc !== undefined) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
};

const describeProbes = (w: PrefixWriter, c: Container): void => {
  for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
    if (probe !== undefined) w.write(LEVEL_2, `${title}:\t${describeProbe(probe)}\n`);
  }
};

/** `fieldpath.ExtractFieldPathAsString` for the paths the downward API allows. */
const podField = (pod: V1Pod, path: string): string => {
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (keyed !== null) return (keyed[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[keyed[2] ?? ''] ?? '';
  const fields: Readonly<Record<string, string | undefined>> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return fields[path] ?? '';
};

/** `ExtractContainerResourceValue`: the container's request or limit divided by the divisor, rounded up. */
const containerResource = (c: Container, ref: UnknownRecord): string => {
  const resource = stringAt(ref, 'resource') ?? '';
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  if (list === undefined || name === undefined) return '';
  const divisor = stringAt(ref, 'divisor') ?? '1';
  const value = list[name];
  const ceil = (a: bigint, b: bigint): bigint => (b === 0n ? 0n : (a + b - 1n) / b);
  return name === 'cpu'
    ? String(ceil(milliValueOf(value), milliValueOf(divisor)))
    : String(ceil(valueOf(value), valueOf(divisor)));
};

const describeEnvFrom = (w: PrefixWriter, c: Container): void => {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const configMap = recordAt(e, 'configMapRef');
    const secret = recordAt(e, 'secretRef');
    const ref = configMap ?? secret;
    const from = configMap !== undefined ? 'ConfigMap' : secret !== undefined ? 'Secret' : '';
    const prefix = stringAt(e, 'prefix') ?? '';
    const what = prefix === '' ? from : `${from} with prefix '${prefix}'`;
    w.write(LEVEL_3, `${stringAt(ref, 'name') ?? ''}\t${what}\tOptional: ${boolAt(ref, 'optional')}\n`);
  }
};

const describeEnv = (w: PrefixWriter, c: Container, pod: V1Pod): void => {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (from === undefined) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const fieldRef = recordAt(from, 'fieldRef');
    const resourceRef = recordAt(from, 'resourceFieldRef');
    const secretRef = recordAt(from, 'secretKeyRef');
    const configMapRef = recordAt(from, 'configMapKeyRef');
    if (fieldRef !== undefined) {
      const path = stringAt(fieldRef, 'fieldPath') ?? '';
      w.write(LEVEL_3, `${e.name}:\t${podField(pod, path)} (${stringAt(fieldRef, 'apiVersion') ?? 'v1'}:${path})\n`);
    } else if (resourceRef !== undefined) {
      const resource = stringAt(resourceRef, 'resource') ?? '';
      const value = containerResource(c, resourceRef);
      const shown = value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory') ? 'node allocatable' : value;
      w.write(LEVEL_3, `${e.name}:\t${shown} (${resource})\n`);
    } else if (secretRef !== undefined) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${stringAt(secretRef, 'key') ?? ''}' in secret '${stringAt(secretRef, 'name') ?? ''}'>\tOptional: ${boolAt(secretRef, 'optional')}\n`);
    } else if (configMapRef !== undefined) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${stringAt(configMapRef, 'key') ?? ''}' of config map '${stringAt(configMapRef, 'name') ?? ''}'>\tOptional: ${boolAt(configMapRef, 'optional')}\n`);
    }
  }
};

/**
 * Mounts sorted by path, `(ro)`/`(rw)` plus any subPath; then block devices, if any, sorted by path
 * (`describeContainerVolumes`, whose `Devices:` line repeats the Mounts line's `<none>`).
 */
const describeMounts = (w: PrefixWriter, c: Container): void => {
  const mounts = sortedBy(c.volumeMounts ?? [], (m) => m.mountPath);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly === true ? 'ro' : 'rw', ...((m.subPath ?? '') === '' ? [] : [`path=${JSON.stringify(m.subPath)}`])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = sortedBy(c.volumeDevices ?? [], (d) => stringAt(d, 'devicePath') ?? '');
  if (devices.length === 0) return;
  w.write(LEVEL_2, `Devices:${none}\n`);
  for (const d of devices) w.write(LEVEL_3, `${stringAt(d, 'devicePath') ?? ''} from ${stringAt(d, 'name') ?? ''}\n`);
};

/** One containers section: its title, then each container with its status if there is one. */
export const describeContainers = (
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  pod: V1Pod,
): void => {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  w.write(LEVEL_0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeBasicInfo(w, c, status);
    describeCommand(w, c);
    if (status !== undefined) describeContainerState(w, status);
    describeResources(w, c.resources, LEVEL_2);
    describeProbes(w, c);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
};

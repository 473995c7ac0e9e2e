/**
 * The numeric ranges the API server can hold. A number outside its Go type (`int32`, `int64`) is refused when
 * the request is decoded (`json: cannot unmarshal number … of type int64`); a number of seconds that becomes a
 * `time.Duration` (grace periods, toleration seconds, hook sleeps) must also fit one, or the API server's
 * arithmetic (`time.Duration(grace) * time.Second`) overflows. Storing such a value would leave a journal
 * no reader can fold, so every writer checks it first.
 */
import type { FieldPath } from './field-path.js';
import type { V1Pod } from './pod.js';

export const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);
/** 2^63 is the first number past int64 (doubles cannot hold 2^63 − 1 itself). */
const INT64_LIMIT = 2 ** 63;
/** `math.MaxInt64 / time.Second`: the longest `time.Duration`, in whole seconds (about 292 years). */
export const MAX_DURATION_SECONDS = 9_223_372_036;

export type GoInt = 'int32' | 'int64' | 'duration seconds';

/** What is wrong with `value` as a Go `kind`, in the API server's words; undefined when it fits. */
export const rangeProblem = (value: number, kind: GoInt): string | undefined => {
  if (!Number.isInteger(value)) return `cannot unmarshal number ${value} into Go value of type ${kind === 'int32' ? 'int32' : 'int64'}`;
  if (kind === 'int32' && (value < INT32_MIN || value > INT32_MAX)) return `cannot unmarshal number ${value} into Go value of type int32`;
  if (value < -INT64_LIMIT || value >= INT64_LIMIT) return `cannot unmarshal number ${value} into Go value of type int64`;
  if (kind === 'duration seconds' && Math.abs(value) > MAX_DURATION_SECONDS) {
    return `must be no more than ${MAX_DURATION_SECONDS} seconds in magnitude (the longest time.Duration)`;
  }
  return undefined;
};

export interface OutOfRange {
  readonly path: FieldPath;
  readonly value: number;
  readonly problem: string;
}

type Field = readonly [FieldPath, number | undefined, GoInt];

const check = (fields: readonly Field[]): OutOfRange[] =>
  fields.flatMap(([path, value, kind]) => {
    const problem = value === undefined ? undefined : rangeProblem(value, kind);
    return problem === undefined || value === undefined ? [] : [{ path, value, problem }];
  });

type Container = V1Pod['spec']['containers'][number];
type Probe = NonNullable<Container['livenessProbe']>;
type Handler = NonNullable<NonNullable<Container['lifecycle']>['preStop']>;

const port = (path: FieldPath, p: number | string | undefined): Field[] => (typeof p === 'number' ? [[path, p, 'int32']] : []);

const handlerFields = (h: Handler | undefined, path: FieldPath): Field[] =>
  h === undefined
    ? []
    : [
        ...port([...path, 'httpGet', 'port'], h.httpGet?.port),
        ...port([...path, 'tcpSocket', 'port'], h.tcpSocket?.port),
        [[...path, 'sleep', 'seconds'], h.sleep?.seconds, 'duration seconds'],
      ];

const probeFields = (p: Probe | undefined, path: FieldPath): Field[] =>
  p === undefined
    ? []
    : [
        ...handlerFields(p, path),
        ...port([...path, 'grpc', 'port'], p.grpc?.port),
        [[...path, 'initialDelaySeconds'], p.initialDelaySeconds, 'int32'],
        [[...path, 'timeoutSeconds'], p.timeoutSeconds, 'int32'],
        [[...path, 'periodSeconds'], p.periodSeconds, 'int32'],
        [[...path, 'successThreshold'], p.successThreshold, 'int32'],
        [[...path, 'failureThreshold'], p.failureThreshold, 'int32'],
        [[...path, 'terminationGracePeriodSeconds'], p.terminationGracePeriodSeconds, 'duration seconds'],
      ];

const containerFields = (c: Container, path: FieldPath): Field[] => [
  ...(c.ports ?? []).flatMap((p, i): Field[] => [
    [[...path, 'ports', i, 'containerPort'], p.containerPort, 'int32'],
    [[...path, 'ports', i, 'hostPort'], p.hostPort, 'int32'],
  ]),
  ...probeFields(c.livenessProbe, [...path, 'livenessProbe']),
  ...probeFields(c.readinessProbe, [...path, 'readinessProbe']),
  ...probeFields(c.startupProbe, [...path, 'startupProbe']),
  ...handlerFields(c.lifecycle?.postStart, [...path, 'lifecycle', 'postStart']),
  ...handlerFields(c.lifecycle?.preStop, [...path, 'lifecycle', 'preStop']),
  ...(c.restartPolicyRules ?? []).flatMap((r, i) =>
    (r.exitCodes?.values ?? []).map((v, j): Field => [[...path, 'restartPolicyRules', i, 'exitCodes', 'values', j], v, 'int32']),
  ),
];

/**
 * Whether every number anywhere in `v` is an integer an int32 holds. Every kind checked here admits each such
 * number, so a pod made only of them has no range error, and its check builds no field paths: building them
 * for every field (dozens of arrays a pod) made this check, cold, as costly as the rest of an append's check of
 * a `PodCreated` (bench/README.md, 2026-12-06 12:15).
 */
const onlyInt32s = (v: unknown): boolean => {
  if (typeof v === 'number') return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(onlyInt32s);
  for (const key in v) if (!onlyInt32s((v as Record<string, unknown>)[key])) return false;
  return true;
};

/** Every number of a pod outside what its Go field (or the duration it becomes) can hold, in field order. */
export const podRangeErrors = (pod: V1Pod): OutOfRange[] => {
  if (onlyInt32s(pod)) return [];
  const { metadata, spec } = pod;
  return check([
    [['metadata', 'generation'], metadata.generation, 'int64'],
    [['metadata', 'deletionGracePeriodSeconds'], metadata.deletionGracePeriodSeconds, 'duration seconds'],
    ...(spec.initContainers ?? []).flatMap((c, i) => containerFields(c, ['spec', 'initContainers', i])),
    ...spec.containers.flatMap((c, i) => containerFields(c, ['spec', 'containers', i])),
    [['spec', 'terminationGracePeriodSeconds'], spec.terminationGracePeriodSeconds, 'duration seconds'],
    [['spec', 'activeDeadlineSeconds'], spec.activeDeadlineSeconds, 'int64'],
    [['spec', 'priority'], spec.priority, 'int32'],
    ...(spec.tolerations ?? []).map((t, i): Field => [['spec', 'tolerations', i, 'tolerationSeconds'], t.tolerationSeconds, 'duration seconds']),
  ]);
};

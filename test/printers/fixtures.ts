/** Builders for printer tests: pods written as v1 JSON, like the Go literals of Kubernetes' printer tests. */
import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { V1Pod } from '../../src/k8s/pod.js';
import type { ContainerStatus } from '../../src/k8s/pod.js';
import { formatErrors } from '../../src/events/report.js';

/** The instant every printer test is evaluated at. */
export const NOW = new Date('2026-03-01T12:00:00.000Z');

/** The instant `ms` milliseconds before NOW, as an RFC 3339 string. */
export const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Pod JSON as written in a manifest (plain numbers, not branded integers). */
export type PodJson = t.OutputOf<typeof V1Pod>;
type Json<T extends keyof PodJson> = NonNullable<PodJson[T]>;
export type ContainerJson = Json<'spec'>['containers'][number];
export type ContainerStatusJson = t.OutputOf<typeof ContainerStatus>;

/** Decodes pod JSON with the project's codec, failing the test on a bad literal. */
export const decodePod = (json: PodJson): V1Pod => {
  const decoded = V1Pod.decode(json);
  if (E.isLeft(decoded)) throw new Error(`bad pod literal: ${formatErrors(decoded.left)}`);
  return decoded.right;
};

/** Go's `make([]api.Container, n)`: n containers with empty names. */
export const unnamed = (n: number): ContainerJson[] => Array.from({ length: n }, () => ({ name: '' }));

/** Go's zero-valued ContainerStatus with the given fields. */
export const cs = (fields: Partial<ContainerStatusJson>): ContainerStatusJson => ({ name: '', ...fields });

export interface PodShape {
  readonly metadata: Json<'metadata'>;
  readonly containers?: ContainerJson[] | number;
  readonly initContainers?: ContainerJson[] | number;
  readonly status?: Json<'status'>;
  readonly spec?: Partial<Json<'spec'>>;
}

/** A pod from a Go test literal: container lists may be given as counts of unnamed containers. */
export const pod = (shape: PodShape): V1Pod => {
  const list = (c: ContainerJson[] | number | undefined): ContainerJson[] | undefined =>
    typeof c === 'number' ? unnamed(c) : c;
  const initContainers = list(shape.initContainers);
  return decodePod({
    metadata: shape.metadata,
    spec: {
      ...shape.spec,
      containers: list(shape.containers) ?? [],
      ...(initContainers === undefined ? {} : { initContainers }),
    },
    ...(shape.status === undefined ? {} : { status: shape.status }),
  });
};

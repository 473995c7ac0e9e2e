/** Defaulted reads of a pod spec, as the API server's defaulting (`pkg/apis/core/v1/defaults.go`) would fill them. */
import type { Container, LifecycleHandler, Probe, PodSpec, PullPolicy, V1Pod } from '../k8s/pod.js';
import { valueOf } from '../k8s/quantity.js';
import { containerShouldRestart, restartsOnFailure } from '../k8s/restart-rules.js';
import { roleOf, type ContainerRole } from '../reducers/restart.js';
import type { HookAnswer } from './world.js';

export type { ContainerRole };

/**
 * How a lifecycle hook goes: a `sleep` action sleeps exactly its seconds and succeeds (`lifecycle/handlers.go
 * :: runSleepHandler`, gate `PodLifecycleSleepAction`, GA), so the spec says it, not the world; any other
 * handler runs the user's code, which the world answers for.
 */
export const hookAnswerOf = (handler: LifecycleHandler | undefined, worldAnswer: () => HookAnswer): HookAnswer =>
  handler?.sleep !== undefined ? { durationMs: handler.sleep.seconds * 1000 } : worldAnswer();

/** `v1.DefaultTerminationGracePeriodSeconds`. */
export const podGraceSeconds = (spec: PodSpec): number => spec.terminationGracePeriodSeconds ?? 30;

/** An image reference without tag or digest means `:latest`. */
const isLatest = (image: string): boolean => {
  if (image.includes('@')) return false;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return colon === -1 || lastSegment.slice(colon + 1) === 'latest';
};

/** `SetDefaults_Container`: `Always` for `:latest` (or no tag), else `IfNotPresent`. */
export const pullPolicyOf = (c: Container): PullPolicy =>
  c.imagePullPolicy ?? (isLatest(c.image ?? '') ? 'Always' : 'IfNotPresent');

/** The image name a node stores: a missing tag is `:latest`, so `busybox` and `busybox:latest` are one image. */
export const imageKey = (image: string): string => (isLatest(image) && !image.endsWith(':latest') ? `${image}:latest` : image);

/** One spec container with its place in the pod: init containers first, in order, then regular ones. */
export interface SpecContainer {
  readonly name: string;
  readonly role: ContainerRole;
  readonly spec: Container;
}

const listed = new WeakMap<PodSpec, readonly SpecContainer[]>();
const named = new WeakMap<PodSpec, ReadonlyMap<string, SpecContainer>>();

/** The spec container of that name, found in O(1) (a pod may have hundreds). */
export const specContainerNamed = (spec: PodSpec, name: string): SpecContainer | undefined => {
  let byName = named.get(spec);
  if (byName === undefined) {
    byName = new Map(specContainers(spec).map((c) => [c.name, c]));
    named.set(spec, byName);
  }
  return byName.get(name);
};

/** Specs are never mutated, so each pod's list is built once. */
export const specContainers = (spec: PodSpec): readonly SpecContainer[] => {
  const cached = listed.get(spec);
  if (cached !== undefined) return cached;
  const list = [
    ...(spec.initContainers ?? []).map((c) => ({ name: c.name, role: roleOf(c, 'init'), spec: c })),
    ...spec.containers.map((c) => ({ name: c.name, role: roleOf(c, 'regular'), spec: c })),
  ];
  listed.set(spec, list);
  return list;
};

/** `SetDefaults_Probe`: period 10 s, thresholds 1 / 3, no initial delay. */
export interface ProbeTiming {
  readonly initialDelayMs: number;
  readonly periodMs: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

export const probeTiming = (p: Probe): ProbeTiming => ({
  initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
  periodMs: (p.periodSeconds ?? 10) * 1000,
  successThreshold: p.successThreshold ?? 1,
  failureThreshold: p.failureThreshold ?? 3,
});

const limits = new WeakMap<Container, { readonly bytes: bigint | undefined }>();

/** The container's memory limit in bytes, if it has one: parsed once per spec (asked at every memory sample). */
export const memoryLimitBytes = (c: Container): bigint | undefined => {
  const known = limits.get(c);
  if (known !== undefined) return known.bytes;
  const limit = c.resources?.limits?.['memory'];
  const bytes = limit === undefined ? undefined : valueOf(limit);
  limits.set(c, { bytes });
  return bytes;
};

/**
 * Whether a container whose instance exited with `exitCode` runs again. A regular or sidecar container:
 * `ShouldContainerBeRestarted` (gate `ContainerRestartRules`: `ContainerShouldRestart`, its rules and own
 * policy, else the pod's; a sidecar's own policy is `Always`). A regular init container
 * (`kuberuntime_container.go :: computeInitContainerActions`): done at exit 0; a failed one is retried on its
 * own policy, else the pod's, without its rules (`restartsOnFailure`).
 */
export const restartsAfterExit = (c: SpecContainer, pod: PodSpec, exitCode: number): boolean =>
  c.role === 'init' ? exitCode !== 0 && restartsOnFailure(c.spec, pod) : containerShouldRestart(c.spec, pod, exitCode);

const emptyDirs = new WeakMap<V1Pod, readonly string[]>();

/** The pod's emptyDir volumes by name, in spec order: the local volumes the eviction manager measures (`localVolumeNames`). */
export const emptyDirNames = (pod: V1Pod): readonly string[] => {
  let names = emptyDirs.get(pod);
  if (names === undefined) {
    names = (pod.spec.volumes ?? []).flatMap((v) => (v.emptyDir === undefined ? [] : [v.name]));
    emptyDirs.set(pod, names);
  }
  return names;
};

/** Pod and usage builders mirroring helpers_test.go's newPod / newContainer / newResourceList / newPod*Stats. */
import type { ResourceList } from '../../src/k8s/codecs.js';
import { isRight } from 'fp-ts/lib/Either.js';
import { V1Pod, type Container } from '../../src/k8s/pod.js';
import type { Candidate, Usage } from '../../src/eviction/index.js';

// The priorities helpers_test.go uses (`lowPriority`, `defaultPriority`, `highPriority`).
export const lowPriority = -1;
export const defaultPriority = 0;
export const highPriority = 1;

/** `newResourceList(cpu, memory, disk)`: empty strings are left out. */
export const resources = (cpu = '', mem = '', storage = ''): ResourceList => ({
  ...(cpu === '' ? {} : { cpu }),
  ...(mem === '' ? {} : { memory: mem }),
  ...(storage === '' ? {} : { 'ephemeral-storage': storage }),
});

export const container = (name: string, requests: ResourceList = {}, limits: ResourceList = {}): Container => ({
  name,
  image: 'registry.k8s.io/pause:3.9',
  resources: { requests, limits },
});

/** `newPod(name, priority, containers, volumes)`, decoded so that every test pod is a valid V1Pod. */
export const pod = (name: string, priority: number | undefined, containers: Container[], extra: Record<string, unknown> = {}): V1Pod => {
  const decoded = V1Pod.decode({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { containers, ...(priority === undefined ? {} : { priority }), ...extra },
  });
  if (!isRight(decoded)) throw new Error(`test pod ${name} is not a valid V1Pod`);
  return decoded.right;
};

/** `newPodDiskStats(pod, rootFs, logs, perLocalVolume)` sums to one ephemeral-storage figure, in Mi. */
export const diskMi = (rootFs: number, logs: number, perLocalVolume: number): Usage => ({
  ephemeralStorage: `${rootFs + logs + perLocalVolume}Mi`,
});

/** `newPodInodeStats(pod, rootFs, logs, perLocalVolume)`. */
export const inodeCount = (rootFs: number, logs: number, perLocalVolume: number): Usage => ({
  inodes: rootFs + logs + perLocalVolume,
});

export const at = (p: V1Pod, usage: Usage): Candidate => ({ pod: p, usage });

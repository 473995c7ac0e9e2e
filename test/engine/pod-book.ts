/** Test helper: a pod's engine book as the kubelet holds it once admitted, its sandbox ready and synced once. */
import type { PodSpec } from '../../src/k8s/pod.js';
import type { ContainerBook, PodBook } from '../../src/engine/state.js';

export const syncedPodBook = (uid: string, spec: PodSpec, containers: readonly ContainerBook[], extra: Partial<PodBook> = {}): PodBook => ({
  ref: { namespace: 'default', name: 'foo', uid },
  seq: 0,
  manifest: { metadata: { name: 'foo' }, spec },
  spec,
  node: 'node-1',
  admitted: true,
  sandbox: true,
  evicted: false,
  deadlineExceeded: false,
  removed: false,
  dirty: false,
  syncs: 1,
  syncFoundTerminal: false,
  imageBackoffs: new Map(),
  containers,
  ...extra,
});

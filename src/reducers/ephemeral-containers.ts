/**
 * A write to `pods/ephemeralcontainers` (`kubectl debug`): the only way a pod's spec grows. The API server keeps the
 * spec but for its `ephemeralContainers` and bumps the generation (v1.33+)
 * (`pkg/registry/core/pod/strategy.go :: podEphemeralContainersStrategy.PrepareForUpdate`, `updatePodGeneration`).
 */
import type { EventOf } from '../events/index.js';
import type { PodSpec, V1Pod } from '../k8s/pod.js';
import { baseOf, podState } from './folded-pod.js';
import { podWith } from './pod-object.js';
import { withFields } from './records.js';
import type { PodState } from './state.js';

/** `spec` with `ephemeral` at Go's `PodSpec` key position: right after `containers`. */
const withEphemeral = (spec: PodSpec, ephemeral: PodSpec['ephemeralContainers']): PodSpec => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'ephemeralContainers') continue;
    out[key] = value;
    if (key === 'containers') out['ephemeralContainers'] = ephemeral;
  }
  return out as PodSpec;
};

export const ephemeralContainersUpdated = (s: PodState, e: EventOf<'PodEphemeralContainersUpdated'>): PodState => {
  const pod: V1Pod = baseOf(s);
  if (JSON.stringify(pod.spec.ephemeralContainers ?? []) === JSON.stringify(e.ephemeralContainers)) return s;
  // generation 0: an API server before v1.33 kept none
  const { generation = 0 } = pod.metadata;
  const metadata = generation === 0 ? pod.metadata : withFields(pod.metadata, { generation: generation + 1 });
  return podState(s, podWith(pod, metadata, withEphemeral(pod.spec, e.ephemeralContainers), pod.status), s.kubelet);
};

/** The DefaultTolerationSeconds admission plugin applied to a created pod (`k8s/tolerations.ts :: admittedTolerations`). */
import type { V1Pod } from '../k8s/pod.js';
import { admittedTolerations } from '../k8s/tolerations.js';

export const admitDefaultTolerations = (pod: V1Pod): V1Pod => {
  const tolerations = pod.spec.tolerations ?? [];
  const admitted = admittedTolerations(tolerations);
  return admitted === tolerations ? pod : { ...pod, spec: { ...pod.spec, tolerations: [...admitted] } };
};

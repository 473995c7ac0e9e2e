/** The API server's deletion grace (`strategy.go :: CheckGracefulDelete`), shared by the fold and `podj delete`. */
import type { V1Pod } from '../k8s/pod.js';

/** 0 for a pod never bound or already Succeeded/Failed (it leaves storage at once); a negative request becomes 1. */
export const gracefulDeleteGrace = (pod: V1Pod, requested: number): number => {
  const phase = pod.status?.phase;
  if (pod.spec.nodeName === undefined || phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested < 0 ? 1 : requested;
};

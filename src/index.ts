/** podjournal's library surface: pure functions on Kubernetes v1 objects, and the event model. */
export * from './events/index.js';
export type { V1Pod } from './k8s/pod.js';

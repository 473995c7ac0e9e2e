/** podjournal's library surface: pure functions on Kubernetes v1 objects, and the event model. */
export * from './events/index.js';
export type { V1Pod } from './k8s/pod.js';
export { qosClassOf } from './k8s/qos.js';
export { phaseOf, type PhaseOptions } from './k8s/phase.js';
export * from './reducers/index.js';

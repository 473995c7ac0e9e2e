/**
 * podjournal's library surface. Pure functions on Kubernetes v1 objects (the contract's `qosClassOf`,
 * `phaseOf`, `kubectlRow`, `evictionOrder`), the event model, the reducers, and the journal.
 */
export { qosClassOf } from './k8s/qos.js';
export { phaseOf, type PhaseOptions } from './k8s/phase.js';
export { kubectlRow, type KubectlRow } from './printers/index.js';
export { evictionOrder, type EvictionSignal } from './eviction/index.js';
export type { V1Pod, PodPhase, QOSClass } from './k8s/pod.js';

export * from './events/index.js';
export { foldCluster, reducePod, reduceNode, findPod, podsOf, emptyCluster } from './reducers/index.js';
export type { ClusterState, PodState, NodeState } from './reducers/index.js';
export { loadManifests, formatManifestError, type ManifestError } from './manifest/index.js';
export { openJournal, JournalError, type Journal, type JournalRecord } from './journal/index.js';
export { clusterAt, refreshSnapshots, timeTravel } from './timetravel/time-travel.js';

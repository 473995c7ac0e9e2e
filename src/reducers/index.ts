/** The reducers' public surface: the pure fold from events to v1 Pods and nodes. */
export type { ClusterState, NodeCondition, NodeState, PodState } from './state.js';
export type { ContainerView, KubeletView } from './kubelet-view.js';
export { Folding, applyEvent, emptyCluster, findPod, foldCluster, podsOf } from './cluster.js';
export { foldPages } from './fold-pages.js';
export { FoldedPod, baseOf, generatedFrom, podOf } from './folded-pod.js';
export { gracefulDeleteGrace } from './grace.js';
export { reduceNode } from './node.js';
export { reducePod, restsOnInferred } from './pod.js';
export { boundSpec } from './shared-values.js';

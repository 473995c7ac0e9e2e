/**
 * The whole cluster's fold: pods by uid, nodes by name. `foldCluster` never mutates its inputs; inside one
 * fold it updates private Maps in place, so replay costs no per-event copy of the cluster.
 */
import type { Event } from '../events/index.js';
import type { V1Pod } from '../k8s/pod.js';
import { isStaticPodOfMirror } from '../k8s/static-pods.js';
import { reduceNode } from './node.js';
import { reducePod } from './pod.js';
import type { ClusterState, NodeState, PodState } from './state.js';
import { baseOf } from './folded-pod.js';

export const emptyCluster: ClusterState = { pods: new Map(), nodes: new Map() };

/** The live pod named `namespace/name`, if any. */
export const findPod = (state: ClusterState, namespace: string, name: string): PodState | undefined => {
  for (const p of state.pods.values()) {
    const { metadata } = baseOf(p);
    if (metadata.namespace === namespace && metadata.name === name) return p;
  }
  return undefined;
};

/** The v1 Pods of a state, in no particular order. */
export const podsOf = (state: ClusterState): V1Pod[] => [...state.pods.values()].map((p) => p.pod);

/** A fold in progress: private Maps, mutated in place, plus a name index built on first need. */
export class Folding {
  readonly pods: Map<string, PodState>;
  readonly nodes: Map<string, NodeState>;
  // uid by namespace, then name: keyed by the strings the pods' metadata already hold (no key string per pod)
  private names: Map<string, Map<string, string>> | undefined;

  constructor(from: ClusterState) {
    this.pods = new Map(from.pods);
    this.nodes = new Map(from.nodes);
  }

  private namesIn(namespace: string): Map<string, string> {
    if (this.names === undefined) {
      this.names = new Map();
      for (const [uid, p] of this.pods) this.index(baseOf(p).metadata, uid);
    }
    const known = this.names.get(namespace);
    if (known !== undefined) return known;
    const byName = new Map<string, string>();
    this.names.set(namespace, byName);
    return byName;
  }

  private index(metadata: V1Pod['metadata'], uid: string): void {
    this.namesIn(metadata.namespace ?? '').set(metadata.name ?? '', uid);
  }

  apply(e: Event): void {
    if ('pod' in e) {
      const uid = e.pod.uid;
      const before = this.pods.get(uid);
      const creating = before === undefined && e.type === 'PodCreated';
      // A name held by another live pod passes to the new one: the API server reuses a name only once its
      // holder is gone, so the holder's removal went unrecorded (an import that missed it).
      const holder = creating ? this.namesIn(e.pod.namespace).get(e.pod.name) : undefined;
      const held = holder === undefined ? undefined : this.pods.get(holder);
      // Save for a static pod under the name of its own mirror: the two are one pod, the API server's copy the
      // one kubectl shows (pkg/kubelet/pod/mirror_client.go :: IsMirrorPodOf), so the kubelet's record of it
      // (a later import of its `/pods`) takes nothing from the mirror.
      if (e.type === 'PodCreated' && held !== undefined && isStaticPodOfMirror(e.manifest, baseOf(held))) return;
      if (holder !== undefined) this.pods.delete(holder);
      const after = reducePod(before, e);
      if (after === before) return;
      if (after !== undefined) this.pods.set(uid, after);
      else {
        this.pods.delete(uid);
        if (before !== undefined) this.names?.get(baseOf(before).metadata.namespace ?? '')?.delete(baseOf(before).metadata.name ?? '');
      }
      if (creating && after !== undefined) this.index(baseOf(after).metadata, uid);
      return;
    }
    const before = this.nodes.get(e.node);
    const after = reduceNode(before, e);
    if (after === undefined) this.nodes.delete(e.node);
    else this.nodes.set(e.node, after);
  }

  result(): ClusterState {
    return { pods: this.pods, nodes: this.nodes };
  }
}

/** Folds events, in order, onto `from` (the empty cluster by default). */
export const foldCluster = (events: Iterable<Event>, from: ClusterState = emptyCluster): ClusterState => {
  const folding = new Folding(from);
  for (const e of events) folding.apply(e);
  return folding.result();
};

/** One event onto a state: a new state (its Maps are copied, O(pods); fold batches with `foldCluster`). */
export const applyEvent = (state: ClusterState, e: Event): ClusterState => foldCluster([e], state);

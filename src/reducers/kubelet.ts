/**
 * The node concern for one pod: admission, rejection, the sandbox, eviction by the kubelet, and the loss
 * of the pod's node as the node lifecycle controller sees it.
 */
import type { EventOf } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import type { PodStatus } from '../k8s/pod.js';
import { upsertCondition } from './api.js';
import { isKubeletOwned } from '../k8s/pod-conditions.js';
import { kubeletView, type KubeletView } from './kubelet-view.js';
import type { PodState } from './state.js';
import { apiTime } from './time.js';
import { baseOf, podState } from './folded-pod.js';
import { boundSpec, sharedHostIP } from './shared-values.js';
import { podWith } from './pod-object.js';
import { withFields } from './records.js';

export type KubeletEvent = EventOf<'PodAdmitted' | 'PodRejected' | 'SandboxCreated' | 'PodIPAssigned' | 'PodEvicted' | 'PodDeadlineExceeded' | 'PodNodeLost'>;

/**
 * Binds the pod to `node` if it is unbound; undefined when it is bound elsewhere (the event is not for it).
 * An empty name (an importer that could not tell the node) places nothing and contradicts nothing.
 */
const onNode = (s: PodState, node: string): PodState | undefined => {
  if (node === '') return s;
  const pod = baseOf(s);
  const bound = pod.spec.nodeName;
  if (bound !== undefined) return bound === node ? s : undefined;
  return podState(s, podWith(pod, pod.metadata, boundSpec(pod.spec, node), pod.status), kubeletView(s.kubelet, { node }));
};

const withView = (s: PodState, patch: Partial<KubeletView>): PodState => podState(s, baseOf(s), kubeletView(s.kubelet, patch));

/** `rejectPod`: phase Failed with the admission reason; the kubelet writes no conditions of its own. */
const rejectedStatus = (status: PodStatus | undefined, e: EventOf<'PodRejected'>): PodStatus => ({
  phase: 'Failed',
  conditions: (status?.conditions ?? []).filter((c) => !isKubeletOwned(c.type)),
  message: `Pod was rejected: ${e.message}`,
  reason: e.reason,
  startTime: status?.startTime ?? apiTime(e.at),
  ...(status?.qosClass !== undefined ? { qosClass: status.qosClass } : {}),
});

/** The status's `startTime` as the object showed it (the status regeneration keeps a set one). */
const withStartTime = (s: PodState, at: Instant): PodState => {
  const pod = baseOf(s);
  return podState(s, podWith(pod, pod.metadata, pod.spec, withFields(pod.status ?? {}, { startTime: apiTime(at) })), s.kubelet);
};

export const reduceKubelet = (s: PodState, e: KubeletEvent): PodState => {
  switch (e.type) {
    case 'PodAdmitted': {
      const placed = onNode(s, e.node);
      // An admission a node-side fact implied (its Events imported before the pod's object) shows no host IP: the
      // object's record of that admission, imported later, states it.
      const implied = s.kubelet.admitted && s.kubelet.hostIP === undefined && e.hostIP !== undefined;
      if (placed === undefined || (s.kubelet.admitted && !implied) || s.kubelet.rejected !== undefined) return s;
      const admitted = {
        admitted: true,
        hostIP: e.hostIP === undefined ? placed.kubelet.hostIP : sharedHostIP(e.hostIP),
        conditionTypes: e.conditionTypes ?? placed.kubelet.conditionTypes,
        unwrittenFields: e.unwrittenFields ?? placed.kubelet.unwrittenFields,
      };
      return withView(e.startTime === undefined ? placed : withStartTime(placed, e.startTime), admitted);
    }
    case 'PodRejected': {
      const placed = onNode(s, e.node);
      if (placed === undefined || s.kubelet.admitted || s.kubelet.rejected !== undefined) return s;
      const pod = baseOf(placed);
      // a new status, written once: it lists no container statuses
      return { pod: podWith(pod, pod.metadata, pod.spec, rejectedStatus(pod.status, e)), kubelet: kubeletView(placed.kubelet, { rejected: { reason: e.reason, message: e.message } }) };
    }
    case 'SandboxCreated': {
      // A second sandbox replaces the first: nothing regular has started in it yet.
      const podHasInitialized = s.kubelet.sandboxReady ? false : s.kubelet.podHasInitialized;
      const podIPs = ipsOf(e);
      // `PodSandboxChanged`: a sandbox of the pod network whose network status has no IP is not ready (a new one is
      // needed); one with no network status yet (no `podIP`) is ready, its IPs unpublished (`determinePodSandboxIPs`).
      const sandboxReady = e.podIP === undefined || podIPs.length > 0 || baseOf(s).spec.hostNetwork === true;
      return withView(s, { admitted: true, sandboxReady, podHasInitialized, podIPs: podIPs.length > 0 ? podIPs : s.kubelet.podIPs });
    }
    case 'PodIPAssigned': {
      const podIPs = ipsOf(e);
      return withView(s, { admitted: true, podIPs: podIPs.length > 0 ? podIPs : s.kubelet.podIPs });
    }
    case 'PodEvicted':
      // each eviction queues its status function (`pod_workers.go :: UpdatePod`, `statusPostTerminating`); the terminating
      // sync applies the last one queued before it began (`acknowledgeTerminating`): a second eviction while a `SyncPod`
      // holds that sync back replaces the first's message. One queued once that sync began (its own eviction's, a
      // deletion's, a passed deadline's) is never applied: `completeTerminating` drops it. A journal without syncs
      // shows the first at once.
      if (s.kubelet.syncs ? s.kubelet.terminatingSynced === true : s.kubelet.evicted !== undefined) return s;
      return withView(s, { admitted: true, evicted: { at: e.at, message: e.message, ...(e.disruptionTarget === false ? { disruptionTarget: false } : {}) } });
    case 'PodDeadlineExceeded':
      if (s.kubelet.deadlineExceededAt !== undefined) return s;
      return withView(s, { admitted: true, deadlineExceededAt: e.at });
    case 'PodNodeLost': {
      const placed = onNode(s, e.node);
      if (placed === undefined || s.kubelet.nodeLost) return s;
      const pod = baseOf(placed);
      return podState(placed, podWith(pod, pod.metadata, pod.spec, markNotReady(pod.status ?? {}, e.at)), kubeletView(placed.kubelet, { nodeLost: true }));
    }
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
};

/**
 * The IPs an event lists, else its `podIP`; empty ones dropped. The view keeps this list for the pod's life, so
 * it is the event's own (or a one-item literal) unless one must go: `filter` gives even a one-item result room
 * for 17 (152 bytes; at L 11 MiB of a replay's live heap, `bench/README.md`, "Replay memory at L: lists at
 * their size").
 */
const ipsOf = (e: { readonly podIP?: string; readonly podIPs?: readonly string[] }): readonly string[] => {
  const listed = e.podIPs !== undefined && e.podIPs.length > 0 ? e.podIPs : e.podIP === undefined ? [] : [e.podIP];
  return listed.includes('') ? listed.filter((ip) => ip !== '') : listed;
};

/** `MarkPodsNotReady`: an existing Ready condition turns False, keeping its reason and message. */
const markNotReady = (status: PodStatus, at: Instant): PodStatus => {
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  if (ready === undefined) return status;
  return upsertCondition(status, { type: 'Ready', status: 'False', reason: ready.reason, message: ready.message }, at, ready.observedGeneration);
};
